package domain

import "testing"

func TestUSMarkingForms(t *testing.T) {
	if MarkingTopSecret.Banner() != "TOP SECRET" || MarkingSecret.Portion() != "(S)" {
		t.Fatal("banner or portion form wrong")
	}
}

func TestParsers(t *testing.T) {
	for in, want := range map[string]Marking{"(s)": MarkingSecret, "secret": MarkingSecret, "": MarkingNone, "cui": MarkingCUI} {
		if got, err := ParseMarking(SchemeOf(SchemeUS), in); err != nil || got != want {
			t.Errorf("ParseMarking(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseMarking(SchemeOf(SchemeUS), "XX"); ErrorCode(err) != EINVALID {
		t.Error("bad marking accepted")
	}
	if r, err := ParseReliability(" b "); err != nil || r != ReliabilityB || r.Description() != "Usually reliable" {
		t.Errorf("ParseReliability = %q, %v", r, err)
	}
	for _, bad := range []string{"G", "AB", "1"} {
		if _, err := ParseReliability(bad); ErrorCode(err) != EINVALID {
			t.Errorf("reliability %q accepted", bad)
		}
	}
	if c, err := ParseConfidence("Medium"); err != nil || c != ConfidenceModerate {
		t.Errorf("ParseConfidence = %q, %v", c, err)
	}
	if s, err := ParseStatus("In Review"); err != nil || s != StatusReview || s.Label() != "In review" {
		t.Errorf("ParseStatus = %q, %v", s, err)
	}
	if CheckCredibility(7) == nil || CheckCredibility(2) != nil || Credibility(2).Description() != "Probably true" {
		t.Error("credibility checks wrong")
	}
}

func TestDateJSON(t *testing.T) {
	d, err := ParseDate("2024-05-11")
	if err != nil || d.Long() != "11 May 2024" {
		t.Fatalf("%v %v", d, err)
	}
	b, _ := d.MarshalJSON()
	var back Date
	if err := back.UnmarshalJSON(b); err != nil || back != d {
		t.Fatalf("round trip: %v %v", back, err)
	}
	if err := back.UnmarshalJSON([]byte(`"11/05/2024"`)); ErrorCode(err) != EINVALID {
		t.Fatalf("bad date accepted: %v", err)
	}
	if err := back.UnmarshalJSON([]byte(`12`)); ErrorCode(err) != EINVALID {
		t.Fatalf("number accepted: %v", err)
	}
}

func TestNormalizeTags(t *testing.T) {
	got := NormalizeTags([]string{" AI ", "ai", "export  controls", "", "5G"})
	want := []string{"5g", "ai", "export controls"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v", got)
		}
	}
}

func TestPageAtAndRange(t *testing.T) {
	s := &Source{Pages: []int{100, 250}}
	for off, want := range map[int]int{0: 1, 99: 1, 100: 2, 249: 2, 250: 3, 999: 3} {
		if got := s.PageAt(off); got != want {
			t.Errorf("PageAt(%d) = %d, want %d", off, got, want)
		}
	}
	if a, b := s.PageRange(90, 100); a != 1 || b != 1 {
		t.Errorf("PageRange(90, 100) = %d, %d", a, b)
	}
	if a, b := s.PageRange(90, 260); a != 1 || b != 3 {
		t.Errorf("PageRange(90, 260) = %d, %d", a, b)
	}
	if a, b := (&Source{}).PageRange(0, 5); a != 0 || b != 0 {
		t.Error("a source without pages has pages")
	}
}
