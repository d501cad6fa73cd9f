package export

import (
	"strconv"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// Context is what a Document is laid out and checked with beyond its
// bundle (NewDocumentWith); the zero Context is NewDocument's.
type Context struct {
	// Rules are the thresholds of the basis checks, from Settings
	// (settings.BasisRules); nil for integrity.DefaultBasisRules. Now
	// zero takes the briefing's date, else today.
	Rules *integrity.BasisRules
	// Basis prints each key judgment's basis under it: "on", "off", or
	// "auto" ("" too): on for a draft or a briefing in review that links
	// evidence to any judgment, off for a final one.
	Basis string
	// ReadingGuide appends "How to read this assessment": "on", "off",
	// or "auto" (""): when the briefing chooses an estimative scale or
	// prints the basis of its judgments.
	ReadingGuide string
}

// showsBasis resolves c.Basis for br.
func (c Context) showsBasis(br *domain.Briefing) bool {
	switch c.Basis {
	case "on":
		return true
	case "off":
		return false
	}
	if br.Status == domain.StatusFinal {
		return false
	}
	for _, blk := range br.Blocks {
		if blk.Type == domain.BlockJudgment && len(blk.Evidence) > 0 {
			return true
		}
	}
	return false
}

// showsGuide resolves c.ReadingGuide for br.
func (c Context) showsGuide(br *domain.Briefing, basis bool) bool {
	switch c.ReadingGuide {
	case "on":
		return true
	case "off":
		return false
	}
	return domain.ScaleOf(br.Scale) != nil || basis
}

// EvidenceRef is one link of a key judgment to an excerpt, as printed.
type EvidenceRef struct {
	ExcerptID int64
	Stance    domain.Stance
	Excerpt   *domain.Excerpt // nil when not resolved
	Source    *domain.Source  // nil when not in the bundle
	Grade     string          // "B2"; "?" for what is not graded
	Note      int             // its note number; 0 when the basis is not printed
}

// orderedEvidence is a block's evidence, supporting first, each in the
// order the analyst linked it (the order of integrity.Basis.Excerpts).
func orderedEvidence(blk *domain.Block) []domain.Evidence {
	if blk.Type != domain.BlockJudgment {
		return nil
	}
	var out, contra []domain.Evidence
	for _, ev := range blk.Evidence {
		if ev.Stance == domain.StanceContradicts {
			contra = append(contra, ev)
		} else {
			out = append(out, ev)
		}
	}
	return append(out, contra...)
}

// judgments gathers the key judgments, in order, with their basis; when
// the basis is printed each link gets a note, ahead of the body's.
func (d *Document) judgments(b *domain.Bundle, cited map[int64]bool) {
	numbers := domain.JudgmentNumbers(b.Briefing.Blocks)
	for i, blk := range b.Briefing.Blocks {
		n := numbers[i]
		if n == 0 {
			continue
		}
		j := Judgment{Number: n, Block: i, Portion: d.portion(blk.Marking), Marking: blk.Marking,
			Where: "Key judgment " + strconv.Itoa(n) + " " + quoted(blk.Text), Text: blk.Text, Confidence: judgmentConfidence(blk.Confidence),
			Basis: integrity.BasisOf(blk, b)}
		for _, ev := range orderedEvidence(blk) {
			r := EvidenceRef{ExcerptID: ev.ExcerptID, Stance: ev.Stance, Excerpt: ev.Excerpt}
			if ev.Excerpt != nil {
				r.Source = b.Source(ev.Excerpt.SourceID)
			}
			r.Grade = integrity.GradeOf(r.Excerpt, r.Source)
			if d.ShowBasis {
				e := ev.Excerpt
				if e == nil { // a version's link to an excerpt deleted since
					e = &domain.Excerpt{SourceTitle: "An excerpt since deleted"}
				}
				r.Note = d.addNote(b, e, cited)
			}
			j.Evidence = append(j.Evidence, r)
		}
		d.Judgments = append(d.Judgments, j)
	}
}

// Notes of the judgment's evidence: the supporting and the contradicting
// links' note numbers, empty when the basis is not printed.
func (j Judgment) basisNotes() (support, contra []int) {
	for _, r := range j.Evidence {
		if r.Note == 0 {
			continue
		}
		if r.Stance == domain.StanceContradicts {
			contra = append(contra, r.Note)
		} else {
			support = append(support, r.Note)
		}
	}
	return support, contra
}

// noteRange prints note numbers as a reference: "3", "3, 4", "3–6".
// The numbers of one judgment's evidence run on without a gap.
func noteRange(ns []int) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return strconv.Itoa(ns[0])
	case 2:
		return strconv.Itoa(ns[0]) + ", " + strconv.Itoa(ns[1])
	}
	return strconv.Itoa(ns[0]) + "–" + strconv.Itoa(ns[len(ns)-1])
}

// CitedSourceIDs are the IDs of the sources b's excerpts come from, quoted
// in the body or linked to key judgments as evidence, each once, in the
// order of the blocks: what a caller loads for the notes and the basis
// (the composer, whose draft has its excerpts but not their sources).
func CitedSourceIDs(b *domain.Briefing) []int64 {
	seen := map[int64]bool{}
	var out []int64
	add := func(e *domain.Excerpt) {
		if e != nil && !seen[e.SourceID] {
			seen[e.SourceID] = true
			out = append(out, e.SourceID)
		}
	}
	for _, blk := range b.Blocks {
		add(blk.Excerpt)
		for _, ev := range blk.Evidence {
			add(ev.Excerpt)
		}
	}
	return out
}
