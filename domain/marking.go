package domain

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Marking is a marking as stored: "" for none; otherwise the level's code
// and caveats' codes joined by "//" ("S//REL TO USA, GBR"), after the
// scheme's ID and a colon ("uk:OS//UK EYES ONLY") for every scheme but
// the US one, whose markings were stored bare before there were schemes
// and still are, so libraries, versions and files from then read the same.
type Marking string

// US portion markings, as stored.
const (
	MarkingNone         Marking = ""
	MarkingUnclassified Marking = "U"
	MarkingCUI          Marking = "CUI"
	MarkingConfidential Marking = "C"
	MarkingSecret       Marking = "S"
	MarkingTopSecret    Marking = "TS"
)

// Mark is a marking read: its scheme, its level (nil for unmarked) and its
// caveats in the scheme's order.
type Mark struct {
	Scheme  *Scheme
	Level   *Level
	Caveats []CaveatUse
}

// CaveatUse is a caveat as applied, with a release caveat's countries.
type CaveatUse struct {
	*Caveat
	Countries []string
}

// SchemeID is the scheme the marking belongs to; "" for none.
func (m Marking) SchemeID() SchemeID {
	if m == "" {
		return ""
	}
	// The prefix is a known ID as written, in lower case: "TLP:RED" is a
	// TLP banner and "official: sensitive" an Australian level, typed.
	if i := strings.IndexByte(string(m), ':'); i > 0 {
		if _, ok := schemeByID[SchemeID(m[:i])]; ok && m[:i] != "none" {
			return SchemeID(m[:i])
		}
	}
	return SchemeUS
}

// Read interprets a stored marking under its own scheme. A value that is
// not a marking of a known scheme (typed as free text before schemes, or
// written by a later Attaché) is EINVALID, saying what it is.
func (m Marking) Read() (Mark, error) {
	if m == "" {
		return Mark{Scheme: SchemeOf(SchemeNone)}, nil
	}
	id := m.SchemeID()
	k, err := SchemeOf(id).Parse(strings.TrimPrefix(string(m), string(id)+":"))
	if err != nil {
		return Mark{}, Errorf(EINVALID, "%q is not a marking of any scheme Attaché knows: choose one of the briefing's scheme", string(m))
	}
	return k, nil
}

// Portion is the marking as it starts a portion, "(S//NF)"; "" for none.
// A value that cannot be read is shown as it is, so nothing is hidden.
func (m Marking) Portion() string {
	if m == "" {
		return ""
	}
	mk, err := m.Read()
	if err != nil {
		return "(" + string(m) + ")"
	}
	return mk.Portion()
}

// Banner is the marking in banner form, "SECRET//NOFORN"; "" for none,
// and a value that cannot be read as it is.
func (m Marking) Banner() string {
	if m == "" {
		return ""
	}
	mk, err := m.Read()
	if err != nil {
		return string(m)
	}
	return mk.Banner()
}

// IsZero tells an unmarked marking.
func (k Mark) IsZero() bool { return k.Level == nil }

// Rank is the level's place in its scheme from 1 (lowest); 0 unmarked.
func (k Mark) Rank() int {
	if k.Level == nil {
		return 0
	}
	return k.Scheme.rank(k.Level)
}

// Marking is the stored form.
func (k Mark) Marking() Marking {
	if k.Level == nil {
		return ""
	}
	var b strings.Builder
	if k.Scheme.ID != SchemeUS {
		b.WriteString(string(k.Scheme.ID) + ":")
	}
	b.WriteString(k.Level.Code)
	for _, c := range k.Caveats {
		b.WriteString("//" + c.Code)
		if len(c.Countries) > 0 {
			b.WriteString(" " + strings.Join(c.Countries, ", "))
		}
	}
	return Marking(b.String())
}

// Banner is the marking as the top and bottom of a page show it.
func (k Mark) Banner() string {
	if k.Level == nil {
		return ""
	}
	out := k.Level.Banner
	for _, c := range k.Caveats {
		out += k.Scheme.Separator + c.Banner
		if len(c.Countries) > 0 {
			out += " " + strings.Join(c.Countries, c.CountrySeparator)
		}
	}
	return out
}

// Portion is the marking as it starts a portion: "(S//NF)".
func (k Mark) Portion() string {
	if k.Level == nil {
		return ""
	}
	out := k.Scheme.Open + k.Level.Portion
	for _, c := range k.Caveats {
		out += k.Scheme.PortionSeparator + c.Portion
		if len(c.Countries) > 0 {
			out += " " + strings.Join(c.Countries, c.CountrySeparator)
		}
	}
	return out + k.Scheme.Close
}

// Has tells whether the marking carries the caveat code.
func (k Mark) Has(code string) bool {
	return k.caveat(code) != nil
}

func (k Mark) caveat(code string) *CaveatUse {
	for i := range k.Caveats {
		if k.Caveats[i].Code == code {
			return &k.Caveats[i]
		}
	}
	return nil
}

// Admit reads m as a marking this scheme may carry: unmarked, or marked
// under this scheme. Otherwise it is EINVALID, saying which scheme each
// uses, so a SECRET excerpt never slips into a briefing whose scheme
// reads "S" differently.
func (s *Scheme) Admit(m Marking) (Mark, error) {
	k, err := m.Read()
	if err != nil {
		return Mark{}, err
	}
	if k.IsZero() {
		return Mark{Scheme: s}, nil
	}
	if k.Scheme != s {
		if !s.Marks() {
			return Mark{}, Errorf(EINVALID, "%s is a %s marking, and this briefing uses no markings: choose the %s scheme in the briefing's details, or remove the mark",
				k.Banner(), k.Scheme.Short, k.Scheme.Short)
		}
		return Mark{}, Errorf(EINVALID, "%s is a %s marking, and this briefing uses %s markings (%s)",
			k.Banner(), k.Scheme.Short, s.Short, s.LevelList())
	}
	return k, nil
}

// ParseMarking reads a marking typed under scheme s: the banner form, the
// portion form with or without brackets, or the stored code, in any case
// ("secret//noforn", "(S//NF)", "S//REL TO GBR, USA"). "" is unmarked. A
// marking of another scheme, or none, is EINVALID with the scheme's list.
func ParseMarking(s *Scheme, text string) (Marking, error) {
	k, err := s.Parse(text)
	if err != nil {
		return "", err
	}
	return k.Marking(), nil
}

// Parse reads a typed marking under s; see ParseMarking.
func (s *Scheme) Parse(text string) (Mark, error) {
	k, err := s.parse(text)
	var bad *badCaveatError
	switch {
	case err == errNotOurs:
		return Mark{}, s.notOurs(text)
	case errors.As(err, &bad):
		return Mark{}, s.badCaveat(text, bad.rest)
	}
	return k, err
}

// badCaveatError stands for an unknown caveat until Parse says what the
// scheme offers, or whose marking the text is.
type badCaveatError struct{ rest string }

func (e *badCaveatError) Error() string { return "not a caveat: " + e.rest }

// errNotOurs stands for "not a marking of this scheme" until Parse says
// whose it is, which takes parsing under every other scheme.
var errNotOurs = Errorf(EINVALID, "not a marking of this scheme")

func (s *Scheme) parse(text string) (Mark, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return Mark{Scheme: s}, nil
	}
	if id := Marking(t).SchemeID(); id != SchemeUS && id != "" {
		t = strings.TrimPrefix(t, string(id)+":")
		if id != s.ID {
			return Mark{}, errNotOurs
		}
	}
	u := strings.ToUpper(t)
	if s.Open != "" && strings.HasPrefix(u, s.Open) && strings.HasSuffix(u, s.Close) {
		u = strings.TrimSpace(u[len(s.Open) : len(u)-len(s.Close)])
	}
	lvl, n := s.matchLevel(u)
	if lvl == nil {
		return Mark{}, errNotOurs
	}
	k := Mark{Scheme: s, Level: lvl}
	rest := u[n:]
	for {
		rest = strings.TrimLeft(rest, " /,-–")
		if rest == "" {
			break
		}
		c, n := s.matchCaveat(rest)
		if c == nil {
			return Mark{}, &badCaveatError{rest}
		}
		rest = rest[n:]
		use := CaveatUse{Caveat: c}
		if c.Release {
			var err error
			if use.Countries, n, err = countries(rest); err != nil {
				return Mark{}, Errorf(EINVALID, "%q: %s", text, ErrorMessage(err))
			}
			rest = rest[n:]
			if t := strings.TrimLeft(rest, " "); t != "" && t[0] >= 'A' && t[0] <= 'Z' {
				return Mark{}, Errorf(EINVALID, "%q: separate the countries of %s with %q, as in %s %s%sGBR", text, c.Banner,
					strings.TrimSpace(c.CountrySeparator), c.Banner, c.Owner, c.CountrySeparator)
			}
		}
		k.Caveats = append(k.Caveats, use)
	}
	return k, s.check(&k, text)
}

// matchLevel finds the longest form of a level that starts u and ends at a
// word's end, so "OFFICIAL-SENSITIVE" is not read as OFFICIAL.
func (s *Scheme) matchLevel(u string) (*Level, int) {
	return longestForm(u, s.Levels, func(l *Level) []string { return append([]string{l.Banner, l.Portion, l.Code}, l.Aliases...) })
}

func (s *Scheme) matchCaveat(u string) (*Caveat, int) {
	return longestForm(u, s.Caveats, func(c *Caveat) []string { return append([]string{c.Banner, c.Portion, c.Code}, c.Aliases...) })
}

// longestForm finds the item one of whose forms, in capitals, is the
// longest start of u ending at a word's end; its length in bytes.
func longestForm[T any](u string, items []T, forms func(T) []string) (best T, n int) {
	for _, it := range items {
		for _, f := range forms(it) {
			f = strings.ToUpper(f)
			if len(f) > n && strings.HasPrefix(u, f) && atWordEnd(u, len(f)) {
				best, n = it, len(f)
			}
		}
	}
	return best, n
}

func atWordEnd(u string, i int) bool {
	if i >= len(u) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(u[i:])
	return strings.ContainsRune(" /,-–)]", r)
}

// NeedsPortions tells whether a document so marked must mark every
// portion under its scheme's guide.
func (k Mark) NeedsPortions() bool {
	if k.Level == nil || k.Scheme.PortionsFrom == "" {
		return false
	}
	return k.Scheme.rank(k.Level) >= k.Scheme.rank(k.Scheme.Level(k.Scheme.PortionsFrom))
}
