package ingest

import (
	"strings"
	"testing"
	"unicode"
)

// TestSameWordsIsWsKeyEquality checks the allocation-free comparison gives
// what comparing the white-space keys gives.
func TestSameWordsIsWsKeyEquality(t *testing.T) {
	cases := []string{"", " ", "a", "a b", " a  b ", "a\u00a0b", "a\tb\n", "ab", "a bc", "ab c",
		"a b ", "\u2003a\u3000b", "a\xffb", "a \xff b", "é", "e\u0301", "A b"}
	for _, a := range cases {
		for _, b := range cases {
			if got, want := sameWords(a, b), wsKey(a) == wsKey(b); got != want {
				t.Errorf("sameWords(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func FuzzSameWords(f *testing.F) {
	f.Add("a  b", "a b")
	f.Add("a\u00a0b", "a b")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameWords(a, b), wsKey(a) == wsKey(b); got != want {
			t.Fatalf("sameWords(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}

// TestLongerSqueezedMeasuresTheSqueezedLine checks the count against the
// squeezed line parseDateLine builds.
func TestLongerSqueezedMeasuresTheSqueezedLine(t *testing.T) {
	for _, s := range []string{"", "   ", "a", " a  b ", "a\u00a0\u00a0b", "é  ü", "a\xff  b", strings.Repeat("word  ", 40)} {
		squeezed := len(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
		for n := 0; n <= squeezed+1; n++ {
			if got, want := longerSqueezed(s, n), squeezed > n; got != want {
				t.Errorf("longerSqueezed(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
