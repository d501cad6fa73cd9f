package ingest

import "testing"

func TestParseHumanDate(t *testing.T) {
	tests := map[string]string{
		"11 May 2024":                 "2024-05-11",
		"11th May 2024":               "2024-05-11",
		"11 May, 2024":                "2024-05-11",
		"May 11, 2024":                "2024-05-11",
		"May 11 2024":                 "2024-05-11",
		"may 11th, 2024":              "2024-05-11",
		"2024-05-11":                  "2024-05-11",
		"2024/5/11":                   "2024-05-11",
		"2024-05-11T23:30:00-04:00":   "2024-05-11", // the day as printed, not UTC
		"2024-05-11T08:00:00.000Z":    "2024-05-11",
		"2024-05-11 10:00":            "2024-05-11",
		"Saturday, 11 May 2024":       "2024-05-11",
		"Sat 11 May 2024":             "2024-05-11",
		"Thursday, May 9, 2024":       "2024-05-09",
		"11 Jan 2024":                 "2024-01-11",
		"Sept. 3, 2024":               "2024-09-03",
		"3 Sept 2024":                 "2024-09-03",
		"Dec. 31, 1999":               "1999-12-31",
		"29 February 2024":            "2024-02-29",
		"11\u00a0May\u00a02024":       "2024-05-11",
		"May 11, 2024, 10:30 AM AEST": "2024-05-11",
		"11 May 2024 at 3:05 pm":      "2024-05-11",
		"11 May 2024 14:00 (UTC+10)":  "2024-05-11",
		"11 May 2024.":                "2024-05-11",
		"":                            "",
		"29 February 2023":            "", // no such day
		"31 June 2024":                "",
		"05/11/2024":                  "", // US or European? refuse to guess
		"11.05.2024":                  "",
		"2024-13-01":                  "",
		"11 Mayo 2024":                "",
		"May 2024":                    "",
		"In May 2024 the council met": "",
		"11 May 2024 was a Saturday":  "",
		"0 May 2024":                  "",
		"11 May 99999":                "",
	}
	for in, want := range tests {
		d, ok := ParseHumanDate(in)
		if got := d.String(); got != want || ok != (want != "") {
			t.Errorf("ParseHumanDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct{ line, pub, upd string }{
		{"Published 11 May 2024", "2024-05-11", ""},
		{"Published: May 11, 2024", "2024-05-11", ""},
		{"Published on Saturday, 11 May 2024", "2024-05-11", ""},
		{"First published 11 May 2024", "2024-05-11", ""},
		{"Posted on Sept. 3, 2024", "2024-09-03", ""},
		{"Updated 2 June 2024", "", "2024-06-02"},
		{"Last updated: 2 June 2024", "", "2024-06-02"},
		{"Published 11 May 2024 | Updated 2 June 2024", "2024-05-11", "2024-06-02"},
		{"Updated 2 June 2024 · Published 11 May 2024", "2024-05-11", "2024-06-02"},
		{"11 May 2024 • 5 min read", "2024-05-11", ""},
		{"Date: 2024-05-11", "2024-05-11", ""},
		{"Published", "", ""},
		{"Published by the Lowy Institute", "", ""},
		{"Updated guidance on export licences", "", ""},
		{"By 11 May 2024 the rules apply", "", ""},
	}
	for _, tt := range tests {
		p, u, ok := parseDateLine(tt.line)
		if p.date.String() != tt.pub || u.date.String() != tt.upd || ok != (tt.pub+tt.upd != "") {
			t.Errorf("parseDateLine(%q) = %s, %s, %v; want %q, %q", tt.line, p.date, u.date, ok, tt.pub, tt.upd)
		}
	}
}
