package settings

import (
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// Keys of the thresholds the basis checks hold key judgments to (see
// integrity.BasisRules), as the app's Settings dialog writes them: a
// reliability letter A–F, a credibility digit 1–6, and whole months
// ("0" turns the age check off).
const (
	BasisMinReliability = "basis_min_reliability"
	BasisMinCredibility = "basis_min_credibility"
	BasisMaxAgeMonths   = "basis_max_age_months"
)

// MaxBasisAgeMonths bounds the age setting: evidence older than twenty
// years is old for any judgment.
const MaxBasisAgeMonths = 240

// BasisRules reads the thresholds from the settings file at path: each
// key missing or unreadable takes its default (integrity.DefaultBasisRules).
// Now is left zero: the checks take the briefing's date.
func BasisRules(path string) integrity.BasisRules {
	return BasisRulesOf(Strings(path))
}

// BasisRulesOf reads the thresholds from settings values already read
// (the app's preferences, or Strings).
func BasisRulesOf(values map[string]string) integrity.BasisRules {
	r := integrity.DefaultBasisRules()
	if v, err := ParseBasisMinReliability(values[BasisMinReliability]); err == nil && v != "" {
		r.MinReliability = domain.Reliability(v)
	}
	if v, err := ParseBasisMinCredibility(values[BasisMinCredibility]); err == nil && v != "" {
		n, _ := strconv.Atoi(v)
		r.MinCredibility = domain.Credibility(n)
	}
	if v, err := ParseBasisMaxAgeMonths(values[BasisMaxAgeMonths]); err == nil && v != "" {
		r.MaxAgeMonths, _ = strconv.Atoi(v)
	}
	return r
}

// ParseBasisMinReliability reads what the analyst chose for the lowest
// reliability that counts as well graded: a letter A–F in either case;
// "" for the default.
func ParseBasisMinReliability(typed string) (string, error) {
	r, err := domain.ParseReliability(typed)
	if err != nil {
		return "", err
	}
	return string(r), nil
}

// ParseBasisMinCredibility reads the lowest credibility that counts as
// well graded: 1 to 6; "" for the default.
func ParseBasisMinCredibility(typed string) (string, error) {
	t := strings.TrimSpace(typed)
	if t == "" {
		return "", nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 1 || n > 6 {
		return "", domain.Errorf(domain.EINVALID, "%q is not a credibility grade: use 1 (confirmed by other sources) to 6 (truth cannot be judged)", t)
	}
	return strconv.Itoa(n), nil
}

// ParseBasisMaxAgeMonths reads how old, in whole months, evidence may be
// for a judgment about the present: 0 (no check) to MaxBasisAgeMonths;
// "" for the default.
func ParseBasisMaxAgeMonths(typed string) (string, error) {
	t := strings.TrimSpace(typed)
	if t == "" {
		return "", nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > MaxBasisAgeMonths {
		return "", domain.Errorf(domain.EINVALID, "the age of evidence is %q: give whole months from 0 (no check) to %d", t, MaxBasisAgeMonths)
	}
	return strconv.Itoa(n), nil
}
