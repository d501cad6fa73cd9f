package domain

import (
	"strings"
	"testing"
)

// The index answers as RuneSpan does, for every span of texts in one and
// several scripts, across its marks.
func TestRuneIndexAgreesWithRuneSpan(t *testing.T) {
	for _, text := range []string{
		"",
		"plain ASCII text",
		strings.Repeat("Ελληνικά καλώδιο — “quotes” 漢字 ", 9),
		strings.Repeat("a", runeStride-1) + "é" + strings.Repeat("b", runeStride+1) + "𝄞",
	} {
		x := NewRuneIndex(text)
		n := len([]rune(text))
		if x.Len() != n {
			t.Fatalf("%q: Len %d, want %d", text, x.Len(), n)
		}
		for start := -1; start <= n+1; start++ {
			for end := start - 1; end <= n+1; end++ {
				want, werr := RuneSpan(text, start, end)
				got, gerr := x.Span(start, end)
				if got != want || (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
					t.Fatalf("%q %d–%d: %q, %v; want %q, %v", text, start, end, got, gerr, want, werr)
				}
			}
		}
	}
}

// Thousands of spans of a long text cost a pass over it, not one each.
func BenchmarkRuneIndexSpans(b *testing.B) {
	text := strings.Repeat("Paragraph on export controls — “small yard, high fence”.\n\n", 20000)
	n := len([]rune(text))
	for b.Loop() {
		x := NewRuneIndex(text)
		for i := 0; i < 6000; i++ {
			s := i * (n / 6000)
			if _, err := x.Span(s, s+40); err != nil {
				b.Fatal(err)
			}
		}
	}
}
