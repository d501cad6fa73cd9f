package domain

import (
	"testing"
	"unicode/utf8"
)

const quoteText = "Export controls on chips—the “narrow yard”—tightened in 2023.\n\nThe allies’ response was\u00a0slow. Export controls on chips matter."

func TestFindQuoteTolerance(t *testing.T) {
	cases := []struct {
		name, quote, want string
	}{
		{"exact", "narrow yard", "narrow yard"},
		{"straight quotes for curly", `the "narrow yard"`, "the “narrow yard”"},
		{"hyphen for em dash", "chips-the", "chips—the"},
		{"spaced dash", "chips - the", "chips—the"},
		{"double hyphen", "chips--the", "chips—the"},
		{"apostrophe", "The allies' response", "The allies’ response"},
		{"plain space for no-break space", "was slow", "was\u00a0slow"},
		{"line breaks and runs of spaces", "in 2023.   The  allies’", "in 2023.\n\nThe allies’"},
		{"case", "EXPORT CONTROLS on chips—the", "Export controls on chips—the"},
		{"padding", "  narrow yard \n", "narrow yard"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spans, err := FindQuote(quoteText, c.quote)
			if err != nil {
				t.Fatal(err)
			}
			got, err := RuneSpan(quoteText, spans[0].Start, spans[0].End)
			if err != nil || got != c.want {
				t.Fatalf("got %q (%v), want %q", got, err, c.want)
			}
		})
	}
}

func TestFindQuoteRepeatedGivesEverySpan(t *testing.T) {
	spans, err := FindQuote(quoteText, "Export controls on chips")
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) != 2 || spans[0].Start != 0 || spans[1].Start <= spans[0].End {
		t.Fatalf("spans = %v", spans)
	}
	second, _ := RuneSpan(quoteText, spans[1].Start, spans[1].End)
	if second != "Export controls on chips" {
		t.Fatalf("second = %q", second)
	}
}

func TestFindQuoteMissing(t *testing.T) {
	for _, q := range []string{"wide yard", "", "   ", "???"} {
		if _, err := FindQuote(quoteText, q); ErrorCode(err) != EINVALID {
			t.Errorf("FindQuote(%q) err = %v, want EINVALID", q, err)
		}
	}
}

func TestRuneSpanCountsRunes(t *testing.T) {
	text := "Ωμέγα “quoted” text"
	got, err := RuneSpan(text, 6, 14)
	if err != nil || got != "“quoted”" {
		t.Fatalf("got %q, %v", got, err)
	}
	for _, r := range [][2]int{{-1, 2}, {3, 3}, {5, 2}, {0, 100}} {
		if _, err := RuneSpan(text, r[0], r[1]); ErrorCode(err) != EINVALID {
			t.Errorf("RuneSpan(%v) err = %v", r, err)
		}
	}
}

func FuzzFindQuote(f *testing.F) {
	f.Add(quoteText, "narrow yard")
	f.Add(quoteText, "chips -- the")
	f.Add("a…b", "a...b")
	f.Add("x", "\u00a0")
	f.Fuzz(func(t *testing.T, text, quote string) {
		if !utf8.ValidString(text) || !utf8.ValidString(quote) {
			return
		}
		spans, err := FindQuote(text, quote)
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(text)
		for _, s := range spans {
			if s.Start < 0 || s.End > n || s.Start >= s.End {
				t.Fatalf("span %v outside text of %d runes", s, n)
			}
		}
	})
}
