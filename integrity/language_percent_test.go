package integrity

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// multiWordTerms are the terms of each scale of more than one word, the
// documents' terms and the forms the checker also knows.
var multiWordTerms = map[domain.ScaleID][]string{
	domain.ScaleICD203: {"almost no chance", "remote chance", "very unlikely", "highly improbable",
		"roughly even chance", "roughly an even chance", "roughly even odds", "very likely", "highly probable",
		"almost certain", "almost certainly", "nearly certain", "nearly certainly"},
	domain.ScalePHIA: {"remote chance", "highly unlikely", "realistic possibility", "highly likely",
		"highly probably", "almost certain", "almost certainly"},
}

// TestMultiWordTermsAreAllListed keeps multiWordTerms in step with the
// lexicon, so that the band test below covers every such term.
func TestMultiWordTermsAreAllListed(t *testing.T) {
	for scale, listed := range multiWordTerms {
		var known []string
		for _, ts := range lex {
			for _, tm := range ts {
				if len(tm.words) > 1 && tm.of(scale) {
					known = append(known, strings.Join(tm.words, " "))
				}
			}
		}
		sort.Strings(known)
		want := append([]string(nil), listed...)
		sort.Strings(want)
		if strings.Join(known, "|") != strings.Join(want, "|") {
			t.Errorf("%s: the lexicon's multi-word terms are %q, the test lists %q", scale, known, want)
		}
	}
}

// sentenceWith puts the term and its percentage in a sentence fit for
// the term: a noun phrase followed by "of" ("a remote chance (30%) of
// talks"), an adverb before a verb, an adjective before "that".
func sentenceWith(words, pc string) string {
	switch last := words[strings.LastIndex(words, " ")+1:]; {
	case last == "chance" || last == "odds" || last == "possibility":
		if !strings.HasPrefix(words, "almost no") && !strings.HasPrefix(words, "roughly an") && last != "odds" {
			words = "a " + words
		}
		return fmt.Sprintf("Talks have %s (%s) of resuming before the summit.", words, pc)
	case strings.HasSuffix(last, "ly") && last != "likely" && last != "unlikely":
		return fmt.Sprintf("Talks will %s (%s) resume before the summit.", words, pc)
	}
	return fmt.Sprintf("It is %s (%s) that talks resume before the summit.", words, pc)
}

// TestLanguagePercentBandsOfMultiWordTerms holds every multi-word term
// of each scale to its band, with the figure in each spelling: a
// percentage in the band passes, one outside it is flagged.
func TestLanguagePercentBandsOfMultiWordTerms(t *testing.T) {
	for _, scale := range []domain.ScaleID{domain.ScaleICD203, domain.ScalePHIA} {
		for _, words := range multiWordTerms[scale] {
			tm, n := lex.match(readText(words), 0)
			if tm == nil || n != len(strings.Fields(words)) || !tm.of(scale) {
				t.Fatalf("%s: %q is not a term of the scale", scale, words)
			}
			band := domain.ScaleOf(scale).Levels[tm.level(scale)]
			in, out := (band.Low+band.High)/2, band.High+20
			if band.High > 50 {
				out = band.Low - 20
			}
			for _, sign := range []string{"%", " per cent", " percent"} {
				for _, c := range []struct {
					n    int
					want string
				}{{in, ""}, {out, "percent-outside-band:" + fmt.Sprint(out) + sign}} {
					text := sentenceWith(words, fmt.Sprint(c.n)+sign)
					if got := codes(CheckLanguage(brief(scale, "", comment(1, text)), nil)); got != c.want {
						t.Errorf("%s (band %s) %q: %s, want %q", scale, band.Band(), text, got, c.want)
					}
				}
			}
		}
	}
}

// TestLanguagePercentAfterChance: the cases of the user trial, and the
// figures that are not the term's, which stay unflagged.
func TestLanguagePercentAfterChance(t *testing.T) {
	for _, c := range []struct {
		scale domain.ScaleID
		text  string
		want  string
	}{
		{domain.ScaleICD203, "There is a remote chance (30%) of talks.", "percent-outside-band:30%"},
		{domain.ScalePHIA, "There is a remote chance (30%) of talks.", "percent-outside-band:30%"},
		{domain.ScaleICD203, "There is a remote chance (30 per cent) of talks.", "percent-outside-band:30 per cent"},
		{domain.ScalePHIA, "There is a remote chance [30 per cent] of talks.", "percent-outside-band:30 per cent"},
		{domain.ScaleICD203, "There is almost no chance (30%) of a deal.", "percent-outside-band:30%"},
		{domain.ScaleICD203, "There is almost no chance (3%) of a deal.", ""},
		{domain.ScalePHIA, "There is a remote chance (2%) of talks.", ""},
		// controls
		{domain.ScaleICD203, "It is unlikely (70 per cent) that talks resume.", "percent-outside-band:70 per cent"},
		{domain.ScalePHIA, "Talks are highly unlikely (50%).", "percent-outside-band:50%"},
		// figures that are not the term's
		{domain.ScaleICD203, "There is a remote chance that tariffs rise 30%.", ""},
		{domain.ScalePHIA, "There is a remote chance that tariffs rise 30 per cent.", ""},
		{domain.ScaleICD203, "A ban is likely, 40% of firms say.", ""},
		{domain.ScaleICD203, "A ban is likely (40% of firms say so).", ""},
	} {
		if got := codes(CheckLanguage(brief(c.scale, "", comment(1, c.text)), nil)); got != c.want {
			t.Errorf("%s %q: %s, want %q", c.scale, c.text, got, c.want)
		}
	}
}
