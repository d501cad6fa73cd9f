package domain

import "strings"

// ScaleID names an estimative-language scale: the fixed words for how
// likely something is, each standing for a band of probability.
type ScaleID string

// Scales a briefing may choose.
const (
	ScaleNone   ScaleID = ""
	ScaleICD203 ScaleID = "icd203" // US ODNI, ICD 203 Analytic Standards
	ScalePHIA   ScaleID = "phia"   // UK PHIA Probability Yardstick
)

// Scale is an estimative-language scale as data: its levels in rising
// order of probability, read by the checker, the export and the app.
type Scale struct {
	ID       ScaleID
	Name     string // "ICD 203 expressions of likelihood"
	Short    string // "ICD 203": for menus and tables
	Citation string // the published document the terms and bands are from
	Levels   []ScaleLevel
	// Note is printed under the scale's table in "How to read this
	// assessment" (e.g. ICD 203's rule on mixing its two rows).
	Note string
}

// ScaleLevel is one band of probability and the words that express it.
type ScaleLevel struct {
	// Terms are the expressions of the level as the document gives them,
	// the first its name ("likely", "probable"); the checker also knows
	// their inflections (probably, improbably).
	Terms []string
	Low   int // per cent, inclusive
	High  int // per cent, inclusive
}

// Band prints the level's band: "55–80%".
func (l ScaleLevel) Band() string {
	return itoa(l.Low) + "–" + itoa(l.High) + "%"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [4]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Scales lists the scales Attaché knows, in menu order.
func Scales() []*Scale { return []*Scale{icd203, phia} }

// ScaleOf gives the scale with the ID, or nil for ScaleNone or an
// unknown ID.
func ScaleOf(id ScaleID) *Scale {
	for _, s := range Scales() {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// ParseScale accepts a scale's ID or short name in any case ("icd203",
// "ICD 203", "phia", "uk", "us"); "" and "none" give ScaleNone.
func ParseScale(s string) (ScaleID, error) {
	v := strings.ToLower(strings.Join(strings.Fields(s), ""))
	switch v {
	case "", "none":
		return ScaleNone, nil
	case "icd203", "icd-203", "us", "odni":
		return ScaleICD203, nil
	case "phia", "uk", "yardstick", "probabilityyardstick", "phiayardstick":
		return ScalePHIA, nil
	}
	return "", Errorf(EINVALID, "%q is not an estimative scale: use icd203, phia or none", s)
}

// The scales' terms and bands, from the published documents (Citation).
// ICD 203 gives each level two terms, one per row of its table (row one
// "likely", row two "probable"), with inflections in brackets (almost
// certain(ly), improbable (improbably), probable (probably)) that the
// checker knows; the Yardstick gives one term a level, two for "likely
// or probably". docs/estimative-language.md prints both tables.
var (
	icd203 = &Scale{
		ID: ScaleICD203, Name: "ICD 203 expressions of likelihood", Short: "ICD 203",
		Citation: "Office of the Director of National Intelligence, Intelligence Community Directive 203: Analytic Standards (2 January 2015), section D.6.e.(2)(a)",
		// The reading guide prints a level per row, its two terms side by
		// side: the directive's chart has the levels as columns.
		Note: "The two terms of each level mean the same probability. ICD 203 strongly encourages analysts " +
			"not to mix the first terms with the second; a product that does must say that they mean the same probability.",
		Levels: []ScaleLevel{
			{Terms: []string{"almost no chance", "remote"}, Low: 1, High: 5},
			{Terms: []string{"very unlikely", "highly improbable"}, Low: 5, High: 20},
			{Terms: []string{"unlikely", "improbable"}, Low: 20, High: 45},
			{Terms: []string{"roughly even chance", "roughly even odds"}, Low: 45, High: 55},
			{Terms: []string{"likely", "probable"}, Low: 55, High: 80},
			{Terms: []string{"very likely", "highly probable"}, Low: 80, High: 95},
			{Terms: []string{"almost certain", "nearly certain"}, Low: 95, High: 99},
		},
	}
	phia = &Scale{
		ID: ScalePHIA, Name: "PHIA Probability Yardstick", Short: "UK Yardstick",
		Citation: "Professional Head of Intelligence Assessment (PHIA), “Explaining Uncertainty in UK Intelligence " +
			"Assessment”, GOV.UK guidance (24 March 2025), section “PHIA Probability Yardstick”",
		Note: "The bands are approximate and the gaps between them deliberate: a judgment should not rest " +
			"on the difference between, say, 35% and 40%.",
		Levels: []ScaleLevel{
			{Terms: []string{"remote chance"}, Low: 0, High: 5},
			{Terms: []string{"highly unlikely"}, Low: 10, High: 20},
			{Terms: []string{"unlikely"}, Low: 25, High: 35},
			{Terms: []string{"realistic possibility"}, Low: 40, High: 50},
			{Terms: []string{"likely", "probably"}, Low: 55, High: 75},
			{Terms: []string{"highly likely"}, Low: 80, High: 90},
			{Terms: []string{"almost certain"}, Low: 95, High: 100},
		},
	}
)

// ConfidenceMeaning says what a confidence level tells the reader, for
// "How to read this assessment".
func ConfidenceMeaning(c Confidence) string {
	switch c {
	case ConfidenceHigh:
		return "The judgment rests on high-quality information from several sources, or the nature of the issue makes a solid judgment possible; it can still be wrong."
	case ConfidenceModerate:
		return "The information is credibly sourced and plausible but not of enough quality or corroboration for higher confidence."
	case ConfidenceLow:
		return "The information is scant, questionable, fragmented or poorly corroborated, or its sources raise significant concerns."
	}
	return ""
}
