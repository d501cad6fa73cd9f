package integrity

import "strings"

// The modal verbs "could" and "might" say how likely something is only
// some of the time: "Beijing could retaliate" gives the reader no
// probability, but "the ban could apply to subsidiaries" says what the
// ban reaches, "firms could buy the tools" what they were able to do,
// "if Samsung could source them" sets a condition. The checker aims for
// few false alarms: "could" counts only before a verb of events (a
// forecast), "might" counts unless the context shows another use.

// eventVerbs are verbs of things that happen: after "could" they make a
// forecast. Verbs of ability or scope (apply, buy, use, produce,
// carry, issue, bid) are deliberately left out.
var eventVerbs = wordSet(`retaliate escalate collapse fall rise drop decline increase decrease double triple
halve surge soar slump shrink grow trigger spark prompt provoke disrupt delay derail undermine stall fail
lose cost exceed emerge happen occur follow backfire accelerate slow shift erode weaken worsen deteriorate
spill spread impose tighten sanction invade blockade seize halt suspend withdraw abandon reverse overturn
unravel fracture split harden collapse default face reach lead result push force threaten hurt damage
cripple jeopardise jeopardize complicate revive resume announce introduce expand extend target add veto
curb cut raise lower tip pivot redirect divert reroute outpace overtake lag stop end break win move
retaliate freeze block ban restrict sever downgrade upgrade postpone scrap shelve dilute signal`)

// eventParticiples follow "could be" in a forecast ("could be delayed").
var eventParticiples = wordSet(`delayed imposed announced introduced extended expanded tightened blocked
banned restricted sanctioned disrupted cut halted suspended withdrawn reversed overturned forced hit hurt
targeted added listed dropped derailed postponed scrapped shelved weakened diluted vetoed lost affected
undermined raised lowered approved rejected signed severe significant substantial considerable costly
damaging serious higher lower worse larger greater lasting imminent`)

// notMightVerbs follow "might" where it does not weigh an event: "one
// might argue", "it might seem".
var notMightVerbs = wordSet(`as seem think argue say expect imagine call suppose wonder assume note`)

// mightNoun marks "might" as the noun: "military might", "its might".
var mightNoun = wordSet(`military economic industrial naval technological its their his her our your
full all great`)

// modalSkips stand between a modal and its verb without changing it.
var modalSkips = wordSet(`also still soon eventually quickly even yet then further ultimately swiftly easily
rapidly plausibly`)

var negators = wordSet(`not never no hardly barely nor neither`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// modalWeighs says whether the modal at word w ("could" or "might")
// weighs how likely an event is.
func modalWeighs(t *text, w int) bool {
	if inCondition(t, w) || (t.wordAt(w) == "might" && isNounMight(t, w)) {
		return false
	}
	prev := t.wordAt(w - 1)
	if prev == "one" || prev == "you" || prev == "what" || prev == "how" || prev == "who" ||
		prev == "whatever" || prev == "however" || (prev == "that" && t.wordAt(w-2) == "so") {
		return false
	}
	v := w + 1
	for modalSkips[t.wordAt(v)] {
		v++
	}
	next := t.wordAt(v)
	if negators[next] || next == "only" || next == "" || !sameSentence(t, w, v) {
		return false
	}
	if t.wordAt(w) == "might" {
		// "whatever the outcome might be": no event is weighed
		return !notMightVerbs[next] && !(next == "be" && !clauseGoesOn(t, v))
	}
	if pastContext(t, w) {
		return false
	}
	if next == "be" {
		return eventParticiples[t.wordAt(v+1)]
	}
	return eventVerbs[next]
}

// clauseGoesOn says a word of the same clause follows word w.
func clauseGoesOn(t *text, w int) bool {
	return sameSentence(t, w, w+1) && !t.joinedByPunct(w)
}

// pastContext says the sentence of word w is about the past, where
// "could" said what was possible then ("until 2022, firms could add
// capacity freely"), not how likely anything is.
func pastContext(t *text, w int) bool {
	s := t.tokOf(w).sentence
	for v := 0; v < len(t.words); v++ {
		if t.tokOf(v).sentence != s {
			continue
		}
		switch t.wordAt(v) {
		case "until", "previously", "formerly":
			return true
		case "past", "time":
			if t.wordAt(v-1) == "the" && (t.wordAt(v-2) == "in" || t.wordAt(v-2) == "at") {
				return true
			}
		}
	}
	return false
}

// isNounMight says "might" is the noun (strength), not the modal.
func isNounMight(t *text, w int) bool {
	prev := t.wordAt(w - 1)
	if mightNoun[prev] || strings.HasSuffix(prev, "'s") {
		return true
	}
	switch t.wordAt(w + 1) {
	case "of", "and", "has", "is", "was":
		return true
	}
	return false
}

// inCondition says the word stands in an if-, unless- or whether-clause
// of its sentence: after the conjunction with no comma since.
func inCondition(t *text, w int) bool {
	tk := t.words[w]
	s := t.toks[tk].sentence
	for k := tk - 1; k >= 0 && t.toks[k].sentence == s; k-- {
		switch t.toks[k].text {
		case ",", ";", ":", "—", "–":
			return false
		case "if", "unless", "whether":
			return true
		}
	}
	return false
}

func sameSentence(t *text, a, b int) bool {
	return b < len(t.words) && t.tokOf(a).sentence == t.tokOf(b).sentence
}

// hedgesAmount says "perhaps"/"possibly" at w qualifies an amount or a
// superlative ("perhaps 40 firms", "perhaps the clearest sign"), not
// how likely an event is.
func hedgesAmount(t *text, w int) bool {
	next := t.wordAt(w + 1)
	switch next {
	case "most", "more", "less", "fewer", "twice", "half", "one", "as":
		return true
	case "the":
		after := t.wordAt(w + 2)
		return superlatives[after] || len(after) > 4 && strings.HasSuffix(after, "est")
	case "a", "an":
		return quantities[t.wordAt(w+2)]
	}
	return startsWithDigit(next) || quantities[next]
}

var superlatives = wordSet(`most best worst first last only main chief single key`)

var quantities = wordSet(`third quarter half fifth tenth dozen few handful hundred thousand million billion
two three four five six seven eight nine ten twenty thirty forty fifty`)

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// attributed says the sentence reports someone else's words ("the
// department said"): their vague words are theirs to choose.
func attributed(t *text, sentence int) bool {
	for i, tk := range t.toks {
		if tk.sentence != sentence || !tk.word {
			continue
		}
		if reportVerbs[tk.text] {
			return true
		}
		if tk.text == "according" && i+1 < len(t.toks) && t.toks[i+1].text == "to" {
			return true
		}
	}
	return false
}

var reportVerbs = wordSet(`said says told stated wrote argued claimed reported insisted warned announced`)
