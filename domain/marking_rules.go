package domain

import (
	"slices"
	"sort"
	"strings"
)

// check holds a parsed marking to its scheme's rules: each caveat at most
// once, none below its lowest level, none with another of its group, and a
// release list that names the owner and at least one other country. The
// countries are put in the guide's order (owner first, then three-letter
// codes, then four-letter ones, each alphabetical): ordering is spelling,
// not a change of meaning, so it is done rather than refused.
func (s *Scheme) check(k *Mark, text string) error {
	groups := map[string]string{}
	seen := map[string]bool{}
	for i := range k.Caveats {
		c := &k.Caveats[i]
		if seen[c.Code] {
			return Errorf(EINVALID, "%q names %s twice", text, c.Banner)
		}
		seen[c.Code] = true
		if min := s.Level(c.MinLevel); min != nil && s.rank(k.Level) < s.rank(min) {
			// Said in the guide's words, whatever form was typed (the app
			// builds the stored form, "OS//UK EYES ONLY").
			return Errorf(EINVALID, "%s goes only with %s or above, not with %s", c.Banner, min.Banner, k.Level.Banner)
		}
		if c.Group != "" {
			if other, ok := groups[c.Group]; ok {
				return Errorf(EINVALID, "%q: %s and %s cannot be used together", text, other, c.Banner)
			}
			groups[c.Group] = c.Banner
		}
		if c.Release {
			if err := orderCountries(c, text); err != nil {
				return err
			}
		}
	}
	sort.SliceStable(k.Caveats, func(i, j int) bool {
		return slices.Index(s.Caveats, k.Caveats[i].Caveat) < slices.Index(s.Caveats, k.Caveats[j].Caveat)
	})
	return nil
}

func orderCountries(c *CaveatUse, text string) error {
	var others []string
	owner := false
	seen := map[string]bool{}
	for _, x := range c.Countries {
		switch {
		case x == c.Owner:
			owner = true
		case !seen[x]:
			seen[x] = true
			others = append(others, x)
		}
	}
	if !owner || len(others) == 0 {
		return Errorf(EINVALID, "%q: %s needs %s and the other countries' codes, e.g. %s %s%sGBR", text, c.Banner, c.Owner, c.Banner, c.Owner, c.CountrySeparator)
	}
	sort.Slice(others, func(i, j int) bool {
		if len(others[i]) != len(others[j]) {
			return len(others[i]) < len(others[j])
		}
		return others[i] < others[j]
	})
	c.Countries = append([]string{c.Owner}, others...)
	return nil
}

// notOurs refuses text that is no marking of s, saying which schemes it
// does belong to, if any ("OFFICIAL is a UK or Australian marking").
func (s *Scheme) notOurs(text string) error {
	if !s.Marks() {
		return Errorf(EINVALID, "%q: this briefing uses no markings; choose a scheme in its details first (%s)", text, SchemeIDs())
	}
	var theirs []string
	for _, o := range schemes {
		if o == s || !o.Marks() {
			continue
		}
		if _, err := o.parse(text); err == nil {
			theirs = append(theirs, o.Short)
		}
	}
	msg := "%q is not " + article(s.Short) + " " + s.Short + " marking"
	if len(theirs) > 0 {
		msg += " (it is " + article(theirs[0]) + " " + joinOr(theirs) + " one)"
	}
	return Errorf(EINVALID, msg+": use %s", text, s.LevelList())
}

func (s *Scheme) badCaveat(text, rest string) error {
	for _, o := range schemes {
		if _, err := o.parse(text); err == nil && o != s {
			return s.notOurs(text) // "OFFICIAL-SENSITIVE" typed under the Australian scheme
		}
	}
	if len(s.Caveats) == 0 {
		return Errorf(EINVALID, "%q: %s markings take no caveats; use %s", text, s.Short, s.LevelList())
	}
	names := make([]string, len(s.Caveats))
	for i, c := range s.Caveats {
		names[i] = c.Banner
	}
	return Errorf(EINVALID, "%q: %q is not %s %s caveat: use %s", text, strings.TrimSpace(rest), article(s.Short), s.Short, joinOr(names))
}

// joinAnd joins "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func article(word string) string {
	if word != "" && strings.ContainsRune("AEIO", rune(word[0])) { // "a UK", "an EU"
		return "an"
	}
	return "a"
}

// Covers tells whether a document marked overall may hold a portion marked
// portion; if not, why, as a phrase to follow the portion's name: "is
// SECRET, above the OFFICIAL chosen". Both must be marks of one scheme.
func (s *Scheme) Covers(overall, portion Mark) (ok bool, why string) {
	if portion.IsZero() {
		return true, ""
	}
	if portion.Scheme != s {
		return false, "is marked " + portion.Banner() + " under the " + portion.Scheme.Short + " scheme, and the briefing uses " + s.Short + " markings"
	}
	// Every reason is given at once: put right one at a time, a portion
	// above the level and with a caveat the briefing lacks would be
	// refused twice over.
	var reasons []string
	if portion.Rank() > overall.Rank() {
		reasons = append(reasons, "is "+portion.Banner()+", above the "+overall.Banner()+" chosen for the briefing")
	}
	var lacking []string
	for _, c := range portion.Caveats {
		if !c.Release && !overall.Has(c.Code) {
			lacking = append(lacking, c.Banner)
		}
	}
	if len(lacking) > 0 {
		reasons = append(reasons, "carries "+joinAnd(lacking)+", which the briefing's marking "+overall.Banner()+" lacks")
	}
	if len(reasons) > 0 {
		return false, strings.Join(reasons, ", and ")
	}
	for _, oc := range overall.Caveats {
		if !oc.Release || s.rank(portion.Level) < s.rank(s.Level(oc.MinLevel)) {
			continue
		}
		pc := portion.caveat(oc.Code)
		if pc == nil {
			return false, "is " + portion.Banner() + " with no " + oc.Banner + ", so it may not go out under " + overall.Banner()
		}
		if miss := missingMembers(oc.Countries, pc.Countries); len(miss) > 0 {
			return false, "is not releasable to " + joinAnd(miss) + ", which " + overall.Banner() + " names"
		}
	}
	return true, ""
}

// Rollup is the marking a document of these portions carries when the
// analyst chose none: the highest level, every restrictive caveat, and a
// release list only if every portion it must cover has one (then the
// countries all share); otherwise the scheme's not-releasable caveat.
func (s *Scheme) Rollup(portions ...Mark) Mark {
	out := Mark{Scheme: s}
	for _, p := range portions {
		if p.Scheme == s && p.Rank() > out.Rank() {
			out.Level = p.Level
		}
	}
	if out.Level == nil {
		return out
	}
	restricted := map[string]bool{}
	for _, c := range s.Caveats {
		if c.Release {
			continue
		}
		for _, p := range portions {
			if p.Has(c.Code) {
				out.Caveats = append(out.Caveats, CaveatUse{Caveat: c})
				restricted[c.Group] = true
				break
			}
		}
	}
	for _, c := range s.Caveats {
		if c.Release && !restricted[c.Group] {
			out.Caveats = s.rollupRelease(out.Caveats, c, portions)
		}
	}
	return out
}

func (s *Scheme) rollupRelease(out []CaveatUse, c *Caveat, portions []Mark) []CaveatUse {
	var lists [][]string
	all := true
	for _, p := range portions {
		if p.Scheme != s || p.IsZero() || s.rank(p.Level) < s.rank(s.Level(c.MinLevel)) {
			continue
		}
		if pc := p.caveat(c.Code); pc != nil {
			lists = append(lists, pc.Countries)
		} else {
			all = false
		}
	}
	if len(lists) == 0 {
		return out
	}
	if common := commonMembers(lists); all && len(common) > 1 && slices.Contains(common, c.Owner) {
		use := CaveatUse{Caveat: c, Countries: common}
		if orderCountries(&use, "") == nil {
			return append(out, use)
		}
	}
	if nr := s.Caveat(s.NotReleasable); nr != nil {
		return append(out, CaveatUse{Caveat: nr})
	}
	return out
}

// HighestMarking is the rollup of stored markings of one scheme (the
// scheme of the first marked one; marks of others, or unreadable ones,
// are left out: the checks report those). "" when none is marked.
func HighestMarking(ms ...Marking) Marking {
	var s *Scheme
	var ks []Mark
	for _, m := range ms {
		k, err := m.Read()
		if err != nil || k.IsZero() {
			continue
		}
		if s == nil {
			s = k.Scheme
		}
		ks = append(ks, k)
	}
	if s == nil {
		return ""
	}
	return s.Rollup(ks...).Marking()
}
