package integrity

// occurrence is one use of a term in a block's text.
type occurrence struct {
	term       *term
	w, n       int // first word and number of words
	start, end int // runes
	sentence   int
	negated    bool // "not likely": weighs no event as the term does
}

// occurrences finds the terms used in the text, in order, leaving out
// words that are quoted, or not used as a likelihood ("more likely
// than", "remote access", "could apply to", "perhaps 40 firms").
func occurrences(t *text) []occurrence {
	var out []occurrence
	for w := 0; w < len(t.words); {
		tm, n := lex.match(t, w)
		if tm == nil {
			w++
			continue
		}
		if o, ok := use(t, tm, w, n); ok {
			out = append(out, o)
		}
		w += n
	}
	return out
}

// use decides whether the match of tm at word w is a use of the term.
func use(t *text, tm *term, w, n int) (occurrence, bool) {
	first, last := t.tokOf(w), t.tokOf(w+n-1)
	o := occurrence{term: tm, w: w, n: n, start: first.start, end: last.end, sentence: first.sentence}
	if first.quoted || last.quoted || compound(t, w, n) {
		return o, false
	}
	o.negated = negated(t, w)
	if !tm.vague() {
		return o, usedAsLikelihood(t, tm, w, n)
	}
	if t.question[o.sentence] || attributed(t, o.sentence) {
		return o, false
	}
	switch t.wordAt(w) {
	case "could", "might":
		return o, n > 1 || modalWeighs(t, w)
	case "perhaps", "possibly":
		return o, !hedgesAmount(t, w)
	}
	// "ruled out of the tender", "excluded from the list": a decision, not a chance
	next := t.wordAt(w + n)
	return o, !(next == "of" || next == "from") || !sameSentence(t, w+n-1, w+n)
}

// usedAsLikelihood rules out comparatives ("more likely than") and
// "remote" meaning far away: the single word counts only before chance,
// possibility or prospect, or after a verb at the end of a clause ("the
// prospect remains remote").
func usedAsLikelihood(t *text, tm *term, w, n int) bool {
	switch t.wordAt(w - 1) {
	case "more", "less", "most", "least", "as":
		return false
	}
	if n > 1 || tm.words[0] != "remote" {
		return true
	}
	switch t.wordAt(w + 1) {
	case "chance", "possibility", "prospect", "likelihood":
		return true
	}
	switch t.wordAt(w - 1) {
	case "is", "are", "was", "were", "remains", "remain", "seems", "appears", "looks", "be":
		return w+1 >= len(t.words) || !sameSentence(t, w, w+1) || t.joinedByPunct(w)
	}
	return false
}

// joinedByPunct says a mark stands between words w and w+1.
func (t *text) joinedByPunct(w int) bool { return t.words[w+1]-t.words[w] > 1 }

// compound says the term is part of a hyphenated word ("likely-looking",
// "high-likely-hood"), not used as a term.
func compound(t *text, w, n int) bool {
	a, b := t.words[w], t.words[w+n-1]
	if a > 0 && isHyphen(t.toks[a-1].text) && t.toks[a-1].end == t.toks[a].start && a > 1 && t.toks[a-2].word {
		return true
	}
	return b+2 < len(t.toks) && isHyphen(t.toks[b+1].text) && t.toks[b+1].start == t.toks[b].end && t.toks[b+2].word
}

// negated says a negation stands in the two words before w ("not
// likely", "never very likely") in the same sentence.
func negated(t *text, w int) bool {
	for k := w - 1; k >= 0 && k >= w-2 && sameSentence(t, k, w); k-- {
		x := t.wordAt(k)
		if negators[x] || len(x) > 3 && x[len(x)-3:] == "n't" || x == "cannot" {
			return true
		}
	}
	return false
}
