package integrity

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// labelled is one hand-labelled sentence of testdata/estimative_sentences.tsv.
type labelled struct {
	line     int
	scale    domain.ScaleID
	kind     string
	expected []string // "code:words", words normalised or "*"
	text     string
}

func readCorpus(t *testing.T, name string) []labelled {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("line %d: %d columns, want 4", n, len(cols))
		}
		scale, err := domain.ParseScale(cols[0])
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		l := labelled{line: n, scale: scale, kind: cols[1], text: cols[3]}
		if cols[2] != "-" {
			for _, e := range strings.Split(cols[2], " | ") {
				code, words, _ := strings.Cut(e, ":")
				l.expected = append(l.expected, code+":"+normWordsOrAny(words))
			}
		}
		out = append(out, l)
	}
	return out
}

func normWordsOrAny(w string) string {
	if w == "*" {
		return w
	}
	return normWords(w)
}

// briefingOf puts the sentence in a briefing of its scale, as a
// commentary or a key judgment (with or without a confidence level).
func (l labelled) briefing() *domain.Briefing {
	blk := &domain.Block{ID: 7, Type: domain.BlockCommentary, Text: l.text}
	switch l.kind {
	case "j":
		blk.Type, blk.Confidence = domain.BlockJudgment, domain.ConfidenceModerate
	case "j-":
		blk.Type = domain.BlockJudgment
	}
	return &domain.Briefing{Title: "t", Scale: l.scale, Blocks: []*domain.Block{blk}}
}

// TestCorpusPrecision runs the checker on the labelled sentences and
// holds it to at most one false alarm in twenty (precision ≥ 0.95).
func TestCorpusPrecision(t *testing.T) {
	corpus := readCorpus(t, "testdata/estimative_sentences.tsv")
	if len(corpus) < 150 {
		t.Fatalf("the corpus has %d sentences, want at least 150", len(corpus))
	}
	if p := measure(t, corpus); p < 0.95 {
		t.Errorf("precision %.3f is below 0.95 (more than one false alarm in twenty)", p)
	}
}

// TestHeldOutPrecision measures the checker on sentences never used to
// change it: the honest figure.
// It is small (44 sentences, 19 findings), so one false alarm moves it
// by five points: it is held to 0.90, and the figure is reported.
func TestHeldOutPrecision(t *testing.T) {
	if p := measure(t, readCorpus(t, "testdata/estimative_heldout.tsv")); p < 0.90 {
		t.Errorf("held-out precision %.3f is below 0.90", p)
	}
}

// measure logs every false alarm and miss and returns the precision.
func measure(t *testing.T, corpus []labelled) float64 {
	t.Helper()
	var tp, fp, fn int
	for _, l := range corpus {
		want := map[string]bool{}
		for _, e := range l.expected {
			want[e] = true
		}
		for _, f := range CheckLanguage(l.briefing(), nil) {
			k := string(f.Code) + ":" + normWords(f.Words)
			switch {
			case want[k]:
				delete(want, k)
				tp++
			case want[string(f.Code)+":*"]:
				delete(want, string(f.Code)+":*")
				tp++
			default:
				fp++
				t.Logf("false alarm, line %d (%s): %s %q in %q", l.line, l.scale, f.Code, f.Words, l.text)
			}
		}
		for k := range want {
			fn++
			t.Logf("missed, line %d (%s): %s in %q", l.line, l.scale, k, l.text)
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("%d sentences: %d found rightly, %d false alarms, %d missed; precision %.3f, recall %.3f",
		len(corpus), tp, fp, fn, precision, recall)
	return precision
}
