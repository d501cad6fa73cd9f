package domain

import "strings"

// Reliability is the Admiralty (NATO) source-reliability grade, A to F.
// The empty grade means the analyst has not graded the source yet.
type Reliability string

// Admiralty source-reliability grades.
const (
	ReliabilityUngraded Reliability = ""
	ReliabilityA        Reliability = "A"
	ReliabilityB        Reliability = "B"
	ReliabilityC        Reliability = "C"
	ReliabilityD        Reliability = "D"
	ReliabilityE        Reliability = "E"
	ReliabilityF        Reliability = "F"
)

const reliabilityLetters = "ABCDEF"

var reliabilityNames = map[Reliability]string{
	ReliabilityA: "Completely reliable",
	ReliabilityB: "Usually reliable",
	ReliabilityC: "Fairly reliable",
	ReliabilityD: "Not usually reliable",
	ReliabilityE: "Unreliable",
	ReliabilityF: "Reliability cannot be judged",
}

// ParseReliability accepts a grade letter in either case, or "".
func ParseReliability(s string) (Reliability, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return ReliabilityUngraded, nil
	}
	if len(s) != 1 || !strings.Contains(reliabilityLetters, s) {
		return "", Errorf(EINVALID, "%q is not a reliability grade: use a letter from A (completely reliable) to F (cannot be judged)", s)
	}
	return Reliability(s), nil
}

// Description is the grade's standard wording, e.g. "Usually reliable".
func (r Reliability) Description() string { return reliabilityNames[r] }

// Credibility is the Admiralty information-credibility grade, 1 to 6; 0 means
// not graded.
type Credibility int

var credibilityNames = [...]string{
	"", "Confirmed by other sources", "Probably true", "Possibly true",
	"Doubtful", "Improbable", "Truth cannot be judged",
}

// Valid reports whether c is 0 (ungraded) or a grade from 1 to 6.
func (c Credibility) Valid() bool { return c >= 0 && c <= 6 }

// Description is the grade's standard wording, e.g. "Probably true".
func (c Credibility) Description() string {
	if !c.Valid() {
		return ""
	}
	return credibilityNames[c]
}

// CheckCredibility returns a user-facing error for an out-of-range grade.
func CheckCredibility(c Credibility) error {
	if !c.Valid() {
		return Errorf(EINVALID, "credibility %d is out of range: use 1 (confirmed) to 6 (cannot be judged), or 0 for ungraded", int(c))
	}
	return nil
}

// Confidence is the analyst's confidence in a key judgment.
type Confidence string

// Confidence levels for key judgments, in the wording of analytic standards.
const (
	ConfidenceNone     Confidence = ""
	ConfidenceLow      Confidence = "low"
	ConfidenceModerate Confidence = "moderate"
	ConfidenceHigh     Confidence = "high"
)

// ParseConfidence accepts low, moderate (or medium) and high in any case.
func ParseConfidence(s string) (Confidence, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return ConfidenceNone, nil
	case "low":
		return ConfidenceLow, nil
	case "moderate", "medium":
		return ConfidenceModerate, nil
	case "high":
		return ConfidenceHigh, nil
	}
	return "", Errorf(EINVALID, "%q is not a confidence level: use low, moderate or high", s)
}
