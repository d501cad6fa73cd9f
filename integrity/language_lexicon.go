package integrity

import (
	"strings"

	"github.com/attache/attache/domain"
)

// term is an expression of likelihood: of one scale, of both (the same
// words at a level of each), or of none (vague: gives no probability).
type term struct {
	words []string
	icd   int // level in ICD 203, -1 if not of it
	row   int // ICD 203 row: 1 ("likely") or 2 ("probable")
	phia  int // level in the Yardstick, -1 if not of it
	// suggest is, for a vague term, the level of the briefing's scale to
	// offer instead; -1 for any term of a scale.
	suggest int
}

func (t *term) of(id domain.ScaleID) bool {
	switch id {
	case domain.ScaleICD203:
		return t.icd >= 0
	case domain.ScalePHIA:
		return t.phia >= 0
	}
	return false
}

func (t *term) vague() bool { return t.icd < 0 && t.phia < 0 }

// level is the term's level in the scale, -1 if not of it.
func (t *term) level(id domain.ScaleID) int {
	switch id {
	case domain.ScaleICD203:
		return t.icd
	case domain.ScalePHIA:
		return t.phia
	}
	return -1
}

// icdInflections and phiaInflections are the forms the documents give in
// brackets or that English makes of their terms, with their level (and
// for ICD 203 their row).
var icdInflections = []struct {
	words      string
	level, row int
}{
	{"almost certainly", 6, 1}, {"nearly certainly", 6, 2}, {"improbably", 2, 2}, {"probably", 4, 2},
	{"roughly an even chance", 3, 1}, {"remote chance", 0, 2},
}

var phiaInflections = []struct {
	words string
	level int
}{{"almost certainly", 6}, {"probable", 4}, {"highly probably", 5}}

// vagueTerms are probability words of no scale, with the level to offer
// in their place (3: the middle of the scale).
var vagueTerms = map[string]int{
	"may well": 4, "might well": 4, "could well": 4,
	"it is possible that": 3, "it's possible that": 3, "it remains possible that": 3, "it is conceivable that": 2,
	"possibly": 3, "perhaps": 3, "maybe": 3, "conceivably": 2, "presumably": 4,
	"there is a chance": 3, "there's a chance": 3, "there is a possibility": 3, "there's a possibility": 3,
	"a good chance": 4, "a fair chance": 3, "a real chance": 3, "a strong chance": 4, "a real possibility": 3,
	"a strong possibility": 4, "a distinct possibility": 3, "a serious possibility": 3,
	"in all likelihood": 5, "in all probability": 5, "more likely than not": 4,
	"cannot be ruled out": 1, "can't be ruled out": 1, "cannot be excluded": 1, "cannot rule out": 1,
	"can't rule out": 1, "even chance": 3, "even odds": 3, "fifty fifty": 3, "a slim chance": 1,
	"little chance": 1, "a small chance": 1, "chances are": 4, "the odds are": 4,
	// modal verbs: the checker keeps them only where they say how
	// likely something is (see modal.go).
	"could": 3, "might": 3,
}

// lexicon maps a term's first word to the terms starting with it,
// longest first.
type lexicon map[string][]*term

var lex = buildLexicon()

func buildLexicon() lexicon {
	byWords := map[string]*term{}
	get := func(words string) *term {
		k := normWords(words)
		if t := byWords[k]; t != nil {
			return t
		}
		t := &term{words: strings.Fields(k), icd: -1, phia: -1, suggest: -1}
		byWords[k] = t
		return t
	}
	for lv, l := range domain.ScaleOf(domain.ScaleICD203).Levels {
		for row, w := range l.Terms {
			t := get(w)
			t.icd, t.row = lv, row+1
		}
	}
	for _, f := range icdInflections {
		t := get(f.words)
		t.icd, t.row = f.level, f.row
	}
	for lv, l := range domain.ScaleOf(domain.ScalePHIA).Levels {
		for _, w := range l.Terms {
			get(w).phia = lv
		}
	}
	for _, f := range phiaInflections {
		get(f.words).phia = f.level
	}
	for w, lv := range vagueTerms {
		get(w).suggest = lv
	}
	x := lexicon{}
	for _, t := range byWords {
		x[t.words[0]] = append(x[t.words[0]], t)
	}
	for _, ts := range x {
		sortLongestFirst(ts)
	}
	return x
}

func sortLongestFirst(ts []*term) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && len(ts[j].words) > len(ts[j-1].words); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// match finds the longest term starting at word w, its words joined
// (space or hyphen between them), or nil.
func (x lexicon) match(t *text, w int) (*term, int) {
	for _, cand := range x[t.wordAt(w)] {
		n := len(cand.words)
		if w+n > len(t.words) {
			continue
		}
		ok := true
		for k := 1; k < n && ok; k++ {
			ok = t.wordAt(w+k) == cand.words[k] && t.joined(w+k-1)
		}
		if ok {
			return cand, n
		}
	}
	return nil, 0
}
