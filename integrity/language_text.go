package integrity

import (
	"strings"
	"unicode"
)

// token is a word, number or punctuation mark of a text, with its place
// in runes. Words are lower-cased, with ’ read as ' so that curly and
// straight apostrophes match alike.
type token struct {
	text       string
	start, end int // runes
	word       bool
	quoted     bool // inside quotation marks: someone else's words
	sentence   int  // index of the sentence it is in
}

// text is one block's text cut into tokens and sentences.
type text struct {
	runes  []rune
	toks   []token
	words  []int // indexes into toks of the word tokens
	nsents int
	// question says, per sentence, whether it ends with a question mark.
	question []bool
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// readText tokenises s, marks quotations and splits sentences.
func readText(s string) *text {
	t := &text{runes: []rune(s)}
	t.tokenise()
	t.markQuotes()
	t.splitSentences()
	for i, tk := range t.toks {
		if tk.word {
			t.words = append(t.words, i)
		}
	}
	return t
}

// tokenise cuts the runes into words (letters and digits, with inner
// apostrophes, decimal points and thousands commas) and single marks.
func (t *text) tokenise() {
	rs := t.runes
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case isWordRune(r):
			j := i + 1
			for j < len(rs) && (isWordRune(rs[j]) || innerMark(rs, j)) {
				j++
			}
			w := strings.ToLower(strings.ReplaceAll(string(rs[i:j]), "’", "'"))
			t.toks = append(t.toks, token{text: w, start: i, end: j, word: true})
			i = j
		default:
			t.toks = append(t.toks, token{text: string(r), start: i, end: i + 1})
			i++
		}
	}
}

// innerMark says whether the mark at j joins the runes around it into
// one word: an apostrophe between letters (don't, China's), or a point
// or comma between digits (3.5, 30,000).
func innerMark(rs []rune, j int) bool {
	if j+1 >= len(rs) || j == 0 {
		return false
	}
	prev, next := rs[j-1], rs[j+1]
	switch rs[j] {
	case '\'', '’':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// markQuotes marks the tokens inside quotation marks: straight double
// quotes pair up, curly ones open and close, and single quotes open
// before a word and close after one (an apostrophe is inside a word).
func (t *text) markQuotes() {
	var open rune // the quote mark that opened the quotation, 0 outside
	for i := range t.toks {
		tk := &t.toks[i]
		if tk.word {
			tk.quoted = open != 0
			continue
		}
		r := []rune(tk.text)[0]
		switch {
		case open == 0 && opensQuote(r, t.runes, tk.start):
			open = r
		case open != 0 && closes(open, r):
			open = 0
		default:
			tk.quoted = open != 0
		}
	}
}

func opensQuote(r rune, rs []rune, at int) bool {
	switch r {
	case '"', '“', '«':
		return true
	case '‘', '\'':
		return at == 0 || !unicode.IsLetter(rs[at-1])
	}
	return false
}

func closes(open, r rune) bool {
	switch open {
	case '"':
		return r == '"'
	case '“':
		return r == '”' || r == '"'
	case '«':
		return r == '»'
	}
	return r == '’' || r == '\''
}

// abbreviations end with a point that does not end the sentence.
var abbreviations = map[string]bool{"eg": true, "ie": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"no": true, "vs": true, "etc": true, "st": true, "c": true, "ca": true, "e": true, "i": true, "g": true,
	"u": true, "s": true, "k": true}

// splitSentences gives each token its sentence: a sentence ends at ., !
// or ? (not after an abbreviation) or at a line break.
func (t *text) splitSentences() {
	s := 0
	t.question = []bool{false}
	for i := range t.toks {
		t.toks[i].sentence = s
		if t.endsSentence(i) {
			t.question[s] = t.toks[i].text == "?"
			s++
			t.question = append(t.question, false)
		}
	}
	t.nsents = s + 1
}

func (t *text) endsSentence(i int) bool {
	tk := t.toks[i]
	if i+1 < len(t.toks) && strings.ContainsRune(string(t.runes[tk.end:t.toks[i+1].start]), '\n') {
		return true
	}
	switch tk.text {
	case "?", "!":
		return true
	case ".":
		prev := i > 0 && t.toks[i-1].word && t.toks[i-1].end == tk.start
		return !prev || !abbreviations[t.toks[i-1].text]
	}
	return false
}

// wordAt is the text of the w-th word, "" out of range.
func (t *text) wordAt(w int) string {
	if w < 0 || w >= len(t.words) {
		return ""
	}
	return t.toks[t.words[w]].text
}

// tokOf is the token of the w-th word.
func (t *text) tokOf(w int) token { return t.toks[t.words[w]] }

// joined says whether words w and w+1 stand next to each other, with
// nothing between them but space or a hyphen.
func (t *text) joined(w int) bool {
	a, b := t.words[w], t.words[w+1]
	for k := a + 1; k < b; k++ {
		if !isHyphen(t.toks[k].text) {
			return false
		}
	}
	return b-a <= 2
}

func isHyphen(s string) bool { return s == "-" || s == "‐" || s == "‑" }

// between is the text of the runes from rune a to rune b.
func (t *text) between(a, b int) string { return string(t.runes[a:b]) }

// normWords is a run of words as the key and the corpus compare them:
// lower case, one space, hyphens and curly apostrophes plain.
func normWords(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	s = strings.NewReplacer("-", " ", "‐", " ", "‑", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
