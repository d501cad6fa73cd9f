package export

import (
	"fmt"
	"strings"

	"github.com/attache/attache/domain"
)

// WarningCode names a kind of problem a reader would trip over; screens
// key on it, never on the message.
type WarningCode string

const (
	// WarnUnmarkedPortion: portion marks are in use but this portion has
	// none, so a reader cannot tell its classification. Refused.
	WarnUnmarkedPortion WarningCode = "unmarked-portion"
	// WarnAboveOverall: a portion is marked above the overall marking the
	// analyst chose, or carries a caveat it lacks. Refused.
	WarnAboveOverall WarningCode = "above-overall"
	// WarnForeignMarking: a mark is of another scheme than the briefing's,
	// or no marking Attaché can read (free text typed before schemes).
	// Refused.
	WarnForeignMarking WarningCode = "foreign-marking"
	// WarnMissingAuthority: a classified briefing under a scheme with a
	// classification authority block (US) lacks one of its lines. Refused.
	WarnMissingAuthority WarningCode = "missing-authority"
	// WarnBelowSource: an excerpt is marked below its source and no reason
	// is recorded (the source was marked higher after the excerpt was
	// cut). Refused.
	WarnBelowSource WarningCode = "below-source"
	// WarnSourceAbove: a cited source is marked above the banner; its
	// citation prints in the notes and the sources appendix. Refused.
	WarnSourceAbove WarningCode = "source-above"
	// WarnEmptySection: a section heading with nothing under it.
	WarnEmptySection WarningCode = "empty-section"
	// WarnNotesIncluded: the analyst's private notes on excerpts will be
	// printed, as the briefing asks; said so the analyst knows.
	WarnNotesIncluded WarningCode = "notes-included"
)

// Warning is one problem found before export, with the block it is about.
type Warning struct {
	Code  WarningCode
	Block int // index of the block in the briefing; -1 for the details
	// Where names the portion as the analyst finds it: "The title",
	// "Section 2, third block, commentary “The claim dates…”".
	Where   string
	Message string // for the analyst: what is wrong and what to do
	// Refuse: export will not write the briefing until this is put right.
	Refuse bool
}

// Warnings are the checks run before export, in reading order: the
// overall marking, each portion's marks (of the briefing's scheme, under
// the overall marking, none missing while others are marked), the
// authority block, sections left empty in the laid-out document (a
// heading followed only by key judgments is empty there, since the
// judgments move to the front), the basis of key judgments and what rests
// on sources with a concern (modelbasiswarnings.go), and whether the
// analyst's notes go out.
// Those with Refuse set stop every export but JSON (see Refusals).
func (d *Document) Warnings() []Warning {
	out := d.overallProblems()
	for _, p := range d.portions {
		out = append(out, d.portionProblems(p)...)
	}
	out = append(out, d.sourceProblems()...)
	for i, it := range d.Body {
		if it.Type == domain.BlockHeading && (i+1 == len(d.Body) || d.Body[i+1].Type == domain.BlockHeading) {
			out = append(out, Warning{Code: WarnEmptySection, Block: it.Block, Where: it.Where,
				Message: "The section “" + it.Text + "” is empty: add to it or remove its heading."})
		}
	}
	out = append(out, d.basisWarnings...)
	for _, it := range d.Body {
		if strings.TrimSpace(it.Comment) != "" { // set only when the briefing includes notes
			out = append(out, Warning{Code: WarnNotesIncluded, Block: -1,
				Message: "Analyst notes on excerpts are included in this export, each under its excerpt's portion mark."})
			break
		}
	}
	return out
}

// Refusals are the warnings that stop an export.
func (d *Document) Refusals() []Warning {
	var out []Warning
	for _, w := range d.Warnings() {
		if w.Refuse {
			out = append(out, w)
		}
	}
	return out
}

func refused(code WarningCode, block int, where, message string) Warning {
	return Warning{Code: code, Block: block, Where: where, Message: message, Refuse: true}
}

// overallProblems checks the overall marking and the authority block.
func (d *Document) overallProblems() []Warning {
	var out []Warning
	br := d.Briefing
	if br.Classification != "" && d.Mark.IsZero() {
		out = append(out, refused(WarnForeignMarking, -1, whereOverall, whereOverall+": "+foreignMessage(d.Scheme, br.Classification)))
	}
	if l := d.Mark.Level; l != nil && l.Block != nil {
		out = append(out, blockProblems(l.Block, d.Banner, br)...)
	}
	return out
}

// portionProblems checks one portion's marks: each the scheme's own, the
// portion marked while others are, and covered by the overall marking.
func (d *Document) portionProblems(p portion) []Warning {
	s := d.Scheme
	for _, m := range p.marks {
		if _, err := s.Admit(m); err != nil {
			return []Warning{refused(WarnForeignMarking, p.block, p.where, p.where+": "+foreignMessage(s, m))}
		}
	}
	if p.marking == "" {
		if d.Marked && s.Marks() {
			why := "while other portions have one"
			if d.Mark.NeedsPortions() {
				why = "and every portion of a " + d.Banner + " document carries one"
			}
			return []Warning{refused(WarnUnmarkedPortion, p.block, p.where,
				p.where+" has no portion mark, "+why+": choose its marking.")}
		}
		return nil
	}
	if !d.chosen || d.Mark.IsZero() {
		return nil // the banner is the rollup, which covers every portion
	}
	k, _ := s.Admit(p.marking)
	if ok, why := s.Covers(d.Mark, k); !ok {
		fix := "change the briefing's marking or the portion's so that they agree"
		if k.Rank() > d.Mark.Rank() {
			fix = "raise the briefing's marking or lower the portion's"
		}
		return []Warning{refused(WarnAboveOverall, p.block, p.where, p.where+" "+why+": "+fix+".")}
	}
	return nil
}

// foreignMessage says why m is not a marking of s and what to do: whose
// marking it is, or, for free text typed before schemes, which schemes
// spell it so and what s offers.
func foreignMessage(s *domain.Scheme, m domain.Marking) string {
	if _, err := m.Read(); err != nil {
		if _, perr := s.Parse(string(m)); perr != nil {
			return domain.ErrorMessage(perr) + "."
		}
		return fmt.Sprintf("%q was typed before Attaché had marking schemes: choose it again from the %s markings.", string(m), s.Short)
	}
	_, err := s.Admit(m)
	msg := domain.ErrorMessage(err)
	if k, _ := m.Read(); s.Marks() {
		msg += ": mark it again with one of those, or choose the " + k.Scheme.Short + " scheme in the briefing's details"
	}
	return msg + "."
}

// orAnd joins "a, b and c".
func orAnd(items []string, word string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + word + " " + items[len(items)-1]
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// WarningSummary puts warnings into sentences for a dialog before export:
// the refusals first, each naming its portion, then the others.
func WarningSummary(ws []Warning) []string {
	var out []string
	for _, refuse := range []bool{true, false} {
		for _, w := range ws {
			if w.Refuse == refuse {
				out = append(out, w.Message)
			}
		}
	}
	return out
}

// Refusal stops an export whose markings would be wrong: nothing is
// written. Problems are the refused warnings, each naming its portion and
// what to do. The JSON interchange format is never refused: it is the
// analyst's own copy of the data, for backup and exchange, not a
// document for a reader.
type Refusal struct{ Problems []Warning }

func (e *Refusal) Error() string {
	lines := make([]string, len(e.Problems))
	for i, w := range e.Problems {
		lines[i] = w.Message
	}
	return strings.Join(lines, "\n")
}

// Unwrap gives the refusal as a domain.EINVALID error, one the analyst
// can fix, so that domain.ErrorCode and domain.ErrorMessage treat it as
// the other export errors.
func (e *Refusal) Unwrap() error { return domain.Errorf(domain.EINVALID, "%s", e.Error()) }

// refusal is the Refusal of d's export, or nil when nothing stops it.
func (d *Document) refusal() error {
	if ps := d.Refusals(); len(ps) > 0 {
		return &Refusal{Problems: ps}
	}
	return nil
}

// blockProblems checks the first-page block (the US authority block, the
// CUI designation indicator): its required lines filled in, and a
// Declassify On date still to come.
func blockProblems(blk *domain.FirstPageBlock, banner string, br *domain.Briefing) []Warning {
	var out []Warning
	var missing []string
	vals := blk.Values(br.Authority)
	for i, l := range blk.Lines {
		if l.Required && strings.TrimSpace(vals[i]) == "" {
			missing = append(missing, l.Label)
		}
		if l.Label == "Declassify On" {
			if why := declassifyProblem(vals[i], br.Date); why != "" {
				out = append(out, refused(WarnMissingAuthority, -1, upperFirst(blk.Name), why))
			}
		}
	}
	if len(missing) > 0 {
		out = append([]Warning{refused(WarnMissingAuthority, -1, upperFirst(blk.Name),
			fmt.Sprintf("The briefing is %s, so its first page carries %s, which lacks %s: add %s in the briefing's details.",
				banner, blk.Name, orAnd(missing, "and"), pronoun(len(missing))))}, out...)
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
