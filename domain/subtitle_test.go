package domain

import "testing"

func TestSubtitleIsAuthor(t *testing.T) {
	for _, tc := range []struct {
		sub     string
		authors []string
		want    bool
	}{
		{"Li Wei", []string{"Li Wei"}, true},
		{"By  li wei", []string{"Li Wei"}, true},
		{"Ana Ruiz and Ben Cole", []string{"Ana Ruiz", "Ben Cole"}, true},
		{"Ana Ruiz, Ben Cole and Kim Lee", []string{"Ana Ruiz", "Ben Cole", "Kim Lee"}, true},
		{"Beijing's toolkit for retaliation", []string{"Li Wei"}, false},
		{"", []string{"Li Wei"}, false},
		{"Li Wei", nil, false},
	} {
		if got := SubtitleIsAuthor(tc.sub, tc.authors); got != tc.want {
			t.Errorf("%q by %v: %v", tc.sub, tc.authors, got)
		}
	}
}
