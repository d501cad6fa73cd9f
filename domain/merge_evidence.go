package domain

import "fmt"

// Merging a judgment's evidence links, one link at a time (see MergeBriefing).

// sameEvidence says whether two blocks link the same excerpts with the
// same stances and notes, in whatever order.
func sameEvidence(a, b []Evidence) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		y := findLink(b, x.ExcerptID)
		if y == nil || !sameLink(x, *y) {
			return false
		}
	}
	return true
}

func sameLink(a, b Evidence) bool { return a.Stance == b.Stance && a.Note == b.Note }

func findLink(list []Evidence, excerptID int64) *Evidence {
	for i := range list {
		if list[i].ExcerptID == excerptID {
			return &list[i]
		}
	}
	return nil
}

func linkCount(list []Evidence) string {
	if len(list) == 1 {
		return "1 link to evidence"
	}
	return fmt.Sprintf("%d links to evidence", len(list))
}

// evidence merges a judgment's links, each by its excerpt: a link added on
// either side stays, one removed on one side and untouched on the other
// goes, and its stance and note merge as fields. A link changed on one
// side and removed on the other, or changed differently on both, is a
// clash, which keeps mine. Theirs' order comes first, then my additions.
func (m *mergeState) evidence(block int64, base, mine, theirs []Evidence) []Evidence {
	var out []Evidence
	for _, t := range theirs {
		b, my := findLink(base, t.ExcerptID), findLink(mine, t.ExcerptID)
		switch {
		case my != nil && b != nil:
			out = append(out, m.link(block, *b, *my, t))
		case my != nil: // added on both sides
			if sameLink(*my, t) || m.linkClash(block, t.ExcerptID, describeLink(*my), describeLink(t)) {
				out = append(out, m.link(block, t, *my, t))
			} else {
				out = append(out, t)
			}
		case b == nil: // added there
			out = append(out, t)
		case !sameLink(*b, t): // removed here, changed there: stays removed if mine is kept
			if !m.linkClash(block, t.ExcerptID, "removed here", "changed elsewhere") {
				out = append(out, t)
			}
		} // else removed here, untouched there
	}
	for _, my := range mine {
		if findLink(theirs, my.ExcerptID) != nil {
			continue
		}
		b := findLink(base, my.ExcerptID)
		switch {
		case b == nil: // added here
			out = append(out, my)
		case !sameLink(*b, my): // changed here, removed there: kept if mine is
			if m.linkClash(block, my.ExcerptID, "changed here", "removed elsewhere") {
				out = append(out, my)
			}
		} // else removed there, untouched here
	}
	return out
}

// link merges one link present on both sides (base is theirs for a link
// added on both).
func (m *mergeState) link(block int64, base, mine, theirs Evidence) Evidence {
	out := theirs
	name := fmt.Sprintf("evidence from excerpt %d", theirs.ExcerptID)
	out.Stance = Stance(m.field(block, name+" (stance)", string(base.Stance), string(mine.Stance), string(theirs.Stance)))
	out.Note = m.field(block, name+" (note)", base.Note, mine.Note, theirs.Note)
	if out.Excerpt == nil {
		out.Excerpt = mine.Excerpt
	}
	return out
}

func (m *mergeState) linkClash(block, excerptID int64, mine, theirs string) bool {
	return m.clash(Conflict{Block: block, Field: fmt.Sprintf("evidence from excerpt %d", excerptID), Mine: mine, Theirs: theirs})
}

func describeLink(ev Evidence) string {
	if ev.Note == "" {
		return string(ev.Stance)
	}
	return string(ev.Stance) + ": " + ev.Note
}
