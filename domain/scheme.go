package domain

import (
	"slices"
	"strings"
)

// SchemeID names a marking scheme: what a briefing stores and the command
// line's --scheme takes.
type SchemeID string

// The schemes Attaché ships; schemes.go holds their data.
const (
	SchemeNone SchemeID = "none"
	SchemeUS   SchemeID = "us"
	SchemeUK   SchemeID = "uk"
	SchemeAU   SchemeID = "au"
	SchemeNATO SchemeID = "nato"
	SchemeEU   SchemeID = "eu"
	SchemeTLP  SchemeID = "tlp"
)

// Scheme is a marking system as its published guide defines it: levels
// from lowest to highest, each with its banner and portion forms and
// colours, and the caveats that may follow a level. Export, the composer,
// the command line and the checks all read schemes from here, so a scheme
// is added by adding data, never a code path.
type Scheme struct {
	ID    SchemeID
	Name  string // "UK Government Security Classifications"
	Short string // "UK": in messages, "a UK marking"
	Guide string // the published guide the forms follow, cited in docs/markings.md

	Levels  []*Level  // lowest first
	Caveats []*Caveat // in the order the banner lists them

	// Separator joins level and caveats in the banner ("SECRET//NOFORN");
	// PortionSeparator does so in a portion mark ("(S//NF)").
	Separator        string
	PortionSeparator string
	// Open and Close bracket a portion mark: "(" and ")".
	Open, Close string

	// Align is where banners stand on the page.
	Align Align
	// BannerPoints is the banner's least type size when the guide sets
	// one (TLP: 12 point or larger); 0 leaves it to the exporter.
	BannerPoints float64
	// Authority: a briefing at a Classified level carries the
	// classification authority block (US: Classified By, Derived From,
	// Declassify On) on its first page, and export refuses without it.
	Authority bool
	// Definitions: the first page prints the banner level's definition
	// (TLP's one-line meaning of each colour).
	Definitions bool
	// WholeDocument: the scheme labels a document as a whole (TLP): its
	// parts carry no marks of their own, and none are printed; excerpts
	// keep their sources' labels, which the document's must cover.
	WholeDocument bool
	// PortionsFrom is the code of the lowest level at which every portion
	// must carry a mark (US: classified documents are portion-marked,
	// 32 CFR 2001.21(c)); "" when the guide leaves it to the analyst.
	PortionsFrom string
	// NotReleasable is the caveat code a banner computed from portions
	// carries when the portions' release lists disagree (US: NOFORN): a
	// portion with no release marking may not be released.
	NotReleasable string
}

// Align places a banner on the page.
type Align string

// Banner placements.
const (
	AlignCentre Align = "centre"
	AlignRight  Align = "right"
)

// RGB is a colour as a guide publishes it.
type RGB struct{ R, G, B uint8 }

// Level is one classification level (or TLP colour) of a scheme.
type Level struct {
	Code    string   // "S": how the level is stored
	Banner  string   // "SECRET": top and bottom of every page
	Portion string   // "S": inside a portion mark, "(S)"
	Aliases []string // other spellings accepted when typed
	// Ink is the banner's text colour; Fill its background, nil for none.
	Ink  RGB
	Fill *RGB
	// Definition is the level's one-line meaning, printed where the scheme
	// says so (TLP), and shown beside the choice in the app.
	Definition string
	// Classified marks a level whose briefings need the authority block
	// when the scheme has one.
	Classified bool
}

// Caveat is a dissemination or release marking that follows a level.
type Caveat struct {
	Code    string   // "NOFORN", "REL TO": how it is stored
	Banner  string   // "NOFORN"
	Portion string   // "NF": inside a portion mark
	Aliases []string // other spellings accepted when typed
	// Release: the caveat names the countries a portion may go to, as
	// "REL TO USA, GBR". Owner is the country every list must name first.
	Release bool
	Owner   string
	// CountrySeparator joins a release list's countries (", ").
	CountrySeparator string
	// MinLevel is the code of the lowest level the caveat may go with.
	MinLevel string
	// Group: caveats of one group exclude each other (NOFORN and REL TO).
	Group string
	// Definition says what it means, for the app and `attache schemes`.
	Definition string
}

// Schemes lists the shipped schemes, "none" first.
func Schemes() []*Scheme { return schemes }

// SchemeIDs are the schemes' names, for messages: "none, us, uk, …".
func SchemeIDs() string {
	ids := make([]string, len(schemes))
	for i, s := range schemes {
		ids[i] = string(s.ID)
	}
	return strings.Join(ids, ", ")
}

// LookupScheme finds a scheme by its ID or short name in any case; ""
// gives none. An unknown name is EINVALID, listing the schemes.
func LookupScheme(name string) (*Scheme, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		return schemeByID[SchemeNone], nil
	}
	for _, s := range schemes {
		if n == string(s.ID) || n == strings.ToLower(s.Short) || n == strings.ToLower(s.Name) {
			return s, nil
		}
	}
	return nil, Errorf(EINVALID, "%q is not a marking scheme: use %s", name, SchemeIDs())
}

// SchemeOf is the scheme id names; an unknown id gives none, which marks
// nothing, so a library written by a later Attaché is read, never
// mis-marked (its portions are then reported as foreign).
func SchemeOf(id SchemeID) *Scheme {
	if s, ok := schemeByID[id]; ok {
		return s
	}
	return schemeByID[SchemeNone]
}

// Marks tells whether the scheme marks anything at all.
func (s *Scheme) Marks() bool { return len(s.Levels) > 0 }

// Level finds a level by its code.
func (s *Scheme) Level(code string) *Level {
	for _, l := range s.Levels {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Caveat finds a caveat by its code.
func (s *Scheme) Caveat(code string) *Caveat {
	for _, c := range s.Caveats {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// rank is the level's place from 1 (lowest); 0 for nil.
func (s *Scheme) rank(l *Level) int {
	return slices.Index(s.Levels, l) + 1
}

// LevelList names the levels in banner form for messages: "OFFICIAL,
// OFFICIAL-SENSITIVE, SECRET or TOP SECRET".
func (s *Scheme) LevelList() string {
	if !s.Marks() {
		return "no markings"
	}
	names := make([]string, len(s.Levels))
	for i, l := range s.Levels {
		names[i] = l.Banner
	}
	out := joinOr(names)
	if len(s.Caveats) > 0 {
		cs := make([]string, len(s.Caveats))
		for i, c := range s.Caveats {
			cs[i] = c.Banner
			if c.Release {
				cs[i] += " …"
			}
		}
		out += ", with " + joinOr(cs)
	}
	return out
}

func joinOr(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
