package integrity

import (
	"strconv"

	"github.com/attache/attache/domain"
)

// confidencePhrase is a confidence level stated in the text: "high
// confidence", "moderately confident", "confidence is low".
type confidencePhrase struct {
	start, end int // runes
	sentence   int
	level      domain.Confidence // the level it states
}

var confidenceLevels = wordSet(`high moderate medium low`)

// notAnalysts are the confidence of others than the analyst: "investor
// confidence is low" reports a mood, not a confidence level.
var notAnalysts = wordSet(`investor investors consumer consumers business market markets public voter voters`)

// confidencePhrases finds the confidence levels stated in the text,
// outside quotations.
func confidencePhrases(t *text) []confidencePhrase {
	var out []confidencePhrase
	for w := 0; w+1 < len(t.words); w++ {
		a, b := t.wordAt(w), t.wordAt(w+1)
		end, level := w+1, a
		switch {
		case confidenceLevels[a] && b == "confidence" && t.joined(w):
		case (a == "highly" || a == "moderately") && b == "confident" && t.joined(w):
		case a == "confidence" && isVerbIs(b) && confidenceLevels[t.wordAt(w+2)] && !notAnalysts[t.wordAt(w-1)]:
			end, level = w+2, t.wordAt(w+2)
		default:
			continue
		}
		if t.tokOf(w).quoted || !sameSentence(t, w, end) {
			continue
		}
		out = append(out, confidencePhrase{t.tokOf(w).start, t.tokOf(end).end, t.tokOf(w).sentence, levelOf(level)})
	}
	return out
}

// levelOf reads a confidence word as the level it states: "highly" is
// high, "medium" moderate.
func levelOf(w string) domain.Confidence {
	switch w {
	case "high", "highly":
		return domain.ConfidenceHigh
	case "low":
		return domain.ConfidenceLow
	}
	return domain.ConfidenceModerate
}

func isVerbIs(s string) bool { return s == "is" || s == "remains" || s == "was" }

// percent is a percentage or a range of them: "40%", "40 per cent",
// "40–60%".
type percent struct {
	lo, hi     int
	start, end int // runes
	tokA, tokB int // first and last token
}

// percents finds the percentages in the text, outside quotations.
func percents(t *text) []percent {
	var out []percent
	for i := 0; i < len(t.toks); i++ {
		n, ok := number(t.toks[i])
		if !ok || t.toks[i].quoted {
			continue
		}
		p := percent{lo: n, hi: n, start: t.toks[i].start, tokA: i}
		j := i + 1
		if j+1 < len(t.toks) && (isDash(t.toks[j].text) || t.toks[j].text == "to") {
			if m, ok := number(t.toks[j+1]); ok {
				p.hi, j = m, j+2
			}
		}
		last, ok := percentSign(t, j)
		if !ok {
			continue
		}
		p.tokB, p.end = last, t.toks[last].end
		if p.lo > p.hi {
			p.lo, p.hi = p.hi, p.lo
		}
		out = append(out, p)
		i = last
	}
	return out
}

// percentSign finds "%", "per cent" or "percent" at token j and gives
// its last token.
func percentSign(t *text, j int) (int, bool) {
	if j >= len(t.toks) {
		return 0, false
	}
	switch t.toks[j].text {
	case "%", "percent":
		return j, true
	case "per":
		if j+1 < len(t.toks) && t.toks[j+1].text == "cent" {
			return j + 1, true
		}
	}
	return 0, false
}

func number(tk token) (int, bool) {
	if !tk.word {
		return 0, false
	}
	n, err := strconv.Atoi(tk.text)
	return n, err == nil && n >= 0 && n <= 100
}

func isDash(s string) bool { return isHyphen(s) || s == "–" || s == "—" }

// approximators may stand between a term and its percentage: "likely,
// around 70 per cent".
var approximators = wordSet(`around about roughly approximately some c ca circa i.e ie say or perhaps`)

// percentFor finds the percentage that goes with the occurrence: right
// after it, with only marks and approximators between ("likely (40%)",
// "a realistic possibility, around 70 per cent") and not a share (see
// share), or else a "% chance" or "% probability" in the same sentence.
func percentFor(t *text, o occurrence, ps []percent) *percent {
	lastTok := t.words[o.w+o.n-1]
	for i := range ps {
		p := &ps[i]
		if p.tokA > lastTok && onlyGlue(t, lastTok+1, p.tokA) && !share(t, p) {
			return p
		}
	}
	for i := range ps {
		p := &ps[i]
		if t.toks[p.tokA].sentence == o.sentence && isChance(t.nextWord(p.tokB)) {
			return p
		}
	}
	return nil
}

// share says the percentage is a part of something, "of" right after
// it ("likely, 40% of firms", "likely (40% of firms)"), not the term's
// probability. A bracket closed before the "of" ends the figure: in "a
// remote chance (30%) of talks" the "of" belongs to the term.
func share(t *text, p *percent) bool {
	k := p.tokB + 1
	return k < len(t.toks) && t.toks[k].word && t.toks[k].text == "of"
}

func isChance(s string) bool {
	return s == "chance" || s == "probability" || s == "likelihood" || s == "odds"
}

// onlyGlue says tokens a..b-1 are marks and approximators, at most four.
func onlyGlue(t *text, a, b int) bool {
	if b-a > 4 {
		return false
	}
	for k := a; k < b; k++ {
		tk := t.toks[k]
		if tk.word && !approximators[tk.text] || !tk.word && !isGlueMark(tk.text) {
			return false
		}
	}
	return true
}

func isGlueMark(s string) bool {
	switch s {
	case "(", ",", ":", "~", "≈", "[":
		return true
	}
	return isDash(s)
}

// nextWord is the word right after token i, "" if a mark or the end
// comes first (a closing bracket is stepped over).
func (t *text) nextWord(i int) string {
	for k := i + 1; k < len(t.toks); k++ {
		switch {
		case t.toks[k].word:
			return t.toks[k].text
		case t.toks[k].text != ")" && t.toks[k].text != "]":
			return ""
		}
	}
	return ""
}
