package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

func TestBasisRules(t *testing.T) {
	path := File(t.TempDir())
	if got := BasisRules(path); got != integrity.DefaultBasisRules() {
		t.Errorf("no file: %+v", got)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"basis_min_reliability": "c", "basis_min_credibility": "3", "basis_max_age_months": "0"}`)
	want := integrity.BasisRules{MinReliability: "C", MinCredibility: 3, MaxAgeMonths: 0}
	if got := BasisRules(path); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Each value it cannot read takes its default; the others stand.
	write(`{"basis_min_reliability": "Z", "basis_min_credibility": "9", "basis_max_age_months": "6"}`)
	want = integrity.BasisRules{MinReliability: domain.ReliabilityB, MinCredibility: 2, MaxAgeMonths: 6}
	if got := BasisRules(path); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	write(`{"basis_max_age_months": "-1"}`)
	if got := BasisRules(path); got != integrity.DefaultBasisRules() {
		t.Errorf("bad age: %+v", got)
	}
}

func TestParseBasisSettings(t *testing.T) {
	for _, c := range []struct {
		parse func(string) (string, error)
		typed string
		want  string
		err   string
	}{
		{ParseBasisMinReliability, " a ", "A", ""},
		{ParseBasisMinReliability, "G", "", "not a reliability grade"},
		{ParseBasisMinCredibility, "2", "2", ""},
		{ParseBasisMinCredibility, "7", "", "use 1 (confirmed by other sources) to 6"},
		{ParseBasisMinCredibility, "two", "", "not a credibility grade"},
		{ParseBasisMaxAgeMonths, " 24 ", "24", ""},
		{ParseBasisMaxAgeMonths, "0", "0", ""},
		{ParseBasisMaxAgeMonths, "241", "", "from 0 (no check) to 240"},
		{ParseBasisMaxAgeMonths, "1.5", "", "whole months"},
	} {
		got, err := c.parse(c.typed)
		if c.err == "" && (err != nil || got != c.want) {
			t.Errorf("%q: got %q, %v", c.typed, got, err)
		}
		if c.err != "" && (err == nil || !strings.Contains(domain.ErrorMessage(err), c.err)) {
			t.Errorf("%q: got %q, %v, want %q", c.typed, got, err, c.err)
		}
	}
}
