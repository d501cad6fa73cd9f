package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// FuzzReadJSON checks that no input panics, that whatever is accepted cites
// exactly the characters its offsets select, and that an accepted file
// survives a write and a second read unchanged.
func FuzzReadJSON(f *testing.F) {
	for _, name := range []string{"golden.json", "handwritten.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	seeds := []string{
		baseDoc,
		baseDoc[:200],
		"",
		"null",
		"[]",
		`{"format":"attache-briefing","version":1}`,
		`{"format":"attache-briefing","version":2,"briefing":{"title":"x"}}`,
		`{"format":"attache-briefing","version":1,"briefing":{"title":"x"},"sources":null,"blocks":null}`,
		`{"format":"attache-briefing","version":1,"briefing":{"title":"x"},"sources":[{"key":"a","title":"t","text":"e\u0301e\u0301 ab ab"}],` +
			`"blocks":[{"type":"excerpt","source":"a","quote":"ab","start":5,"end":7},{"type":"excerpt","source":"a","quote":"é"}]}`,
		`{"format":"attache-briefing","version":1,"briefing":{"title":"x"},"sources":[{"key":"a","title":"t","text":"“a—b”  c"}],` +
			`"blocks":[{"type":"excerpt","source":"a","quote":"\"A -- B\" c"},{"type":"excerpt","source":"a","quote":"c","start":-1,"end":1e3}]}`,
		`{"format":"attache-briefing","version":1,"briefing":{"title":"x"},"blocks":[{"type":"judgment","text":"j","confidence":"medium","credibility":99}]}`,
		`{"format":"attache-briefing","version":1,"briefing":{"title":"x"},"sources":[{"key":"a","title":"t","text":"` + "\xff\xfe ok" + `"}],` +
			`"blocks":[{"type":"excerpt","source":"a","quote":"\ufffd","start":0,"end":1}]}`,
		`{"format":"attache-briefing","version":1,"briefing":{"title":"x"},"sources":{"key":"a"}}`,
		`{"format":"attache-briefing","version":1,"briefing":[],"blocks":[1,"x",null,{}]}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadJSON(bytes.NewReader(data))
		if err != nil {
			if b != nil {
				t.Fatalf("ReadJSON returned a bundle with error %v", err)
			}
			if msg := domain.ErrorMessage(err); strings.TrimSpace(msg) == "" {
				t.Fatalf("error without a message: %#v", err)
			}
			return
		}
		checkSpans(t, b)
		var first bytes.Buffer
		if err := WriteJSON(&first, b); err != nil {
			t.Fatalf("WriteJSON of an accepted file: %v", err)
		}
		b2, err := ReadJSON(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("ReadJSON of WriteJSON output: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := WriteJSON(&second, b2); err != nil || !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("second write differs (%v):\n%s\nfirst:\n%s", err, second.Bytes(), first.Bytes())
		}
	})
}

func checkSpans(t *testing.T, b *domain.Bundle) {
	t.Helper()
	for i, s := range b.Sources {
		if s.ID != int64(i+1) {
			t.Fatalf("source %d has ID %d", i+1, s.ID)
		}
	}
	for i, blk := range b.Briefing.Blocks {
		if blk.ExcerptID != 0 {
			t.Fatalf("block %d: ExcerptID %d, want 0", i+1, blk.ExcerptID)
		}
		if blk.Type != domain.BlockExcerpt {
			continue
		}
		e := blk.Excerpt
		src := b.Source(e.SourceID)
		if src == nil {
			t.Fatalf("block %d: source %d not in bundle", i+1, e.SourceID)
		}
		span, err := domain.RuneSpan(src.Text, e.Start, e.End)
		if err != nil || span != e.Quote {
			t.Fatalf("block %d: quote %q but span %d–%d is %q (%v)", i+1, e.Quote, e.Start, e.End, span, err)
		}
	}
}
