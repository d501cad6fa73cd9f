package interchange

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/attache/attache/domain"
)

// baseDoc is valid; each case below breaks one thing in it. Line numbers in
// the expected messages refer to this layout.
const baseDoc = `{
  "format": "attache-briefing",
  "version": 1,
  "briefing": {"title": "Test briefing", "status": "draft", "date": "2024-05-11"},
  "sources": [
    {"key": "S1", "title": "First source (invented)", "published": "2024-01-02", "reliability": "A", "authors": ["X"],
     "text": "Alpha beta gamma. Delta epsilon."},
    {"key": "S2", "title": "Second source (invented)", "kind": "note",
     "text": "Один два три. Ένα δύο τρία."}
  ],
  "blocks": [
    {"type": "heading", "text": "Heading"},
    {"type": "excerpt", "source": "S1", "quote": "beta gamma", "credibility": 1, "marking": "U", "start": 6, "end": 16},
    {"type": "excerpt", "source": "S2", "quote": "два три"},
    {"type": "commentary", "text": "Comment"},
    {"type": "judgment", "text": "Judgment", "confidence": "high"}
  ]
}
`

func TestReadJSONBase(t *testing.T) {
	b, err := ReadJSON(strings.NewReader(baseDoc))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sources) != 2 || len(b.Briefing.Blocks) != 5 || b.Briefing.Blocks[2].Excerpt.Start != 5 {
		t.Errorf("unexpected bundle: %+v", b)
	}
}

func TestReadJSONErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string // substrings of the message, in order
	}{
		{"not JSON", baseDoc, "Dear reader,\n", []string{"not valid JSON: line 1, column 1"}},
		{"syntax", `"version": 1,`, `"version": 1,,`, []string{"not valid JSON: line 3, column 16", "text editor"}},
		{"truncated", baseDoc, baseDoc[:300], []string{"ends too early, at line 7", "cut short"}},
		{"empty", baseDoc, " \n", []string{"the file is empty"}},
		{"list", baseDoc, "[1, 2]", []string{"JSON but not an Attaché briefing: it holds a list"}},
		{"no format", `"format": "attache-briefing",`, ``, []string{`no "format": "attache-briefing"`}},
		{"wrong format", `"format": "attache-briefing"`, `"format": "slides"`, []string{`its "format" is "slides", not "attache-briefing"`}},
		{"newer", `"version": 1`, `"version": 5`, []string{"made by a newer Attaché (format version 5; this one reads version 4): update Attaché"}},
		{"no version", `"version": 1,`, ``, []string{`no "version"`}},
		{"bad version", `"version": 1`, `"version": "1"`, []string{`"version" is "1", which is not a format version`}},
		{"fraction version", `"version": 1`, `"version": 1.5`, []string{"not a format version"}},
		{"no briefing", `"briefing": {"title": "Test briefing", "status": "draft", "date": "2024-05-11"},`, ``, []string{`no "briefing"`}},
		{"briefing type", `{"title": "Test briefing", "status": "draft", "date": "2024-05-11"}`, `"Test"`, []string{"briefing (line 4) must be an object { … }, not text"}},
		{"no title", `"title": "Test briefing"`, `"title": "  "`, []string{`briefing (line 4): "title" is empty`}},
		{"title type", `"title": "Test briefing"`, `"title": 7`, []string{`briefing (line 4): "title" must be text in double quotes, not a number`}},
		{"status", `"status": "draft"`, `"status": "done"`, []string{`briefing (line 4): "status": "done" is not a status: use draft, review or final`}},
		{"date", `"date": "2024-05-11"`, `"date": "11/05/2024"`, []string{`briefing (line 4): "date": "11/05/2024" is not a date: write it as YYYY-MM-DD`}},
		{"unclosed", `"sources": [`, `"sources": {"x": [`, []string{"ends too early, at line 19, column 1", "a bracket or quote is not closed"}},
		{"sources object", `"sources": [`, `"sources": 5, "x": [`, []string{`"sources" (line 5) must be a list [ … ], not a number`}},
		{"source not object", `"blocks": [`, `"blocks": ["heading",`, []string{"block 1 (line 11) must be an object { … }, not text"}},
		{"published", `"published": "2024-01-02"`, `"published": 20240102`, []string{`source 1 (line 6): "published" must be text in double quotes, not a number`}},
		{"published format", `"published": "2024-01-02"`, `"published": "2024-13-02"`, []string{`source 1 "S1" (line 6): "published": "2024-13-02" is not a date`}},
		{"authors", `"authors": ["X"]`, `"authors": "X"`, []string{`source 1 (line 6): "authors" must be a list [ … ] of text in double quotes, not text`}},
		{"no key", `"key": "S2", `, ``, []string{`source 2 (line 8): "key" is missing`, `"S2"`}},
		{"dup key", `"key": "S2"`, `"key": "S1"`, []string{`source 2 (line 8): the key "S1" is already used by source 1`}},
		{"no text", `"text": "Один два три. Ένα δύο τρία."`, `"text": " \n"`, []string{`source 2 "S2" (line 8): "text" is empty`}},
		{"no source title", `"title": "Second source (invented)", `, ``, []string{`source 2 "S2" (line 8): "title" is empty`}},
		{"sha", `"kind": "note",`, `"kind": "note", "sha256": "00ff",`, []string{`source 2 "S2" (line 8): the text does not match its "sha256": the text was altered`}},
		{"kind", `"kind": "note"`, `"kind": "book"`, []string{`"kind": "book" is not a kind of source: use article, web`}},
		{"reliability", `"reliability": "A"`, `"reliability": "G"`, []string{`source 1 "S1" (line 6): "reliability": "G" is not a reliability grade`}},
		{"no type", `{"type": "commentary", "text": "Comment"}`, `{"text": "Comment"}`, []string{`block 4 (line 15): "type" is missing`}},
		{"unknown type", `"type": "commentary"`, `"type": "chart"`, []string{`block 4 (chart, line 15): "chart" is not a block type`}},
		{"empty heading", `"text": "Heading"`, `"text": ""`, []string{`block 1 (heading, line 12): "text" is empty: write the heading`}},
		{"confidence", `"confidence": "high"`, `"confidence": "sure"`, []string{`block 5 (judgment, line 16): "confidence": "sure" is not a confidence level`}},
		{"marking", `"marking": "U"`, `"marking": "SECRETISH"`, []string{`block 2 (excerpt, line 13): "marking": "SECRETISH" is not a US marking: use UNCLASSIFIED, CUI`, `set "version": 2`}},
		{"credibility", `"credibility": 1`, `"credibility": 7`, []string{`block 2 (excerpt, line 13): "credibility": credibility 7 is out of range`}},
		{"credibility type", `"credibility": 1`, `"credibility": "high"`, []string{`block 2 (line 13): "credibility" must be a whole number, not text`}},
		{"credibility fraction", `"credibility": 1`, `"credibility": 1.5`, []string{`"credibility" must be a whole number, not number 1.5`}},
		{"no source", `"source": "S2", `, ``, []string{`block 3 (excerpt, line 14): "source" is missing`}},
		{"unknown source", `"source": "S2"`, `"source": "S9"`, []string{`block 3 (excerpt, line 14): "source" is "S9", but no source has that key: use one of "S1", "S2"`}},
		{"not found", `"quote": "два три"`, `"quote": "четыре"`, []string{`block 3 (excerpt, line 14): the quote "четыре" is not in source "S2" ("Second source (invented)")`}},
		{"empty quote", `"quote": "два три"`, `"quote": ""`, []string{`block 3 (excerpt, line 14): "quote" is empty`}},
		{"range", `"start": 6, "end": 16`, `"start": 6, "end": 99`, []string{`block 2 (excerpt, line 13): "start" and "end" do not fit source "S1"`, "32 characters"}},
		{"mismatch", `"start": 6, "end": 16`, `"start": 0, "end": 10`, []string{`"start" and "end" (0–10) select "Alpha beta" in source "S1" ("First source (invented)"), not the quote "beta gamma": correct the offsets`}},
		{"half offsets", `"start": 6, "end": 16`, `"start": 6`, []string{`only one of "start" and "end" is given`}},
		{"dup blocks", `"blocks": [`, `"blocks": [], "blocks": [`, []string{`"blocks" appears twice at line 11`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(baseDoc, tt.old) {
				t.Fatalf("bad case: %q not in baseDoc", tt.old)
			}
			doc := strings.Replace(baseDoc, tt.old, tt.new, 1)
			b, err := ReadJSON(strings.NewReader(doc))
			if err == nil {
				t.Fatalf("no error; got %+v", b)
			}
			assertMessage(t, err, tt.want...)
		})
	}
}

func assertMessage(t *testing.T, err error, want ...string) {
	t.Helper()
	if code := domain.ErrorCode(err); code != domain.EINVALID {
		t.Errorf("code %q, want %q (%v)", code, domain.EINVALID, err)
	}
	msg := domain.ErrorMessage(err)
	rest := msg
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("message %q\nlacks %q", msg, w)
			return
		}
		rest = rest[i+len(w):]
	}
}

func TestReadJSONLimits(t *testing.T) {
	var doc strings.Builder
	doc.WriteString(`{"format":"attache-briefing","version":1,"briefing":{"title":"Big"},"blocks":[`)
	for i := range maxBlocks + 1 {
		if i > 0 {
			doc.WriteByte(',')
		}
		doc.WriteString(`{"type":"heading","text":"h"}`)
	}
	doc.WriteString("]}")
	_, err := ReadJSON(strings.NewReader(doc.String()))
	assertMessage(t, err, "more than 100,000 blocks, the most a briefing can have: split it")

	doc.Reset()
	doc.WriteString(`{"format":"attache-briefing","version":1,"briefing":{"title":"Big"},"sources":[`)
	for i := range maxSources + 1 {
		if i > 0 {
			doc.WriteByte(',')
		}
		doc.WriteString(`{"key":"k","title":"t","text":"x"}`)
	}
	doc.WriteString("]}")
	_, err = ReadJSON(strings.NewReader(doc.String()))
	assertMessage(t, err, "more than 10,000 sources")

	defer func(n int64) { maxInputBytes = n }(maxInputBytes)
	maxInputBytes = 1 << 20
	big := strings.Replace(baseDoc, "Delta epsilon.", strings.Repeat("Delta epsilon. ", 1<<17), 1)
	_, err = ReadJSON(strings.NewReader(big))
	assertMessage(t, err, "the file is larger than 1 MiB")
}

func TestReadJSONReaderError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := ReadJSON(io.MultiReader(strings.NewReader(baseDoc[:50]), iotest.ErrReader(boom)))
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want it to wrap %v", err, boom)
	}
}

func TestReadJSONNullsAndExtras(t *testing.T) {
	doc := strings.Replace(baseDoc, `"version": 1,`, `"version": 1.0, "sources_v2": {"a": [1, {"b": null}]}, "blocks_extra": null,`, 1)
	doc = strings.Replace(doc, `{"type": "heading", "text": "Heading"}`, `{"type": "heading", "text": "Heading", "marking": null, "tags": null, "future": {"x": 1}}`, 1)
	b, err := ReadJSON(bytes.NewReader([]byte(doc)))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Briefing.Blocks) != 5 {
		t.Errorf("got %d blocks", len(b.Briefing.Blocks))
	}
}

func TestJSONKeepsPagesAndChecksThem(t *testing.T) {
	b := testBundle(t)
	b.Sources[0].Pages = []int{40, 90}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, b); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON(bytes.NewReader(buf.Bytes()))
	if err != nil || len(back.Sources[0].Pages) != 2 || back.Sources[0].Pages[1] != 90 {
		t.Fatalf("pages %v, %v", back.Sources[0].Pages, err)
	}
	bad := bytes.Replace(buf.Bytes(), []byte(`"pages": [`), []byte(`"pages": [99999, `), 1)
	if _, err := ReadJSON(bytes.NewReader(bad)); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(err.Error(), "pages") {
		t.Fatalf("bad pages accepted: %v", err)
	}
}

func TestReadJSONRefusesWhatTheImportersWould(t *testing.T) {
	base := `{"format": "attache-briefing", "version": 1, "briefing": {"title": "T"},
  "sources": [{"key": "S1", "title": "Chips", "text": "Fabs need water.", "authors": ["A"]}],
  "blocks": [{"type": "excerpt", "source": "S1", "quote": "Fabs need water.", "tags": ["chips"]}]}`
	tags := `["t0"` + strings.Repeat(`, "t"`, 1_000) + `]`
	for _, c := range []struct{ name, in, want string }{
		{"NUL in a title", strings.Replace(base, `"title": "T"`, `"title": "T\u0000x"`, 1), `briefing (line 1): "title" holds a NUL character`},
		{"NUL in a source text", strings.Replace(base, `"text": "Fabs need water."`, `"text": "Fabs\u0000 need water."`, 1), `source 1 "S1" (line 2): "text" holds a NUL`},
		{"NUL in a tag", strings.Replace(base, `["chips"]`, `["ch\u0000ips"]`, 1), `"tags" entry 1 holds a NUL`},
		{"1,001 tags", strings.Replace(base, `["chips"]`, tags, 1), `"tags" has 1,001 entries, more than the 1,000`},
		{"a 2 MiB title", strings.Replace(base, `"title": "T"`, `"title": "`+strings.Repeat("x", 2<<20)+`"`, 1), `"title" is 2.0 MiB long, more than the 1 MiB allowed`},
		{"version as text", strings.Replace(base, `"version": 1`, `"version": "1"`, 1), `write it as the plain number 1, without quotes`},
		{"deep nesting", strings.Replace(base, `"title": "T"`, `"title": `+strings.Repeat("[", 20_000)+strings.Repeat("]", 20_000), 1), "nested over 10,000 deep"},
	} {
		_, err := ReadJSON(strings.NewReader(c.in))
		if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), c.want) {
			t.Errorf("%s: %v; want EINVALID with %q", c.name, err, c.want)
		}
	}
	if b, err := ReadJSON(strings.NewReader("\uFEFF" + base)); err != nil || b.Briefing.Title != "T" {
		t.Errorf("a file with a byte-order mark: %v", err)
	}
}

// A briefing file from someone else cannot bring in a source whose address
// is not a web page's; the message names the source and its line.
func TestReadJSONRefusesOtherURLSchemes(t *testing.T) {
	for _, u := range []string{"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "example.org/x"} {
		doc := strings.Replace(baseDoc, `"kind": "note",`, `"kind": "note", "url": "`+u+`",`, 1)
		_, err := ReadJSON(strings.NewReader(doc))
		if err == nil {
			t.Errorf("url %q: accepted", u)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, `source 2 (line 8): "url": `) || !strings.Contains(msg, "leave the address empty") {
			t.Errorf("url %q: %v", u, msg)
		}
	}
	doc := strings.Replace(baseDoc, `"kind": "note",`, `"kind": "note", "url": "https://example.org/x",`, 1)
	if _, err := ReadJSON(strings.NewReader(doc)); err != nil {
		t.Errorf("an https address: %v", err)
	}
}
