// Package bench measures Attaché on libraries of realistic size: importing
// articles, searching 100,000 excerpts, listing 10,000 sources, loading a
// 1,000-excerpt briefing and exporting it with the attache command (beside
// headless Chromium printing the same content). The benchmarks live in the
// _test files and run with bench/run.sh; this file generates the synthetic
// articles they use.
//
// Every article is invented here from word lists and sentence patterns about
// technology diplomacy (chips, 5G, AI, export controls, quantum, subsea
// cables, space, critical minerals, data flows). Output depends only on the
// seed and the article's index, so a fixture built twice is the same.
package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// Article is one generated article, with the metadata a correct import must
// recover from its file text.
type Article struct {
	Topic     string // what the article is about, e.g. "subsea cables"; not in the file
	Section   string // upper-case kicker line above the title, or ""
	Title     string
	Subtitle  string   // standfirst between title and byline, or ""
	Authors   []string // from the "By …" line; empty when there is none
	Publisher string   // named after "|" in the byline, or ""
	Published domain.Date
	// Paragraphs hold the body, each a list of sentences joined by one space.
	Paragraphs [][]string
}

// Body is the article text as the importer keeps it: paragraphs separated by
// one blank line.
func (a *Article) Body() string {
	paras := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		paras[i] = strings.Join(p, " ")
	}
	return strings.Join(paras, "\n\n")
}

// File is the article as an analyst would save it in a .txt file: kicker,
// title, standfirst, byline and date lines, then the paragraphs.
func (a *Article) File() string {
	var b strings.Builder
	if a.Section != "" {
		b.WriteString(a.Section + "\n")
	}
	b.WriteString(a.Title + "\n\n")
	if a.Subtitle != "" {
		b.WriteString(a.Subtitle + "\n\n")
	}
	if by := a.Byline(); by != "" {
		b.WriteString(by + "\n\n")
	}
	if !a.Published.IsZero() {
		b.WriteString("Published " + a.Published.Long() + "\n\n")
	}
	b.WriteString(a.Body())
	b.WriteString("\n")
	return b.String()
}

// Byline is the "By …" line, or "" when the article has no authors.
func (a *Article) Byline() string {
	if len(a.Authors) == 0 {
		return ""
	}
	by := "By " + (&domain.Source{Authors: a.Authors}).AuthorList()
	if a.Publisher != "" {
		by += " | " + a.Publisher
	}
	return by
}

// Sentences returns the rune span of every sentence in Body, in order; they
// are the natural boundaries for excerpts.
func (a *Article) Sentences() []domain.Span {
	var spans []domain.Span
	pos := 0
	for i, p := range a.Paragraphs {
		if i > 0 {
			pos += 2 // "\n\n"
		}
		for j, s := range p {
			if j > 0 {
				pos++ // " "
			}
			n := utf8.RuneCountInString(s)
			spans = append(spans, domain.Span{Start: pos, End: pos + n})
			pos += n
		}
	}
	return spans
}

// FileName is a plausible file name for the article, unique per index.
func (a *Article) FileName(i int) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ToLower(a.Title)) {
		w = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, w)
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
		if b.Len() > 40 {
			break
		}
	}
	return fmt.Sprintf("%05d-%s.txt", i, b.String())
}

// Generate returns article i of the series seeded by seed. The same seed and
// index always give the same article, whatever else was generated before.
func Generate(seed uint64, i int) *Article {
	g := &gen{r: rand.New(rand.NewPCG(seed, uint64(i)*0x9E3779B97F4A7C15+1))}
	g.rare = rand.NewZipf(g.r, 1.3, 2, uint64(len(rareWords)-1))
	return g.article()
}

// Articles returns articles 0 to n-1 of the series seeded by seed.
func Articles(seed uint64, n int) []*Article {
	out := make([]*Article, n)
	for i := range out {
		out[i] = Generate(seed, i)
	}
	return out
}

type gen struct {
	r     *rand.Rand
	rare  *rand.Zipf
	topic *topic
	// names of the people quoted in this article, reused so that an
	// article keeps coming back to the same few voices
	voices []string
	seen   map[string]bool // sentences used, so none repeats
	actor  string          // the last {actor}, which {actor2} must differ from
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) article() *Article {
	g.topic = &topics[g.r.IntN(len(topics))]
	a := &Article{Topic: g.topic.name}
	if g.chance(0.6) {
		a.Section = g.pick(g.topic.sections)
	}
	a.Title = g.title()
	subtitle := g.chance(0.35)
	switch n := g.r.IntN(20); {
	case n < 2: // no byline: a wire story or a pasted note
	case n < 12:
		a.Authors = []string{g.name()}
	case n < 17:
		a.Authors = g.distinctNames(2)
	default:
		a.Authors = g.distinctNames(3)
	}
	if len(a.Authors) > 0 && g.chance(0.3) {
		a.Publisher = g.pick(publishers)
	}
	if !g.chance(0.05) {
		start := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
		a.Published = domain.DateOf(start.AddDate(0, 0, g.r.IntN(8*365)))
	}
	// The importer takes a standfirst only when a byline or date follows it.
	if subtitle && (len(a.Authors) > 0 || !a.Published.IsZero()) {
		a.Subtitle = g.sentence(g.pick(standfirsts))
	}
	g.voices = g.distinctNames(2 + g.r.IntN(3))
	g.seen = map[string]bool{}
	// About 5 KB: 8 to 14 paragraphs of 3 to 6 sentences.
	for range 8 + g.r.IntN(7) {
		var p []string
		for range 3 + g.r.IntN(4) {
			p = append(p, g.bodySentence())
		}
		a.Paragraphs = append(a.Paragraphs, p)
	}
	return a
}

func (g *gen) distinctNames(n int) []string {
	var out []string
	seen := map[string]bool{}
	for len(out) < n {
		if nm := g.name(); !seen[nm] {
			seen[nm] = true
			out = append(out, nm)
		}
	}
	return out
}

func (g *gen) name() string {
	n := g.pick(firstNames)
	if g.chance(0.15) {
		n += " " + string(rune('A'+g.r.IntN(26))) + "."
	}
	return n + " " + g.pick(surnames)
}

func (g *gen) title() string {
	return g.expand(g.pick(titlePatterns), true)
}

func (g *gen) bodySentence() string {
	for range 10 {
		if s := g.anySentence(); !g.seen[s] {
			g.seen[s] = true
			return s
		}
	}
	return g.anySentence()
}

func (g *gen) anySentence() string {
	switch n := g.r.IntN(100); {
	case n < 12:
		return g.sentence(g.pick(quotePatterns))
	case n < 50:
		return g.sentence(g.pick(g.topic.patterns))
	default:
		return g.sentence(g.pick(generalPatterns))
	}
}

// sentence expands a pattern, fixes "a" before a vowel and capitalises the
// first letter.
func (g *gen) sentence(pattern string) string {
	words := strings.Split(g.expand(pattern, false), " ")
	for i := 0; i+1 < len(words); i++ {
		if (words[i] == "a" || words[i] == "A") && strings.ContainsRune("aeiou", rune(words[i+1][0])) {
			words[i] += "n"
		}
	}
	s := strings.Join(words, " ")
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// expand replaces every {slot} in pattern; in titles noun phrases are put in
// title case.
func (g *gen) expand(pattern string, title bool) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		j := strings.IndexByte(pattern[i:], '}') + i
		b.WriteString(pattern[:i])
		v := g.slot(pattern[i+1 : j])
		if title {
			v = titleCase(v)
		}
		b.WriteString(v)
		pattern = pattern[j+1:]
	}
}

func (g *gen) slot(name string) string {
	t := g.topic
	switch name {
	case "actor":
		g.actor = g.pick(actors)
		return g.actor
	case "actor2":
		for {
			if a := g.pick(actors); a != g.actor {
				return a
			}
		}
	case "bloc":
		return g.pick(blocs)
	case "thing":
		return g.pick(t.things)
	case "thing2":
		return g.pick(t.things)
	case "term":
		return g.pick(t.terms)
	case "measure":
		return g.pick(t.measures)
	case "firm":
		return g.firm()
	case "official":
		return g.pick(officials)
	case "verb":
		return g.pick(verbs)
	case "when":
		return g.pick(whens)
	case "year":
		return fmt.Sprint(2025 + g.r.IntN(11))
	case "num":
		return g.pick(numbers)
	case "pct":
		return fmt.Sprint(5 + g.r.IntN(60))
	case "adj":
		return g.pick(adjectives)
	case "concern":
		return g.pick(concerns)
	case "place":
		return g.place()
	case "rare":
		return rareWords[g.rare.Uint64()]
	case "voice":
		return g.pick(g.voices)
	case "role":
		return g.pick(roles)
	case "claim":
		return g.expand(g.pick(claims), false)
	case "topicname":
		return t.name
	}
	panic("bench: unknown slot {" + name + "}")
}

// firm invents a company name: a stem from the list, or one made of
// syllables so that the library holds many words that occur only rarely.
func (g *gen) firm() string {
	stem := g.pick(firmStems)
	if g.chance(0.3) {
		stem = g.coined()
	}
	return stem + " " + g.pick(g.topic.firmKinds)
}

// place is a real capital or a coined port or town name.
func (g *gen) place() string {
	if g.chance(0.25) {
		return g.coined()
	}
	return g.pick(places)
}

func (g *gen) coined() string {
	var b strings.Builder
	for k := range 2 + g.r.IntN(2) {
		s := g.pick(syllables)
		if k == 0 {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		b.WriteString(s)
	}
	return b.String()
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true,
	"of": true, "on": true, "in": true, "for": true, "to": true, "at": true, "by": true, "with": true}

// titleCase capitalises every word of s but the small ones.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if smallWords[w] && i > 0 {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}
