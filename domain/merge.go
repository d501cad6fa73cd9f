package domain

import (
	"fmt"
	"strings"
)

// Conflict is one thing that was changed differently in two copies of a
// briefing since the version they both started from.
type Conflict struct {
	Block  int64  // 0 for the briefing's own fields
	Field  string // "title", "text", "order", "removed"…
	Mine   string
	Theirs string
}

// Describe says what clashed, for the analyst.
func (c Conflict) Describe() string {
	switch {
	case c.Field == "order":
		return "the order of the blocks"
	case c.Field == "removed":
		return fmt.Sprintf("block %d (%s)", c.Block, c.Mine)
	case c.Block != 0:
		return fmt.Sprintf("the %s of block %d", c.Field, c.Block)
	}
	return "the " + c.Field
}

// MergeBriefing merges two copies of a briefing that both started from
// base: what only one side changed is taken from that side, blocks added
// on either side are kept in place. Where both changed the same thing
// differently the result holds mine and the clash is listed, so the
// caller decides; nothing is merged silently over the other side.
// The result has theirs' identity (ID, revision, dates); block IDs are
// matched across the copies, so new blocks need IDs no copy shares
// (zero or negative for blocks not yet stored).
func MergeBriefing(base, mine, theirs *Briefing) (*Briefing, []Conflict) {
	return mergeBriefing(&mergeState{}, base, mine, theirs)
}

// ResolveBriefing merges as MergeBriefing does, taking each clash from
// the side keepMine chooses: the analyst settling, block by block, a save
// that clashed with another's. Clashes come with their block (0 for the
// briefing's own details, and for the order of the blocks, whose Field is
// "order"), so choosing by block keeps a block whole. The clashes are
// returned as MergeBriefing lists them.
func ResolveBriefing(base, mine, theirs *Briefing, keepMine func(Conflict) bool) (*Briefing, []Conflict) {
	return mergeBriefing(&mergeState{chooseMine: keepMine}, base, mine, theirs)
}

func mergeBriefing(m *mergeState, base, mine, theirs *Briefing) (*Briefing, []Conflict) {
	out := *theirs
	out.Title = m.field(0, "title", base.Title, mine.Title, theirs.Title)
	out.Subtitle = m.field(0, "subtitle", base.Subtitle, mine.Subtitle, theirs.Subtitle)
	out.Author = m.field(0, "author", base.Author, mine.Author, theirs.Author)
	out.Audience = m.field(0, "prepared for", base.Audience, mine.Audience, theirs.Audience)
	out.Scheme = SchemeID(m.field(0, "marking scheme", string(base.Scheme), string(mine.Scheme), string(theirs.Scheme)))
	out.Classification = m.marking("overall marking", base.Classification, mine.Classification, theirs.Classification)
	out.TitleMarking = m.marking("title's marking", base.TitleMarking, mine.TitleMarking, theirs.TitleMarking)
	out.SubtitleMarking = m.marking("subtitle's marking", base.SubtitleMarking, mine.SubtitleMarking, theirs.SubtitleMarking)
	out.SummaryMarking = m.marking("bottom line's marking", base.SummaryMarking, mine.SummaryMarking, theirs.SummaryMarking)
	out.Authority.ClassifiedBy = m.field(0, "classified by", base.Authority.ClassifiedBy, mine.Authority.ClassifiedBy, theirs.Authority.ClassifiedBy)
	out.Authority.DerivedFrom = m.field(0, "derived from", base.Authority.DerivedFrom, mine.Authority.DerivedFrom, theirs.Authority.DerivedFrom)
	out.Authority.DeclassifyOn = m.field(0, "declassify on", base.Authority.DeclassifyOn, mine.Authority.DeclassifyOn, theirs.Authority.DeclassifyOn)
	out.IncludeNotes = m.field(0, "include analyst notes", fmt.Sprint(base.IncludeNotes), fmt.Sprint(mine.IncludeNotes), fmt.Sprint(theirs.IncludeNotes)) == "true"
	out.Summary = m.field(0, "bottom line", base.Summary, mine.Summary, theirs.Summary)
	out.Scale = ScaleID(m.field(0, "estimative scale", string(base.Scale), string(mine.Scale), string(theirs.Scale)))
	out.Status = Status(m.field(0, "status", string(base.Status), string(mine.Status), string(theirs.Status)))
	out.Date = mergeDateField(m, "date", base.Date, mine.Date, theirs.Date)
	out.Blocks = m.blocks(base.Blocks, mine.Blocks, theirs.Blocks)
	return &out, m.conflicts
}

type mergeState struct {
	conflicts  []Conflict
	chooseMine func(Conflict) bool // nil: mine, always
}

// clash lists c and says whether mine is kept.
func (m *mergeState) clash(c Conflict) bool {
	m.conflicts = append(m.conflicts, c)
	return m.chooseMine == nil || m.chooseMine(c)
}

func (m *mergeState) marking(name string, base, mine, theirs Marking) Marking {
	return Marking(m.field(0, name, string(base), string(mine), string(theirs)))
}

// field is the three-way merge of one value.
func (m *mergeState) field(block int64, name, base, mine, theirs string) string {
	switch {
	case mine == theirs || mine == base:
		return theirs
	case theirs == base:
		return mine
	}
	if m.clash(Conflict{Block: block, Field: name, Mine: mine, Theirs: theirs}) {
		return mine
	}
	return theirs
}

func (m *mergeState) block(base, mine, theirs *Block) *Block {
	out := *theirs
	out.Type = BlockType(m.field(mine.ID, "type", string(base.Type), string(mine.Type), string(theirs.Type)))
	out.Text = m.field(mine.ID, "text", base.Text, mine.Text, theirs.Text)
	out.Confidence = Confidence(m.field(mine.ID, "confidence", string(base.Confidence), string(mine.Confidence), string(theirs.Confidence)))
	out.Marking = Marking(m.field(mine.ID, "marking", string(base.Marking), string(mine.Marking), string(theirs.Marking)))
	ex := m.field(mine.ID, "excerpt", fmt.Sprint(base.ExcerptID), fmt.Sprint(mine.ExcerptID), fmt.Sprint(theirs.ExcerptID))
	if ex == fmt.Sprint(mine.ExcerptID) {
		out.ExcerptID, out.Excerpt = mine.ExcerptID, mine.Excerpt
	}
	out.Evidence = m.evidence(mine.ID, base.Evidence, mine.Evidence, theirs.Evidence)
	if out.Type != BlockJudgment && len(out.Evidence) > 0 {
		// One side made the block something else, the other linked
		// evidence to it: only a judgment has evidence.
		if m.clash(Conflict{Block: mine.ID, Field: "evidence",
			Mine: string(mine.Type) + " with " + linkCount(mine.Evidence), Theirs: string(theirs.Type) + " with " + linkCount(theirs.Evidence)}) {
			out.Evidence = mine.Evidence
		} else {
			out.Evidence = theirs.Evidence
		}
	}
	return &out
}

func sameBlock(a, b *Block) bool {
	return a.Type == b.Type && a.Text == b.Text && a.ExcerptID == b.ExcerptID &&
		a.Confidence == b.Confidence && a.Marking == b.Marking && sameEvidence(a.Evidence, b.Evidence)
}

func blockIndex(bs []*Block) map[int64]*Block {
	ix := make(map[int64]*Block, len(bs))
	for _, b := range bs {
		if b.ID > 0 {
			ix[b.ID] = b
		}
	}
	return ix
}

// kept is the set of blocks the merge keeps: stored blocks by ID (merged
// content), blocks not yet stored by identity.
type kept struct {
	byID  map[int64]*Block
	fresh map[*Block]bool
}

func (k kept) get(b *Block) (*Block, bool) {
	if b.ID > 0 {
		out, ok := k.byID[b.ID]
		return out, ok
	}
	return b, k.fresh[b]
}

func (k kept) add(b, merged *Block) {
	if b.ID > 0 {
		k.byID[b.ID] = merged
	} else {
		k.fresh[b] = true
	}
}

// blocks merges the block lists: each block's content, which blocks stay,
// and their order.
func (m *mergeState) blocks(base, mine, theirs []*Block) []*Block {
	bIx, mIx, tIx := blockIndex(base), blockIndex(mine), blockIndex(theirs)
	k := kept{byID: map[int64]*Block{}, fresh: map[*Block]bool{}}
	for _, b := range mine {
		if out := m.keepMine(b, bIx, tIx); out != nil {
			k.add(b, out)
		}
	}
	for _, t := range theirs {
		if _, inMine := mIx[t.ID]; inMine && t.ID > 0 {
			continue
		}
		if base, ok := bIx[t.ID]; ok && sameBlock(base, t) {
			continue // removed here, untouched there
		} else if ok {
			if m.clash(Conflict{Block: t.ID, Field: "removed", Mine: "removed here", Theirs: "changed elsewhere"}) {
				continue // mine wins: stays removed, the caller keeps theirs
			}
		}
		k.add(t, t) // added elsewhere
	}
	return m.order(base, mine, theirs, k)
}

// keepMine merges one of my blocks with the other copies, or returns nil
// when it was removed elsewhere and not changed here.
func (m *mergeState) keepMine(b *Block, bIx, tIx map[int64]*Block) *Block {
	base, inBase := bIx[b.ID]
	t, inTheirs := tIx[b.ID]
	switch {
	case b.ID <= 0 || (!inBase && !inTheirs): // added here (or brought back by an undo)
		return b
	case !inBase: // the same new block on both sides: nothing to merge against
		return m.block(t, b, t)
	case inTheirs:
		return m.block(base, b, t)
	case sameBlock(base, b):
		return nil // removed elsewhere, untouched here
	}
	if m.clash(Conflict{Block: b.ID, Field: "removed", Mine: "changed here", Theirs: "removed elsewhere"}) {
		return b
	}
	return nil
}

// order lays out the kept blocks: the order of the side that reordered the
// blocks they share (theirs if neither did), with the other side's blocks
// placed after the block they followed there.
func (m *mergeState) order(base, mine, theirs []*Block, k kept) []*Block {
	mineMoved := !sameOrder(base, mine)
	if mineMoved && !sameOrder(base, theirs) && !sameOrder(mine, theirs) {
		mineMoved = m.clash(Conflict{Field: "order", Mine: "moved here", Theirs: "moved elsewhere"})
	}
	first, second := theirs, mine
	if mineMoved {
		first, second = mine, theirs
	}
	out := []*Block{}
	placed := map[int64]int{} // stored block ID -> index in out
	for _, b := range first {
		if kb, ok := k.get(b); ok {
			out = append(out, kb)
			if b.ID > 0 {
				placed[b.ID] = len(out) - 1
			}
		}
	}
	after := -1 // where the second side's next block goes after
	for _, b := range second {
		if at, done := placed[b.ID]; done && b.ID > 0 {
			after = at
			continue
		}
		kb, ok := k.get(b)
		if !ok {
			continue
		}
		out = append(out[:after+1], append([]*Block{kb}, out[after+1:]...)...)
		for id, at := range placed {
			if at > after {
				placed[id] = at + 1
			}
		}
		after++
		if b.ID > 0 {
			placed[b.ID] = after
		}
	}
	return out
}

// sameOrder says whether the blocks a and b share come in the same order.
func sameOrder(a, b []*Block) bool {
	inB := blockIndex(b)
	inA := blockIndex(a)
	var x, y []int64
	for _, blk := range a {
		if _, ok := inB[blk.ID]; ok && blk.ID > 0 {
			x = append(x, blk.ID)
		}
	}
	for _, blk := range b {
		if _, ok := inA[blk.ID]; ok && blk.ID > 0 {
			y = append(y, blk.ID)
		}
	}
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// MergeExcerpt merges the analyst's fields of an excerpt (note, tags,
// credibility, marking) edited in two copies from base. Tags merge as
// sets: each side's additions and removals are kept. Clashes keep mine.
func MergeExcerpt(base, mine, theirs *Excerpt) (*Excerpt, []Conflict) {
	m := &mergeState{}
	out := *theirs
	out.Note = m.field(0, "note", base.Note, mine.Note, theirs.Note)
	out.Credibility = Credibility(m.intField("credibility", int(base.Credibility), int(mine.Credibility), int(theirs.Credibility)))
	out.Marking = m.marking("marking", base.Marking, mine.Marking, theirs.Marking)
	out.MarkingReason = m.field(0, "reason for marking below the source", base.MarkingReason, mine.MarkingReason, theirs.MarkingReason)
	out.Tags = mergeTags(base.Tags, mine.Tags, theirs.Tags)
	return &out, m.conflicts
}

func (m *mergeState) intField(name string, base, mine, theirs int) int {
	v := m.field(0, name, fmt.Sprint(base), fmt.Sprint(mine), fmt.Sprint(theirs))
	if v == fmt.Sprint(mine) {
		return mine
	}
	return theirs
}

// mergeTags is theirs with my additions and removals since base.
func mergeTags(base, mine, theirs []string) []string {
	in := func(list []string, t string) bool {
		for _, x := range list {
			if x == t {
				return true
			}
		}
		return false
	}
	out := []string{}
	for _, t := range theirs {
		if in(mine, t) || !in(base, t) {
			out = append(out, t) // kept here, or added there
		}
	}
	for _, t := range mine {
		if !in(base, t) && !in(out, t) {
			out = append(out, t) // added here
		}
	}
	return NormalizeTags(out)
}

// MergeSource merges a source's details (never its text) edited in two
// copies from base, like MergeExcerpt. Clashes keep mine.
func MergeSource(base, mine, theirs *Source) (*Source, []Conflict) {
	m := &mergeState{}
	out := *theirs
	out.Kind = SourceKind(m.field(0, "kind", string(base.Kind), string(mine.Kind), string(theirs.Kind)))
	out.Title = m.field(0, "title", base.Title, mine.Title, theirs.Title)
	out.Subtitle = m.field(0, "subtitle", base.Subtitle, mine.Subtitle, theirs.Subtitle)
	out.Section = m.field(0, "section", base.Section, mine.Section, theirs.Section)
	authors := m.field(0, "authors", strings.Join(base.Authors, "; "), strings.Join(mine.Authors, "; "), strings.Join(theirs.Authors, "; "))
	if authors == strings.Join(mine.Authors, "; ") {
		out.Authors = mine.Authors
	}
	out.Publisher = m.field(0, "publisher", base.Publisher, mine.Publisher, theirs.Publisher)
	out.Published = mergeDateField(m, "published", base.Published, mine.Published, theirs.Published)
	out.URL = m.field(0, "web address", base.URL, mine.URL, theirs.URL)
	out.Accessed = mergeDateField(m, "accessed", base.Accessed, mine.Accessed, theirs.Accessed)
	out.Language = m.field(0, "language", base.Language, mine.Language, theirs.Language)
	out.FileName = m.field(0, "file name", base.FileName, mine.FileName, theirs.FileName)
	out.Reliability = Reliability(m.field(0, "reliability", string(base.Reliability), string(mine.Reliability), string(theirs.Reliability)))
	out.Notes = m.field(0, "notes", base.Notes, mine.Notes, theirs.Notes)
	out.Marking = m.marking("marking", base.Marking, mine.Marking, theirs.Marking)
	return &out, m.conflicts
}

func mergeDateField(m *mergeState, name string, base, mine, theirs Date) Date {
	switch {
	case mine == theirs || mine == base:
		return theirs
	case theirs == base:
		return mine
	}
	m.conflicts = append(m.conflicts, Conflict{Field: name, Mine: mine.String(), Theirs: theirs.String()})
	return mine
}
