package integrity

import "github.com/attache/attache/domain"

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
	// the same sentence, which ICD 203 asks analysts not to combine.
	FindLikelihoodAndConfidence FindingCode = "likelihood-with-confidence"
	// FindNoConfidence: a key judgment with no confidence level.
	FindNoConfidence FindingCode = "no-confidence"
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

// CheckLanguage reads the bottom line, commentary and key judgments of b
// against the briefing's scale (b.Scale) and returns the findings in
// reading order, those whose Key is in dismissed left out.
func CheckLanguage(b *domain.Briefing, dismissed map[string]bool) []Finding {
	return nil
}
