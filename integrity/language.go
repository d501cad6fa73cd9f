package integrity

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/attache/attache/domain"
)

// FindingCode names a kind of estimative-language finding; screens key
// on it, never on the message.
type FindingCode string

// Finding codes.
const (
	// FindOtherScale: a likelihood word of the other scale than the
	// briefing's ("realistic possibility" under ICD 203).
	FindOtherScale FindingCode = "other-scale"
	// FindNoScale: a probability word of no scale ("may well", "it is
	// possible that", "could"), vague to the reader.
	FindNoScale FindingCode = "no-scale"
	// FindMixedScales: with no scale chosen, the briefing uses words of
	// both; or under ICD 203, words of both its rows without the
	// disclaimer the directive asks for.
	FindMixedScales FindingCode = "mixed-scales"
	// FindLikelihoodAndConfidence: a likelihood and a confidence level in
	// the same sentence, which ICD 203 asks analysts not to combine and
	// the UK guidance also keeps apart.
	FindLikelihoodAndConfidence FindingCode = "likelihood-with-confidence"
	// FindNoConfidence: a key judgment with no confidence level.
	FindNoConfidence FindingCode = "no-confidence"
	// FindConfidenceMismatch: a key judgment whose words state a
	// confidence level other than the one set for it ("we have high
	// confidence" in a judgment set to moderate), which the export
	// prints beside them.
	FindConfidenceMismatch FindingCode = "confidence-mismatch"
	// FindPercentOutsideBand: a percentage outside the band of the
	// likelihood word it goes with ("likely (40%)").
	FindPercentOutsideBand FindingCode = "percent-outside-band"
)

// Finding is one estimative-language problem, pointing to the exact words.
type Finding struct {
	Code FindingCode
	// Block is the ID of the block the words are in; 0 for the bottom
	// line (the briefing's Summary).
	Block int64
	// Index is the block's place in the briefing (from 0); -1 for the
	// bottom line.
	Index int
	// Start and End are the words' place in the block's text (or the
	// Summary), in runes; Words is that text.
	Start, End int
	Words      string
	Message    string // what is wrong and what to do, for the analyst
	// Key names the finding for a dismissal: stable while the same words
	// stand in the same block, whatever is edited around them.
	Key string
}

// part is one text the checker reads: the bottom line, a commentary or
// a key judgment.
type part struct {
	block int64
	index int
	blk   *domain.Block // nil for the bottom line
	t     *text
	occs  []occurrence
}

// CheckLanguage reads the bottom line, commentary and key judgments of b
// against the briefing's scale (b.Scale) and returns the findings in
// reading order, those whose Key is in dismissed left out.
func CheckLanguage(b *domain.Briefing, dismissed map[string]bool) []Finding {
	if b == nil {
		return nil
	}
	parts := readParts(b)
	var out []Finding
	for _, p := range parts {
		out = append(out, p.wordFindings(b.Scale)...)
		out = append(out, p.confidenceFindings(b.Scale)...)
	}
	out = append(out, mixedScales(b.Scale, parts)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Index != out[j].Index {
			return out[i].Index < out[j].Index
		}
		return out[i].Start < out[j].Start
	})
	return keyed(out, dismissed)
}

// readParts reads the texts the checker holds to the scale: headings
// are titles and excerpts quote others, so neither is read.
func readParts(b *domain.Briefing) []*part {
	var parts []*part
	if strings.TrimSpace(b.Summary) != "" {
		parts = append(parts, newPart(0, -1, nil, b.Summary))
	}
	for i, blk := range b.Blocks {
		if blk.Type == domain.BlockCommentary || blk.Type == domain.BlockJudgment {
			parts = append(parts, newPart(blk.ID, i, blk, blk.Text))
		}
	}
	return parts
}

func newPart(id int64, index int, blk *domain.Block, s string) *part {
	t := readText(s)
	return &part{block: id, index: index, blk: blk, t: t, occs: occurrences(t)}
}

func (p *part) finding(code FindingCode, start, end int, msg string) Finding {
	return Finding{Code: code, Block: p.block, Index: p.index, Start: start, End: end,
		Words: p.t.between(start, end), Message: msg}
}

// wordFindings holds each term used to the scale: vague words, words of
// the other scale, and percentages outside the word's band.
func (p *part) wordFindings(scale domain.ScaleID) []Finding {
	var out []Finding
	ps := percents(p.t)
	for _, o := range p.occs {
		words := p.t.between(o.start, o.end)
		switch {
		case o.negated:
			continue
		case o.term.vague():
			out = append(out, p.finding(FindNoScale, o.start, o.end, vagueMessage(words, o.term, scale)))
			continue
		case scale != domain.ScaleNone && !o.term.of(scale):
			out = append(out, p.finding(FindOtherScale, o.start, o.end, otherScaleMessage(words, o.term, scale)))
		}
		if pc := percentFor(p.t, o, ps); pc != nil {
			if msg := bandMessage(words, o.term, scale, *pc); msg != "" {
				out = append(out, p.finding(FindPercentOutsideBand, pc.start, pc.end, msg))
			}
		}
	}
	return out
}

// confidenceFindings flags a likelihood and a confidence level in one
// sentence, and a key judgment that states no confidence level.
func (p *part) confidenceFindings(scale domain.ScaleID) []Finding {
	var out []Finding
	cps := confidencePhrases(p.t)
	for _, cp := range cps {
		for _, o := range p.occs {
			if o.sentence == cp.sentence && !o.term.vague() {
				words := p.t.between(o.start, o.end)
				out = append(out, p.finding(FindLikelihoodAndConfidence, cp.start, cp.end,
					confidenceMessage(p.t.between(cp.start, cp.end), words, scale)))
				break
			}
		}
	}
	if f, ok := p.confidenceMismatch(cps); ok {
		out = append(out, f)
	}
	if p.blk != nil && p.blk.Type == domain.BlockJudgment && p.blk.Confidence == domain.ConfidenceNone && len(cps) == 0 {
		start, end := trimmedRange(p.t.runes)
		out = append(out, p.finding(FindNoConfidence, start, end, noConfidenceMessage))
	}
	return out
}

// confidenceMismatch flags a key judgment whose words state a confidence
// level and none the one set for it: the first such words. A judgment
// that states its set level anywhere is left alone ("high confidence in
// the ban, low confidence in its timing" set to high).
func (p *part) confidenceMismatch(cps []confidencePhrase) (Finding, bool) {
	if p.blk == nil || p.blk.Type != domain.BlockJudgment || p.blk.Confidence == domain.ConfidenceNone || len(cps) == 0 {
		return Finding{}, false
	}
	for _, cp := range cps {
		if cp.level == p.blk.Confidence {
			return Finding{}, false
		}
	}
	cp := cps[0]
	words := p.t.between(cp.start, cp.end)
	return p.finding(FindConfidenceMismatch, cp.start, cp.end, mismatchMessage(words, p.blk.Confidence)), true
}

// trimmedRange is the range of rs without the space around it.
func trimmedRange(rs []rune) (int, int) {
	start, end := 0, len(rs)
	for start < end && unicode.IsSpace(rs[start]) {
		start++
	}
	for end > start && unicode.IsSpace(rs[end-1]) {
		end--
	}
	return start, end
}

// keyed gives each finding its Key (code, block, words, and the
// occurrence of those words among the block's findings of that code)
// and leaves out the dismissed.
func keyed(fs []Finding, dismissed map[string]bool) []Finding {
	seen := map[string]int{}
	out := fs[:0]
	for _, f := range fs {
		words := normWords(f.Words)
		if f.Code == FindNoConfidence {
			words = "" // the judgment lacks a level whatever its words
		}
		base := fmt.Sprintf("%s/%d/%s", f.Code, f.Block, words)
		f.Key = fmt.Sprintf("%s/%d", base, seen[base])
		seen[base]++
		if !dismissed[f.Key] {
			out = append(out, f)
		}
	}
	return out
}
