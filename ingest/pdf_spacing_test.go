package ingest

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// Word gaps are read against the run's own letter spacing: a heading and a
// line set with wide tracking keep their words whole, and the ordinary
// text after them keeps its spaces.
func TestPDFTrackedTextKeepsItsWords(t *testing.T) {
	data, err := os.ReadFile("testdata/pdf/pdflatex-tracked.pdf")
	if err != nil {
		t.Fatal(err)
	}
	src, _, err := Import("pdflatex-tracked.pdf", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"EXECUTIVE SUMMARY", "Cable repair fleets are scarce and ageing.",
		"Ordinary text follows the heading, set without tracking, as the 2011 review said."} {
		if !strings.Contains(src.Text, w) {
			t.Errorf("%q is not in the text %q", w, src.Text)
		}
	}
	checkWords(t, data, src, map[string]int{"EXECUTIVE": 0, "fleets": 0, "tracking": 0}, true)
}
