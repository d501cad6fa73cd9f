package integrity

import "github.com/attache/attache/domain"

// use of a term in one part, for the briefing-wide rule on mixing.
type placed struct {
	p *part
	o occurrence
}

// mixedScales flags a briefing that mixes two sets of terms: with no
// scale chosen, the terms only ICD 203 has and those only the Yardstick
// has; under ICD 203, the terms of its two rows ("likely" and
// "probable"), unless a sentence says they mean the same. The finding
// points at the first use of the set used less (on a tie, the set that
// came in second), which is the one to change.
func mixedScales(scale domain.ScaleID, parts []*part) []Finding {
	var a, b []placed
	for _, p := range parts {
		for _, o := range p.occs {
			if o.negated || o.term.vague() {
				continue
			}
			switch side(scale, o.term) {
			case 1:
				a = append(a, placed{p, o})
			case 2:
				b = append(b, placed{p, o})
			}
		}
	}
	if len(a) == 0 || len(b) == 0 || scale == domain.ScalePHIA {
		return nil
	}
	if scale == domain.ScaleICD203 && hasDisclaimer(parts) {
		return nil
	}
	minor, major := b, a
	if len(a) < len(b) || len(a) == len(b) && later(a[0], b[0]) {
		minor, major = a, b
	}
	m := minor[0]
	msg := mixedMessage(scale, m.p.t.between(m.o.start, m.o.end), major[0].p.t.between(major[0].o.start, major[0].o.end))
	return []Finding{m.p.finding(FindMixedScales, m.o.start, m.o.end, msg)}
}

// side puts a term in the first or second set (0: neither).
func side(scale domain.ScaleID, t *term) int {
	if scale == domain.ScaleICD203 {
		if t.icd < 0 {
			return 0
		}
		return t.row
	}
	switch {
	case t.icd >= 0 && t.phia < 0:
		return 1
	case t.phia >= 0 && t.icd < 0:
		return 2
	}
	return 0
}

func later(x, y placed) bool {
	if x.p.index != y.p.index {
		return x.p.index > y.p.index
	}
	return x.o.start > y.o.start
}

// hasDisclaimer finds the sentence ICD 203 asks of a product that mixes
// its rows: one saying the terms (words, expressions) mean the same
// probability (likelihood).
func hasDisclaimer(parts []*part) bool {
	for _, p := range parts {
		var same, prob, terms bool
		sentence := 0
		for _, tk := range p.t.toks {
			if tk.sentence != sentence {
				same, prob, terms, sentence = false, false, false, tk.sentence
			}
			if !tk.word {
				continue
			}
			same = same || tk.text == "same" || tk.text == "equivalent" || tk.text == "interchangeably"
			prob = prob || tk.text == "probability" || tk.text == "likelihood"
			terms = terms || disclaimerNouns[tk.text]
			if same && prob && terms {
				return true
			}
		}
	}
	return false
}

var disclaimerNouns = wordSet(`term terms word words row rows expression expressions`)
