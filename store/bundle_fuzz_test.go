package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// libraryCounts counts every table an import writes, the search index
// included, so a failed import that leaves any row behind is caught.
type libraryCounts struct {
	Stats
	Texts, Tags, ExcerptTags, AllBriefings, Blocks, Snapshots, Indexed int
}

func countLibrary(t *testing.T, s *Store) libraryCounts {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	c := libraryCounts{Stats: st}
	err = s.view(ctx, func(tx *Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM source_texts), (SELECT count(*) FROM tags),
			(SELECT count(*) FROM excerpt_tags), (SELECT count(*) FROM briefings), (SELECT count(*) FROM blocks),
			(SELECT count(*) FROM snapshots), (SELECT count(*) FROM search)`).
			Scan(&c.Texts, &c.Tags, &c.ExcerptTags, &c.AllBriefings, &c.Blocks, &c.Snapshots, &c.Indexed)
	})
	if err != nil {
		t.Fatalf("count library: %v", err)
	}
	c.Path = ""
	return c
}

// hostileBriefingSeeds are interchange files that ReadJSON accepts (or
// nearly: a few are refused, to keep the refusal paths in the corpus) and
// that carry what analysts paste: NUL bytes, invalid UTF-8, bidi overrides,
// 10,000-character words, wrong JSON types and long lists.
func hostileBriefingSeeds() []string {
	head := `{"format":"attache-briefing","version":1,`
	longWord := strings.Repeat("x", 10_000)
	var manyBlocks, manySources strings.Builder
	for i := range 2_000 {
		if i > 0 {
			manyBlocks.WriteString(",")
		}
		fmt.Fprintf(&manyBlocks, `{"type":"excerpt","source":"S","quote":"w%d"}`, i%50)
	}
	for i := range 300 {
		if i > 0 {
			manySources.WriteString(",")
		}
		fmt.Fprintf(&manySources, `{"key":"K%d","title":"T","text":"same text"}`, i)
	}
	words := make([]string, 50)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	return []string{
		// NUL bytes, as JSON escapes and raw, everywhere text goes.
		head + `"briefing":{"title":"T\u0000","summary":"a\u0000b","classification":"\u0000"},` +
			`"sources":[{"key":"\u0000","title":"\u0000t","text":"a\u0000b c\u0000d","authors":["\u0000"],"notes":"\u0000"}],` +
			`"blocks":[{"type":"excerpt","source":"\u0000","quote":"b c","note":"\u0000","tags":["\u0000","a\u0000"]},` +
			`{"type":"heading","text":"\u0000h"}]}`,
		head + "\"briefing\":{\"title\":\"T\x00\"},\"sources\":[{\"key\":\"k\",\"title\":\"t\",\"text\":\"x\x00y z\"}]," +
			"\"blocks\":[{\"type\":\"excerpt\",\"source\":\"k\",\"start\":0,\"end\":3,\"quote\":\"x\x00y\"}]}",
		// Invalid UTF-8, raw and as lone surrogates.
		head + "\"briefing\":{\"title\":\"caf\xe9\",\"author\":\"\xff\xfe\"},\"sources\":[{\"key\":\"k\",\"title\":\"\xc0\xaf\"," +
			"\"text\":\"na\xefve \xed\xa0\x80 text\"}],\"blocks\":[{\"type\":\"excerpt\",\"source\":\"k\",\"quote\":\"text\"}," +
			"{\"type\":\"excerpt\",\"source\":\"k\",\"quote\":\"\ufffd\"}]}",
		head + `"briefing":{"title":"\ud800"},"sources":[{"key":"k","title":"\udfff","text":"\ud800\udc00 \ud800 tail"}],` +
			`"blocks":[{"type":"excerpt","source":"k","quote":"tail"},{"type":"commentary","text":"\udbff"}]}`,
		// Right-to-left override and other bidi controls.
		head + `"briefing":{"title":"\u202eevil\u202c","summary":"\u202e\u2066x\u2069"},` +
			`"sources":[{"key":"\u202ek","title":"\u202egnp.exe","text":"safe \u202egnp.exe\u202c text \u200f\u061c"}],` +
			`"blocks":[{"type":"excerpt","source":"\u202ek","quote":"\u202egnp.exe"},{"type":"judgment","text":"\u202e","confidence":"HIGH"}]}`,
		// 10,000-character words in every field, and a quote that is one.
		head + `"briefing":{"title":"` + longWord + `","summary":"` + longWord + `"},` +
			`"sources":[{"key":"` + longWord + `","title":"` + longWord + `","text":"a ` + longWord + ` b","url":"https://e.org/` + longWord + `"}],` +
			`"blocks":[{"type":"excerpt","source":"` + longWord + `","quote":"` + longWord + `","tags":["` + longWord + `"]},` +
			`{"type":"heading","text":"` + longWord + `"}]}`,
		// Long lists: 2,000 excerpt blocks over 50 distinct spans, and 300
		// sources with one text.
		head + `"briefing":{"title":"many"},"sources":[{"key":"S","title":"t","text":"` + strings.Join(words, " ") + `"}],` +
			`"blocks":[` + manyBlocks.String() + `]}`,
		head + `"briefing":{"title":"many"},"sources":[` + manySources.String() + `],` +
			`"blocks":[{"type":"excerpt","source":"K299","quote":"same"},{"type":"excerpt","source":"K0","quote":"text"}]}`,
		// Wrong JSON types (refused by ReadJSON) next to nulls (accepted).
		head + `"briefing":{"title":7},"sources":{"key":"k"},"blocks":"x"}`,
		head + `"briefing":{"title":"t","date":null,"status":null},"sources":null,"blocks":[null]}`,
		head + `"briefing":{"title":"t"},"sources":[{"key":"k","title":"t","text":"abc","pages":[1,1,3],"authors":null}],` +
			`"blocks":[{"type":"excerpt","source":"k","quote":"ABC","start":null,"end":null,"tags":null,"credibility":null}]}`,
		// The library's own text: the import reuses the source and its excerpt.
		head + `"briefing":{"title":"reuse"},"sources":[{"key":"k","title":"again","text":` + jsonString(chipsText) + `}],` +
			`"blocks":[{"type":"excerpt","source":"k","quote":"small yard, high fence"},{"type":"excerpt","source":"k","start":0,"end":10,"quote":"Washington"}]}`,
		// Two keys for one text, and an NFD text whose offsets count in NFC.
		head + `"briefing":{"title":"t"},"sources":[{"key":"a","title":"t","text":"e\u0301te\u0301"},{"key":"b","title":"u","text":"\u00e9t\u00e9"}],` +
			`"blocks":[{"type":"excerpt","source":"a","quote":"été","start":0,"end":3},{"type":"excerpt","source":"b","quote":"t\u00e9"}]}`,
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// FuzzImportBundle runs interchange files through ReadJSON and into a fresh
// library that already holds a source, an excerpt and a briefing. A file
// ReadJSON accepts must import, and the library must then give back the
// same briefing, quotes and texts. With breakAt set, one source or block is
// spoiled after reading, so the import fails part-way: then the library
// must hold exactly what it held before (all or nothing).
func FuzzImportBundle(f *testing.F) {
	files := []string{"../interchange/testdata/golden.json", "../interchange/testdata/handwritten.json", "../assets/sample/sample-briefing.json"}
	for _, name := range files {
		data, err := os.ReadFile(filepath.FromSlash(name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
		f.Add(data, uint8(3))
		f.Add(data, uint8(255))
	}
	for i, s := range hostileBriefingSeeds() {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(i+1))
	}
	f.Fuzz(func(t *testing.T, data []byte, breakAt uint8) {
		file, err := interchange.ReadJSON(bytes.NewReader(data))
		if err != nil {
			return // FuzzReadJSON holds ReadJSON's refusals to account
		}
		want, err := interchange.ReadJSON(bytes.NewReader(data)) // ImportBundle changes file
		if err != nil {
			t.Fatalf("ReadJSON accepted the file once, then refused it: %v", err)
		}
		ctx := context.Background()
		s := openTest(t)
		src := addSource(t, s, "Chip controls", chipsText)
		e := addExcerpt(t, s, src.ID, "small yard, high fence", "doctrine")
		if err := s.CreateBriefing(ctx, &domain.Briefing{Title: "Existing", Blocks: []*domain.Block{
			{Type: domain.BlockExcerpt, ExcerptID: e.ID}, {Type: domain.BlockHeading, Text: "h"}}}); err != nil {
			t.Fatal(err)
		}
		before := countLibrary(t, s)
		known := map[string]bool{domain.TextSHA256(chipsText): true}

		if breakAt > 0 {
			what := spoil(file, int(breakAt)-1)
			_, err := s.ImportBundle(ctx, file)
			if err == nil {
				t.Fatalf("import with %s succeeded", what)
			}
			if code := domain.ErrorCode(err); code != domain.EINVALID {
				t.Fatalf("import with %s: error %q (%v), want %q", what, code, err, domain.EINVALID)
			}
			if after := countLibrary(t, s); after != before {
				t.Fatalf("failed import (%s: %v) changed the library:\nbefore %+v\nafter  %+v", what, err, before, after)
			}
			return
		}

		br, err := s.ImportBundle(ctx, file)
		if err != nil {
			if after := countLibrary(t, s); after != before {
				t.Fatalf("failed import (%v) changed the library:\nbefore %+v\nafter  %+v", err, before, after)
			}
			t.Fatalf("ReadJSON accepted the file but ImportBundle refused it: %v (%s)", err, domain.ErrorCode(err))
		}
		after := countLibrary(t, s)
		newTexts := map[string]bool{}
		for _, src := range want.Sources {
			if sum := domain.TextSHA256(src.Text); !known[sum] {
				newTexts[sum] = true
			}
		}
		if after.Briefings != before.Briefings+1 || after.Blocks != before.Blocks+len(want.Briefing.Blocks) ||
			after.Sources != before.Sources+len(newTexts) || after.Texts != after.Sources {
			t.Fatalf("import of %d sources (%d new texts) and %d blocks: before %+v, after %+v",
				len(want.Sources), len(newTexts), len(want.Briefing.Blocks), before, after)
		}
		got, err := s.Bundle(ctx, br.ID)
		if err != nil {
			t.Fatalf("Bundle of the imported briefing: %v", err)
		}
		sameImport(t, want, got)
		sameSources(t, want, got, known)
		var out bytes.Buffer
		if err := interchange.WriteJSON(&out, got); err != nil {
			t.Fatalf("WriteJSON of the imported briefing: %v", err)
		}
		if _, err := interchange.ReadJSON(&out); err != nil {
			t.Fatalf("the imported briefing, exported again, does not read: %v\n%s", err, out.Bytes())
		}
	})
}

// spoil breaks source or block k (mod their number) so that the store must
// refuse the bundle, and says what it did. Sources are written first and
// the briefing last, so a spoiled late block fails after many writes.
func spoil(b *domain.Bundle, k int) string {
	n := len(b.Sources) + len(b.Briefing.Blocks)
	if n == 0 {
		b.Briefing.Title = " \t"
		return "a blank title"
	}
	k %= n
	if k < len(b.Sources) {
		b.Sources[k].Title = "\u00a0"
		return fmt.Sprintf("source %d without a title", k+1)
	}
	k -= len(b.Sources)
	blk := b.Briefing.Blocks[k]
	if blk.Type == domain.BlockExcerpt {
		blk.Excerpt.SourceID = -1
		return fmt.Sprintf("block %d citing a source not in the file", k+1)
	}
	blk.Type = "slide"
	return fmt.Sprintf("block %d of an unknown type", k+1)
}

// sameImport compares a briefing read back from the library with the file
// it was imported from: metadata, block order and text, and every quote,
// which must still be exactly its span of the same source text.
func sameImport(t *testing.T, want, got *domain.Bundle) {
	t.Helper()
	w, g := want.Briefing, got.Briefing
	if w.Title != g.Title || w.Subtitle != g.Subtitle || w.Author != g.Author || w.Audience != g.Audience ||
		w.Date != g.Date || w.Classification != g.Classification || w.Status != g.Status || w.Summary != g.Summary {
		t.Fatalf("metadata changed:\nfile    %+v\nlibrary %+v", w, g)
	}
	if len(w.Blocks) != len(g.Blocks) {
		t.Fatalf("%d blocks in the file, %d in the library", len(w.Blocks), len(g.Blocks))
	}
	for i, wb := range w.Blocks {
		gb := g.Blocks[i]
		if wb.Type != gb.Type || wb.Text != gb.Text || wb.Confidence != gb.Confidence || wb.Marking != gb.Marking {
			t.Fatalf("block %d: file %+v, library %+v", i+1, wb, gb)
		}
		if wb.Type != domain.BlockExcerpt {
			continue
		}
		we, ge := wb.Excerpt, gb.Excerpt
		if ge == nil {
			t.Fatalf("block %d: excerpt not resolved", i+1)
		}
		gsrc := got.Source(ge.SourceID)
		if gsrc == nil {
			t.Fatalf("block %d: source %d not in the bundle", i+1, ge.SourceID)
		}
		span, err := domain.RuneSpan(gsrc.Text, ge.Start, ge.End)
		if err != nil || span != ge.Quote {
			t.Fatalf("block %d: quote %q is not its span %d–%d, %q (%v)", i+1, ge.Quote, ge.Start, ge.End, span, err)
		}
		if ge.Quote != we.Quote || ge.Start != we.Start || ge.End != we.End || gsrc.Text != want.Source(we.SourceID).Text {
			t.Fatalf("block %d: file quotes %q at %d–%d, library %q at %d–%d", i+1, we.Quote, we.Start, we.End, ge.Quote, ge.Start, ge.End)
		}
	}
}

// sameSources compares the metadata of each source the import created with
// the first source of the file that has its text. Sources whose text the
// library already had keep the library's metadata.
func sameSources(t *testing.T, want, got *domain.Bundle, known map[string]bool) {
	t.Helper()
	first := map[string]*domain.Source{}
	for _, w := range want.Sources {
		if sum := domain.TextSHA256(w.Text); first[sum] == nil {
			first[sum] = w
		}
	}
	for _, g := range got.Sources {
		w := first[g.SHA256]
		if w == nil {
			t.Fatalf("source %d %q: its text is not in the file", g.ID, g.Title)
		}
		if known[g.SHA256] {
			continue
		}
		kind := w.Kind
		if kind == "" {
			kind = domain.KindArticle
		}
		authors := []string{}
		for _, a := range w.Authors {
			if a = strings.TrimSpace(a); a != "" {
				authors = append(authors, a)
			}
		}
		if g.Kind != kind || g.Title != w.Title || g.Subtitle != w.Subtitle || g.Section != w.Section ||
			!slices.Equal(g.Authors, authors) || g.Publisher != w.Publisher || g.Published != w.Published ||
			g.URL != w.URL || g.Accessed != w.Accessed || g.Language != w.Language || g.Reliability != w.Reliability ||
			g.Notes != w.Notes || !slices.Equal(g.Pages, w.Pages) || g.Text != w.Text {
			t.Fatalf("source changed on import:\nfile    %+v\nlibrary %+v", w, g)
		}
	}
}
