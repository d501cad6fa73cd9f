package domain

import (
	"strings"
	"testing"
)

func TestSchemesParseTheirOwnForms(t *testing.T) {
	cases := []struct {
		scheme         SchemeID
		in             string
		stored, banner string
		portion        string
	}{
		{SchemeUS, "secret//noforn", "S//NOFORN", "SECRET//NOFORN", "(S//NF)"},
		{SchemeUS, "(TS//REL TO GBR, USA, FVEY, AUS)", "TS//REL TO USA, AUS, GBR, FVEY", "TOP SECRET//REL TO USA, AUS, GBR, FVEY", "(TS//REL TO USA, AUS, GBR, FVEY)"},
		{SchemeUS, "cui", "CUI", "CUI", "(CUI)"},
		{SchemeUK, "official-sensitive", "uk:OS", "OFFICIAL-SENSITIVE", "(OFFICIAL-SENSITIVE)"},
		{SchemeUK, "SECRET UK EYES ONLY", "uk:S//UK EYES ONLY", "SECRET - UK EYES ONLY", "(SECRET - UK EYES ONLY)"},
		{SchemeAU, "official: sensitive", "au:OS", "OFFICIAL: Sensitive", "(OFFICIAL: Sensitive)"},
		{SchemeAU, "protected//rel usa/aus/gbr", "au:P//REL AUS, GBR, USA", "PROTECTED//REL AUS/GBR/USA", "(PROTECTED//REL AUS/GBR/USA)"},
		{SchemeNATO, "cosmic top secret", "nato:CTS", "COSMIC TOP SECRET", "(CTS)"},
		{SchemeEU, "TRES SECRET UE", "eu:TS-UE", "TRÈS SECRET UE/EU TOP SECRET", "(TS-UE/EU-TS)"},
		{SchemeTLP, "tlp:amber+strict", "tlp:AMBER+STRICT", "TLP:AMBER+STRICT", "(TLP:AMBER+STRICT)"},
		{SchemeTLP, "TLP:AMBER", "tlp:AMBER", "TLP:AMBER", "(TLP:AMBER)"},
	}
	for _, c := range cases {
		k, err := SchemeOf(c.scheme).Parse(c.in)
		if err != nil {
			t.Errorf("%s %q: %v", c.scheme, c.in, err)
			continue
		}
		if string(k.Marking()) != c.stored || k.Banner() != c.banner || k.Portion() != c.portion {
			t.Errorf("%s %q = %q %q %q, want %q %q %q", c.scheme, c.in, k.Marking(), k.Banner(), k.Portion(), c.stored, c.banner, c.portion)
		}
		if back, err := k.Marking().Read(); err != nil || back.Scheme.ID != c.scheme || back.Marking() != k.Marking() {
			t.Errorf("%q read back as %v, %v", k.Marking(), back.Marking(), err)
		}
	}
}

func TestMarkingsOfOtherSchemesAreRefusedByName(t *testing.T) {
	for _, c := range []struct {
		scheme SchemeID
		in     string
		want   string
	}{
		{SchemeUS, "OFFICIAL", `"OFFICIAL" is not a US marking (it is a UK or Australian one): use UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET or TOP SECRET, with NOFORN or REL TO …`},
		{SchemeUK, "U", `"U" is not a UK marking (it is a US one)`},
		{SchemeNone, "SECRET", "this briefing uses no markings"},
		{SchemeUK, "OFFICIAL UK EYES ONLY", "UK EYES ONLY goes only with SECRET or above"},
		{SchemeUS, "S//NOFORN//REL TO USA, GBR", "NOFORN and REL TO cannot be used together"},
		{SchemeUS, "S//REL TO GBR", "REL TO needs USA"},
		{SchemeUS, "S//ORCON", `"ORCON" is not a US caveat: use NOFORN or REL TO`},
		{SchemeTLP, "TLP:AMBER//NOFORN", "TLP markings take no caveats"},
	} {
		_, err := SchemeOf(c.scheme).Parse(c.in)
		if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), c.want) {
			t.Errorf("%s %q: %v, want %q", c.scheme, c.in, err, c.want)
		}
	}
	if _, err := SchemeOf(SchemeUS).Admit("uk:S"); err == nil || !strings.Contains(err.Error(), "SECRET is a UK marking, and this briefing uses US markings") {
		t.Errorf("Admit: %v", err)
	}
}

func TestCoversAndRollup(t *testing.T) {
	us := SchemeOf(SchemeUS)
	mk := func(s *Scheme, text string) Mark {
		k, err := s.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	for _, c := range []struct {
		overall, portion string
		why              string
	}{
		{"SECRET", "(C)", ""},
		{"CONFIDENTIAL", "(S)", "is SECRET, above the CONFIDENTIAL chosen"},
		{"SECRET", "(S//NF)", "carries NOFORN, which the briefing's marking SECRET lacks"},
		{"S//REL TO USA, GBR", "(S//REL TO USA, GBR, AUS)", ""},
		{"S//REL TO USA, GBR, AUS", "(C//REL TO USA, GBR)", "is not releasable to AUS"},
		{"S//REL TO USA, GBR", "(C)", "with no REL TO, so it may not go out under SECRET//REL TO USA, GBR"},
		{"S//REL TO USA, GBR", "(U)", ""},
	} {
		ok, why := us.Covers(mk(us, c.overall), mk(us, c.portion))
		if ok != (c.why == "") || !strings.Contains(why, c.why) {
			t.Errorf("%s over %s: %v %q, want %q", c.overall, c.portion, ok, why, c.why)
		}
	}
	if ok, why := us.Covers(mk(us, "S"), mk(SchemeOf(SchemeUK), "OFFICIAL")); ok || !strings.Contains(why, "under the UK scheme") {
		t.Errorf("foreign portion: %v %q", ok, why)
	}
	for _, c := range []struct {
		portions []string
		want     string
	}{
		{[]string{"U", "C", "S//NF"}, "SECRET//NOFORN"},
		{[]string{"U", "S//REL TO USA, GBR, AUS", "C//REL TO USA, GBR"}, "SECRET//REL TO USA, GBR"},
		{[]string{"S//REL TO USA, GBR", "C"}, "SECRET//NOFORN"},
		{[]string{"U", "CUI"}, "CUI"},
		{nil, ""},
	} {
		var ps []Mark
		for _, p := range c.portions {
			ps = append(ps, mk(us, p))
		}
		if got := us.Rollup(ps...).Banner(); got != c.want {
			t.Errorf("Rollup(%v) = %q, want %q", c.portions, got, c.want)
		}
	}
}

func TestLookupScheme(t *testing.T) {
	for in, want := range map[string]SchemeID{"UK": SchemeUK, "tlp": SchemeTLP, "": SchemeNone, "Australian": SchemeAU} {
		if s, err := LookupScheme(in); err != nil || s.ID != want {
			t.Errorf("LookupScheme(%q) = %v, %v", in, s, err)
		}
	}
	if _, err := LookupScheme("fr"); err == nil || !strings.Contains(err.Error(), "none, us, uk, au, nato, eu, tlp") {
		t.Errorf("unknown scheme: %v", err)
	}
}

func TestTLPLabelsTheWholeBriefing(t *testing.T) {
	b := &Briefing{Title: "T", Scheme: SchemeTLP, Classification: "tlp:AMBER"}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	b.Blocks = []*Block{{Type: BlockCommentary, Text: "x", Marking: "tlp:RED"}}
	if err := b.Validate(); err == nil || !strings.Contains(err.Error(), "TLP labels the whole briefing") {
		t.Fatalf("a TLP block mark: %v", err)
	}
	b.Blocks = nil
	b.TitleMarking = "tlp:RED"
	if err := b.Validate(); err == nil {
		t.Fatal("a TLP title mark was accepted")
	}
}

func TestReleaseListsTakeOnlyCountryAndGroupCodes(t *testing.T) {
	us, au := SchemeOf(SchemeUS), SchemeOf(SchemeAU)
	for _, c := range []struct {
		s    *Scheme
		in   string
		want string
	}{
		{us, "SECRET//REL TO USA, XYZ", "“XYZ” is not a country code: use ISO 3166 three-letter codes (GBR, AUS, CAN) or ACGU, FVEY or NATO"},
		{us, "SECRET//REL TO USA and GBR", `separate the countries of REL TO with ",", as in REL TO USA, GBR`},
		{us, "SECRET//REL TO USA, FIVE EYES", "“FIVE” is not a country code"},
		{us, "SECRET//REL TO USA, UK", "“UK” is not a country code: use GBR"},
		{us, "SECRET//REL TO USA, DE", "“DE” is not a country code: use DEU"},
		{au, "SECRET//REL AUS/XYZ", "“XYZ” is not a country code"},
		{au, "OFFICIAL-SENSITIVE", `"OFFICIAL-SENSITIVE" is not an Australian marking (it is a UK one)`},
	} {
		_, err := c.s.Parse(c.in)
		if err == nil || !strings.Contains(ErrorMessage(err), c.want) {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
	k, err := us.Parse("S//REL TO USA,FVEY")
	if err != nil || k.Banner() != "SECRET//REL TO USA, FVEY" {
		t.Fatalf("FVEY: %q, %v", k.Banner(), err)
	}
	over, _ := us.Parse("S//REL TO USA, GBR, NZL")
	if ok, why := us.Covers(over, k); !ok {
		t.Errorf("FVEY holds GBR and NZL, yet: %s", why)
	}
	over, _ = us.Parse("S//REL TO USA, DEU, FRA")
	if ok, why := us.Covers(over, k); ok || !strings.Contains(why, "not releasable to DEU and FRA") {
		t.Errorf("FVEY does not hold DEU or FRA: %v %q", ok, why)
	}
	other, _ := us.Parse("S//REL TO USA, GBR, NZL, JPN")
	if got := us.Rollup(k, other).Banner(); got != "SECRET//REL TO USA, GBR, NZL" {
		t.Errorf("rollup with FVEY = %q", got)
	}
}

func TestUSClassifiedDocumentsArePortionMarked(t *testing.T) {
	for in, want := range map[string]bool{"C": true, "TS//NOFORN": true, "CUI": false, "U": false} {
		k, _ := SchemeOf(SchemeUS).Parse(in)
		if k.NeedsPortions() != want {
			t.Errorf("%s: NeedsPortions = %v", in, !want)
		}
	}
	if k, _ := SchemeOf(SchemeUK).Parse("SECRET"); k.NeedsPortions() {
		t.Error("the UK guide asks for no portion marks")
	}
}

func TestCoversGivesEveryReasonAtOnce(t *testing.T) {
	uk := SchemeOf(SchemeUK)
	over, _ := uk.Parse("OFFICIAL-SENSITIVE")
	p, _ := uk.Parse("SECRET - UK EYES ONLY")
	ok, why := uk.Covers(over, p)
	want := "is SECRET - UK EYES ONLY, above the OFFICIAL-SENSITIVE chosen for the briefing, and carries UK EYES ONLY, which the briefing's marking OFFICIAL-SENSITIVE lacks"
	if ok || why != want {
		t.Errorf("got %v %q\nwant %q", ok, why, want)
	}
}
