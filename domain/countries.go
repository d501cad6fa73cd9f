package domain

import (
	"slices"

	"golang.org/x/text/language"
)

// Release lists name countries by their ISO 3166-1 three-letter codes
// (trigraphs), and groups of countries by four-letter codes (tetragraphs)
// whose members the marking rules expand. Anything else is refused: a
// word typed into a list ("USA and GBR") must never become a country
// (AND is Andorra's code) on a marking that decides who may read.

// tetragraphs are the groups Attaché knows, with their members.
var tetragraphs = map[string][]string{
	"FVEY": {"AUS", "CAN", "GBR", "NZL", "USA"},
	"ACGU": {"AUS", "CAN", "GBR", "USA"},
	"NATO": {"ALB", "BEL", "BGR", "CAN", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HRV", "HUN",
		"ISL", "ITA", "LTU", "LUX", "LVA", "MKD", "MNE", "NLD", "NOR", "POL", "PRT", "ROU", "SVK", "SVN", "SWE", "TUR", "USA"},
}

// Tetragraphs lists the group codes Attaché knows, sorted.
func Tetragraphs() []string {
	var out []string
	for k := range tetragraphs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// isTrigraph tells an ISO 3166-1 alpha-3 code of a country.
func isTrigraph(code string) bool {
	if len(code) != 3 {
		return false
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.ISO3() == code
}

// countryProblem says why code is no country or group code, with the
// code meant when that is plain ("UK": use GBR); "" for a good code.
func countryProblem(code string) string {
	if isTrigraph(code) || tetragraphs[code] != nil {
		return ""
	}
	msg := "“" + code + "” is not a country code"
	hint := ""
	switch {
	case code == "UK":
		hint = "GBR"
	case len(code) == 2:
		if r, err := language.ParseRegion(code); err == nil && r.IsCountry() && isTrigraph(r.ISO3()) {
			hint = r.ISO3()
		}
	}
	if hint != "" {
		return msg + ": use " + hint
	}
	return msg + ": use ISO 3166 three-letter codes (GBR, AUS, CAN) or " + joinOr(Tetragraphs())
}

// members are the countries a release list names, groups expanded.
func members(list []string) map[string]bool {
	out := map[string]bool{}
	for _, c := range list {
		if m, ok := tetragraphs[c]; ok {
			for _, x := range m {
				out[x] = true
			}
			continue
		}
		out[c] = true
	}
	return out
}

// countries reads a release list: codes separated by commas or single
// slashes (a space alone ends the list, so words after it are never read
// as codes), up to "//" or the end. Every code must be a country's or a
// known group's.
func countries(u string) ([]string, int, error) {
	var out []string
	i := 0
	for {
		j := skipSpaces(u, i)
		if len(out) > 0 {
			if j >= len(u) || !(u[j] == ',' || (u[j] == '/' && (j+1 >= len(u) || u[j+1] != '/'))) {
				return out, i, nil
			}
			j = skipSpaces(u, j+1)
		}
		k := j
		for k < len(u) && u[k] >= 'A' && u[k] <= 'Z' {
			k++
		}
		if k == j {
			return out, i, nil
		}
		code := u[j:k]
		if p := countryProblem(code); p != "" {
			return nil, 0, Errorf(EINVALID, "%s", p)
		}
		out = append(out, code)
		i = k
	}
}

func skipSpaces(u string, i int) int {
	for i < len(u) && u[i] == ' ' {
		i++
	}
	return i
}

// commonMembers lists the countries all lists
// share (each list's groups expanded), unordered.
func commonMembers(lists [][]string) []string {
	var common map[string]bool
	for _, l := range lists {
		m := members(l)
		if common == nil {
			common = m
			continue
		}
		for x := range common {
			if !m[x] {
				delete(common, x)
			}
		}
	}
	out := make([]string, 0, len(common))
	for x := range common {
		out = append(out, x)
	}
	return out
}

// missingMembers are the countries of want (groups expanded) that have
// lacks, sorted.
func missingMembers(want, have []string) []string {
	h := members(have)
	var out []string
	for x := range members(want) {
		if !h[x] {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}
