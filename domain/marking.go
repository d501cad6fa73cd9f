package domain

import "strings"

// Marking is a portion marking such as "U" or "S". Portions carry the short
// form in parentheses, "(U)"; the banner shows the long form of the highest.
type Marking string

// Portion markings from lowest to highest.
const (
	MarkingNone         Marking = ""
	MarkingUnclassified Marking = "U"
	MarkingCUI          Marking = "CUI"
	MarkingConfidential Marking = "C"
	MarkingSecret       Marking = "S"
	MarkingTopSecret    Marking = "TS"
)

var markingOrder = []struct {
	m      Marking
	banner string
}{
	{MarkingUnclassified, "UNCLASSIFIED"},
	{MarkingCUI, "CUI"},
	{MarkingConfidential, "CONFIDENTIAL"},
	{MarkingSecret, "SECRET"},
	{MarkingTopSecret, "TOP SECRET"},
}

// ParseMarking accepts the short form, the long form or the parenthesised
// portion form in any case ("s", "SECRET", "(S)"), or "".
func ParseMarking(s string) (Marking, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	if s == "" {
		return MarkingNone, nil
	}
	for _, o := range markingOrder {
		if s == string(o.m) || s == o.banner {
			return o.m, nil
		}
	}
	return "", Errorf(EINVALID, "%q is not a portion marking: use U, CUI, C, S or TS", s)
}

// Rank orders markings: 0 for none, then 1 (U) up to 5 (TS).
func (m Marking) Rank() int {
	for i, o := range markingOrder {
		if o.m == m {
			return i + 1
		}
	}
	return 0
}

// Portion is the marking as it starts a portion, e.g. "(S)"; "" for none.
func (m Marking) Portion() string {
	if m == MarkingNone {
		return ""
	}
	return "(" + string(m) + ")"
}

// Banner is the long form shown in page banners, e.g. "SECRET".
func (m Marking) Banner() string {
	if r := m.Rank(); r > 0 {
		return markingOrder[r-1].banner
	}
	return ""
}

// HighestMarking returns the highest of the given markings.
func HighestMarking(ms ...Marking) Marking {
	best := MarkingNone
	for _, m := range ms {
		if m.Rank() > best.Rank() {
			best = m
		}
	}
	return best
}
