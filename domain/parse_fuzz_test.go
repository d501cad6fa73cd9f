package domain

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileFields are what a metadata form or a hand-edited file can hold.
var hostileFields = []string{
	"", " ", "\x00", "a\x00", "\xff", "\xc3", "\xed\xa0\x80", "\u202e", "\u202eA", "A\u202e", "\u200fB", "\ufeffC",
	strings.Repeat("9", 10_000), strings.Repeat("A", 10_000), "\u00a0s\u00a0", "\tS\n", "(S)", "((S))", "( s )", "SECRET",
	"top secret", "TOP  SECRET", "Ｓ", "ſ", "ı", "İ", "K", "\u212a", "medium", "MEDIUM ", "in  review", "In-Review", "web",
	"WEB\x00", "Ａ", "a", "f", "g", "AB", "low\u200b",
}

// FuzzParseISODate holds the YYYY-MM-DD parser behind every date field of
// the forms, the CLI and briefing files to its contract: an accepted date
// is a real day that prints back as exactly what was typed, survives JSON,
// and anything else is refused with a message for the analyst.
func FuzzParseISODate(f *testing.F) {
	for _, s := range []string{
		"2024-05-11", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
		"2024-1-5", "24-05-11", "+2024-05-11", "-001-01-01", "2024-05-11T00:00:00Z", " 2024-05-11", "2024-05-11\n",
		"2024/05/11", "11 May 2024", "２０２４-０５-１１", "2024-05-1\x00", "2024-05-11\u202e", "\xff\xfe", "null", `"2024-05-11"`,
		strings.Repeat("2024-05-11", 1000),
	} {
		f.Add(s)
	}
	for _, s := range hostileFields {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() || ErrorCode(err) != EINVALID || !utf8.ValidString(ErrorMessage(err)) {
				t.Fatalf("ParseDate(%q) = %v, %v (%s)", s, d, err, ErrorCode(err))
			}
		} else {
			if s == "" {
				if !d.IsZero() {
					t.Fatalf("ParseDate(\"\") = %v", d)
				}
				return
			}
			if d.String() != s || d.Time().Format("2006-01-02") != s || d.Time().Day() != d.Day || d.Long() == "" {
				t.Fatalf("ParseDate(%q) = %+v, which prints as %q (time %v)", s, d, d.String(), d.Time())
			}
		}
		// The same text as a JSON value: a string goes through ParseDate,
		// anything else is refused, and what is read writes back the same.
		for _, raw := range [][]byte{[]byte(s), mustJSON(t, s)} {
			var got Date
			err := got.UnmarshalJSON(raw)
			if err != nil {
				if ErrorCode(err) != EINVALID {
					t.Fatalf("UnmarshalJSON(%q): %v (%s)", raw, err, ErrorCode(err))
				}
				continue
			}
			out, err := got.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON(%+v): %v", got, err)
			}
			var back Date
			if err := back.UnmarshalJSON(out); err != nil || back != got {
				t.Fatalf("date %q read as %+v, written as %s, read back as %+v (%v)", raw, got, out, back, err)
			}
		}
	})
}

func mustJSON(t *testing.T, s string) []byte {
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzParseGrades holds the parsers for what analysts type into grade,
// status, kind, marking and tag fields to their contract: what is accepted
// is the canonical value, which parses back to itself; what is refused is
// an EINVALID error with a readable message; tags come out normalised.
func FuzzParseGrades(f *testing.F) {
	for _, s := range hostileFields {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		refused := func(what string, err error) {
			t.Helper()
			if ErrorCode(err) != EINVALID || strings.TrimSpace(ErrorMessage(err)) == "" || !utf8.ValidString(ErrorMessage(err)) {
				t.Fatalf("%s(%q): error %v (%s)", what, s, err, ErrorCode(err))
			}
		}
		if r, err := ParseReliability(s); err != nil {
			refused("ParseReliability", err)
		} else if r2, err := ParseReliability(string(r)); err != nil || r2 != r || (r != "" && r.Description() == "") {
			t.Fatalf("ParseReliability(%q) = %q, which parses as %q, %v", s, r, r2, err)
		}
		if c, err := ParseConfidence(s); err != nil {
			refused("ParseConfidence", err)
		} else if c2, err := ParseConfidence(string(c)); err != nil || c2 != c ||
			!slices.Contains([]Confidence{ConfidenceNone, ConfidenceLow, ConfidenceModerate, ConfidenceHigh}, c) {
			t.Fatalf("ParseConfidence(%q) = %q, which parses as %q, %v", s, c, c2, err)
		}
		if st, err := ParseStatus(s); err != nil {
			refused("ParseStatus", err)
		} else if st2, err := ParseStatus(string(st)); err != nil || st2 != st || st.Label() == "" ||
			!slices.Contains([]Status{StatusDraft, StatusReview, StatusFinal}, st) {
			t.Fatalf("ParseStatus(%q) = %q, which parses as %q, %v", s, st, st2, err)
		}
		if k, err := ParseSourceKind(s); err != nil {
			refused("ParseSourceKind", err)
		} else if k2, err := ParseSourceKind(string(k)); err != nil || k2 != k ||
			!slices.Contains([]SourceKind{KindArticle, KindWebPage, KindReport, KindDocument, KindNote}, k) {
			t.Fatalf("ParseSourceKind(%q) = %q, which parses as %q, %v", s, k, k2, err)
		}
		for _, sch := range Schemes() {
			checkMarkingForms(t, sch, s, refused)
		}
		if c := Credibility(len(s) - 3); c.Valid() != (CheckCredibility(c) == nil) || c.Valid() != (c.Description() != "" || c == 0) {
			t.Fatalf("credibility %d: valid %v, check %v, description %q", c, c.Valid(), CheckCredibility(c), c.Description())
		}
		// Tags: the field split at commas, as the forms do.
		tags := NormalizeTags(strings.Split(s, ","))
		if again := NormalizeTags(tags); !slices.Equal(again, tags) || !slices.IsSorted(tags) {
			t.Fatalf("NormalizeTags(%q) = %q, again %q", s, tags, again)
		}
		for i, tag := range tags {
			if tag == "" || tag != strings.Join(strings.Fields(tag), " ") || tag != strings.ToLower(tag) || (i > 0 && tags[i-1] == tag) {
				t.Fatalf("NormalizeTags(%q) = %q: tag %q", s, tags, tag)
			}
		}
	})
}

// checkMarkingForms: whatever a scheme accepts, its stored, portion and
// banner forms read back as the same marking, of the same rank.
func checkMarkingForms(t *testing.T, sch *Scheme, s string, refused func(string, error)) {
	k, err := sch.Parse(s)
	if err != nil {
		refused("Parse", err)
		return
	}
	m := k.Marking()
	for _, form := range []string{string(m), k.Portion(), k.Banner()} {
		k2, err := sch.Parse(form)
		if err != nil || k2.Marking() != m || k2.Rank() != k.Rank() {
			t.Fatalf("%s: Parse(%q) = %q, whose form %q parses as %q, %v", sch.ID, s, m, form, k2.Marking(), err)
		}
	}
	if r, err := m.Read(); err != nil || r.Marking() != m || (m == "") != (k.Rank() == 0) {
		t.Fatalf("%s: Parse(%q) = %q, read back as %q, %v", sch.ID, s, m, r.Marking(), err)
	}
}
