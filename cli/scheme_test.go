package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

type schemeOut struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Guide         string `json:"guide"`
	Align         string `json:"align"`
	Authority     bool   `json:"authority"`
	WholeDocument bool   `json:"whole_document"`
	Levels        []struct {
		Code       string `json:"code"`
		Marking    string `json:"marking"`
		Banner     string `json:"banner"`
		Portion    string `json:"portion"`
		Colour     string `json:"colour"`
		Fill       string `json:"fill"`
		Definition string `json:"definition"`
		Classified bool   `json:"classified"`
	} `json:"levels"`
	Caveats []struct {
		Code     string `json:"code"`
		Banner   string `json:"banner"`
		MinLevel string `json:"min_level"`
		Release  bool   `json:"release"`
	} `json:"caveats"`
}

func TestSchemesLists(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	out := mustRun(t, db, "schemes")
	wantContains(t, out, "uk — UK Government Security Classifications", "Guide: Cabinet Office",
		"OFFICIAL-SENSITIVE", "(OFFICIAL-SENSITIVE)", "Caveat UK EYES ONLY: for UK nationals only (from SECRET up)",
		"TLP:AMBER+STRICT", "#FFC000 on #000000", "Restricts sharing to the organization only.",
		"Labels the whole briefing", "OFFICIAL: Sensitive", "COSMIC TOP SECRET", "RESTREINT UE/EU RESTRICTED",
		"Caveat REL TO USA, …")
	if _, err := os.Stat(db); err == nil {
		t.Error("listing the schemes made a library")
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("trailing spaces: %q", line)
		}
	}

	var list []schemeOut
	runJSON(t, db, &list, "schemes")
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	if !slices.Equal(ids, []string{"none", "us", "uk", "au", "nato", "eu", "tlp"}) {
		t.Fatalf("schemes %v", ids)
	}
	if list[0].Levels == nil || len(list[0].Levels) != 0 || list[0].Caveats == nil {
		t.Errorf("none: levels %v caveats %v, want [] and []", list[0].Levels, list[0].Caveats)
	}
	uk := list[2]
	var banners []string
	for _, l := range uk.Levels {
		banners = append(banners, l.Banner)
	}
	if !slices.Equal(banners, []string{"OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"}) ||
		uk.Levels[1].Marking != "uk:OS" || uk.Levels[1].Portion != "(OFFICIAL-SENSITIVE)" || uk.Levels[0].Colour != "#000000" ||
		len(uk.Caveats) != 1 || uk.Caveats[0].Banner != "UK EYES ONLY" || uk.Caveats[0].MinLevel != "SECRET" || !strings.Contains(uk.Guide, "Cabinet Office") {
		t.Errorf("uk: %+v", uk)
	}
	us := list[1]
	if !us.Authority || us.Levels[3].Marking != "S" || us.Levels[3].Portion != "(S)" || !us.Levels[3].Classified || us.Levels[0].Classified ||
		!us.Caveats[1].Release || us.Caveats[1].MinLevel != "CUI" {
		t.Errorf("us: %+v", us)
	}
	tlp := list[6]
	if tlp.Align != "right" || !tlp.WholeDocument || tlp.Levels[1].Banner != "TLP:GREEN" || tlp.Levels[1].Colour != "#33FF00" ||
		tlp.Levels[1].Fill != "#000000" || !strings.HasPrefix(tlp.Levels[1].Definition, "Limited disclosure, recipients can spread this within their community") {
		t.Errorf("tlp: %+v", tlp)
	}
}

// The reproduction: a UK briefing marked OFFICIAL keeps
// OFFICIAL, and a US mark on a portion is refused with the UK list; a US
// briefing refuses OFFICIAL, saying whose marking it is.
func TestBriefingMarkedUnderItsScheme(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Grid resilience", "--scheme", "uk", "--marking", "OFFICIAL")
	b := showBriefing(t, db, id)
	if b.Scheme != "uk" || b.Classification != "uk:O" || b.ClassificationBanner != "OFFICIAL" {
		t.Fatalf("briefing %+v", b)
	}
	errOut := fails(t, db, cli.ExitUsage, "briefing", "add", itoa(id), "--commentary", "The claim dates from 2019.", "--marking", "U")
	wantContains(t, errOut, `--marking: "U" is not a UK marking (it is a US one): use OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET`)
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "The claim dates from 2019.", "--marking", "official-sensitive")
	b = showBriefing(t, db, id)
	if len(b.Blocks) != 1 || b.Blocks[0].Marking != "uk:OS" {
		t.Fatalf("blocks %+v", b.Blocks)
	}
	text := mustRun(t, db, "briefing", "show", itoa(id))
	wantContains(t, text, "Scheme:       uk (UK Government Security Classifications)", "Banner:       OFFICIAL\n",
		"(OFFICIAL-SENSITIVE) commentary: The claim dates")
	if strings.Contains(text, "UNCLASSIFIED") {
		t.Errorf("a UK briefing shows UNCLASSIFIED:\n%s", text)
	}

	errOut = fails(t, db, cli.ExitUsage, "briefing", "new", "--title", "T", "--scheme", "us", "--marking", "OFFICIAL")
	wantContains(t, errOut, `"OFFICIAL" is not a US marking (it is a UK or Australian one): use UNCLASSIFIED, CUI, CONFIDENTIAL, SECRET or TOP SECRET`)
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "new", "--title", "T", "--scheme", "fr"), `"fr" is not a marking scheme: use none, us, uk, au, nato, eu, tlp`)
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "new", "--title", "T", "--scheme", "us", "--marking", "S", "--classification", "S"), "another name for --marking")
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "new", "--title", "T", "--marking", "SECRET"), "this briefing uses no markings; choose a scheme")
	var list []briefingSummary
	runJSON(t, db, &list, "briefing", "list")
	if len(list) != 1 {
		t.Errorf("refused briefings were stored: %+v", list)
	}
}

type markedBriefing struct {
	briefing
	TitleMarking    marking `json:"title_marking"`
	SubtitleMarking marking `json:"subtitle_marking"`
	SummaryMarking  marking `json:"summary_marking"`
	Authority       struct {
		ClassifiedBy string `json:"classified_by"`
		DerivedFrom  string `json:"derived_from"`
		DeclassifyOn string `json:"declassify_on"`
	} `json:"authority"`
	IncludeNotes bool `json:"include_notes"`
}

type marking struct {
	Marking string `json:"marking"`
	Banner  string `json:"marking_banner"`
	Portion string `json:"marking_portion"`
}

func TestBriefingMarkingFlags(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Cable traffic", "--scheme", "us", "--marking", "secret//noforn", "--title-marking", "(U)",
		"--subtitle-marking", "CUI", "--summary-marking", "S//NF", "--classified-by", "J. Analyst, Desk 4",
		"--derived-from", "Multiple sources", "--declassify-on", "20501231", "--notes")
	var b markedBriefing
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	if b.Classification != "S//NOFORN" || b.ClassificationBanner != "SECRET//NOFORN" ||
		b.TitleMarking != (marking{"U", "UNCLASSIFIED", "(U)"}) || b.SubtitleMarking.Marking != "CUI" ||
		b.SummaryMarking != (marking{"S//NOFORN", "SECRET//NOFORN", "(S//NF)"}) || !b.IncludeNotes ||
		b.Authority.ClassifiedBy != "J. Analyst, Desk 4" || b.Authority.DerivedFrom != "Multiple sources" || b.Authority.DeclassifyOn != "20501231" {
		t.Fatalf("briefing %+v", b)
	}
	wantContains(t, mustRun(t, db, "briefing", "show", itoa(id)), "Banner:       SECRET//NOFORN", "Title mark:   (U)",
		"Summary mark: (S//NF)", "Classified by: J. Analyst, Desk 4", "Derived from: Multiple sources", "Declassify on: 20501231",
		"analyst notes are printed in exports")

	mustRun(t, db, "briefing", "edit", itoa(id), "--no-notes", "--classification", "", "--subtitle-marking", "")
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	if b.IncludeNotes || b.Classification != "" || b.SubtitleMarking.Marking != "" || b.TitleMarking.Marking != "U" {
		t.Errorf("after edit: %+v", b)
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "edit", itoa(id), "--notes", "--no-notes"), "not both")
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "edit", itoa(id), "--title-marking", "OFFICIAL"), "--title-marking:", "is not a US marking")
}

// Moving a briefing to another scheme while it keeps marks of the old
// one is refused naming each; marks given anew in the same command go.
func TestBriefingSchemeChange(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Ports", "--scheme", "us", "--marking", "C", "--title-marking", "U")
	mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Background", "--marking", "U")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Plain words", "--marking", "C")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Unmarked")

	errOut := fails(t, db, cli.ExitError, "briefing", "edit", itoa(id), "--scheme", "uk")
	wantContains(t, errOut, "keeps marks of the US scheme, which the UK scheme cannot carry",
		"the overall marking (CONFIDENTIAL); the title (UNCLASSIFIED); block 1 [1] heading “Background” (UNCLASSIFIED); block 2 [2] commentary “Plain words” (CONFIDENTIAL).",
		"--marking, --title-marking", "Nothing was saved",
		"Clear each block's mark first (`attache briefing mark 1 BLOCK --marking \"\"`), change the scheme, then mark the blocks anew")
	if strings.Contains(errOut, "in the app") {
		t.Errorf("the command line sends its user to the app: %s", errOut)
	}
	if strings.Contains(errOut, "Unmarked") {
		t.Errorf("an unmarked block is named: %s", errOut)
	}
	if b := showBriefing(t, db, id); b.Scheme != "us" {
		t.Fatalf("scheme changed to %q", b.Scheme)
	}
	// The way out it gives: the blocks' marks cleared ...
	wantContains(t, mustRun(t, db, "briefing", "mark", itoa(id), "1", "--marking", ""), "Marked block 1 of briefing 1: ## Background")
	mustRun(t, db, "briefing", "mark", itoa(id), "2", "--marking", "")
	// An excerpt's own US mark is named too, in the blocks' order.
	src := importOne(t, db, chipsFile).ID
	ex := addExcerpt(t, db, src, "small yard", "--marking", "U")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID), "--at", "2")
	mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Later", "--marking", "U")
	errOut = fails(t, db, cli.ExitError, "briefing", "edit", itoa(id), "--scheme", "uk", "--marking", "OFFICIAL", "--title-marking", "")
	wantContains(t, errOut, "block 2 [4] excerpt 1, its excerpt marked (UNCLASSIFIED); block 5 [5] heading “Later” (UNCLASSIFIED).",
		"`attache excerpt edit EXCERPT --marking …`", "`attache source edit SOURCE --scheme uk --marking …`", "`attache briefing remove BLOCK`")
	mustRun(t, db, "briefing", "remove", "4")
	mustRun(t, db, "briefing", "remove", "5")
	mustRun(t, db, "briefing", "edit", itoa(id), "--scheme", "uk", "--marking", "OFFICIAL", "--title-marking", "")
	// ... and marked anew under the new scheme.
	mustRun(t, db, "briefing", "mark", itoa(id), "2", "--marking", "OFFICIAL")
	if b := showBriefing(t, db, id); b.Scheme != "uk" || b.Classification != "uk:O" || b.Blocks[1].Marking != "uk:O" || b.Blocks[0].Marking != "" {
		t.Fatalf("after the change: %+v", b)
	}
}

// A new briefing takes the library's default scheme, else the app's
// setting, else none; `library scheme` shows and sets the default.
func TestNewBriefingsTakeTheDefaultScheme(t *testing.T) {
	t.Parallel()
	db, config := newDB(t), t.TempDir()
	env := func() *cli.Env { return &cli.Env{ConfigDir: func() (string, error) { return config, nil }} }
	runEnv := func(args ...string) string {
		out, errOut, code := exec(t, env(), append([]string{"--db", db}, args...)...)
		wantExit(t, code, cli.ExitOK, errOut)
		return out
	}
	newScheme := func(title string) string {
		var b briefing
		decode(t, runEnv("briefing", "new", "--title", title, "--json"), &b)
		return b.Scheme
	}
	if s := newScheme("No default"); s != "none" {
		t.Errorf("with no default a briefing takes %q", s)
	}
	settings := filepath.Join(config, "attache", "settings.json")
	if err := os.MkdirAll(filepath.Dir(settings), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings, []byte(`{"scheme": "au", "paper": "a4"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if s := newScheme("Setting"); s != "au" {
		t.Errorf("with the setting au a briefing takes %q", s)
	}
	wantContains(t, runEnv("library", "scheme"), "Library default: none set", "New briefings:   au (Australian Government Protective Security Policy Framework: the app's setting)")

	wantContains(t, runEnv("library", "scheme", "UK"), "New briefings in this library take the uk scheme")
	if s := newScheme("Library"); s != "uk" {
		t.Errorf("with the library's default uk a briefing takes %q", s)
	}
	var def map[string]string
	decode(t, runEnv("library", "scheme", "--json"), &def)
	if def["library"] != "uk" || def["new_briefings"] != "uk" || def["from"] != "library" {
		t.Errorf("library scheme --json: %v", def)
	}
	if s := newScheme2(t, runEnv, "Chosen", "--scheme", "tlp"); s != "tlp" {
		t.Errorf("--scheme tlp gave %q", s)
	}
	runEnv("library", "scheme", "--clear")
	if s := newScheme("Cleared"); s != "au" {
		t.Errorf("after --clear a briefing takes %q, want the setting's au", s)
	}
	if err := os.WriteFile(settings, []byte(`{"scheme": "martian"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if s := newScheme("Bad setting"); s != "none" {
		t.Errorf("an unreadable setting gave %q", s)
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "library", "scheme", "fr"), `"fr" is not a marking scheme: use none, us, uk`)
	wantContains(t, fails(t, db, cli.ExitUsage, "library", "scheme", "uk", "--clear"), "not both")

	// Setting a default may be the first thing done; showing it may not.
	fresh := filepath.Join(t.TempDir(), "new.db")
	wantContains(t, fails(t, fresh, cli.ExitError, "library", "scheme"), "there is no library at")
	mustRun(t, fresh, "library", "scheme", "nato")
	wantContains(t, mustRun(t, fresh, "library", "scheme"), "Library default: nato")
}

func newScheme2(t *testing.T, run func(...string) string, title string, extra ...string) string {
	t.Helper()
	var b briefing
	decode(t, run(append([]string{"briefing", "new", "--title", title, "--json"}, extra...)...), &b)
	return b.Scheme
}

type markedExcerpt struct {
	excerpt
	Banner  string `json:"marking_banner"`
	Portion string `json:"marking_portion"`
	Reason  string `json:"marking_reason"`
	History []struct {
		From   marking `json:"from"`
		To     marking `json:"to"`
		Source marking `json:"source"`
		Reason string  `json:"reason"`
	} `json:"marking_history"`
}

// Sources carry a marking of any scheme; their excerpts are marked under
// it, and below it only with a reason, which the history keeps.
func TestSourceAndExcerptMarkings(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile).ID
	mustRun(t, db, "source", "edit", itoa(src), "--scheme", "uk", "--marking", "official-sensitive")
	var s struct {
		Marking string `json:"marking"`
		Banner  string `json:"marking_banner"`
		Scheme  string `json:"marking_scheme"`
	}
	runJSON(t, db, &s, "source", "show", itoa(src))
	if s.Marking != "uk:OS" || s.Banner != "OFFICIAL-SENSITIVE" || s.Scheme != "uk" {
		t.Fatalf("source marking %+v", s)
	}
	wantContains(t, mustRun(t, db, "source", "show", itoa(src)), "Marking:     OFFICIAL-SENSITIVE (UK)")

	wantContains(t, fails(t, db, cli.ExitUsage, "excerpt", "add", "--source", itoa(src), "--quote", "small yard", "--marking", "U"),
		`"U" is not a UK marking (it is a US one)`)
	errOut := fails(t, db, cli.ExitError, "excerpt", "add", "--source", itoa(src), "--quote", "small yard", "--marking", "OFFICIAL")
	wantContains(t, errOut, "OFFICIAL-SENSITIVE")
	ex := addExcerpt(t, db, src, "small yard", "--marking", "OFFICIAL", "--marking-reason", "Quoted in the minister's public speech")
	var got markedExcerpt
	runJSON(t, db, &got, "excerpt", "show", itoa(ex.ID))
	if got.Marking != "uk:O" || got.Banner != "OFFICIAL" || got.Portion != "(OFFICIAL)" || got.Reason != "Quoted in the minister's public speech" {
		t.Fatalf("excerpt %+v", got)
	}
	if len(got.History) != 1 || got.History[0].To.Banner != "OFFICIAL" || got.History[0].Source.Banner != "OFFICIAL-SENSITIVE" ||
		got.History[0].Reason != "Quoted in the minister's public speech" {
		t.Errorf("marking history %+v", got.History)
	}
	wantContains(t, mustRun(t, db, "excerpt", "history", itoa(ex.ID)), "→ OFFICIAL (source OFFICIAL-SENSITIVE): Quoted in the minister's public speech")
	var hist []json.RawMessage
	runJSON(t, db, &hist, "excerpt", "history", itoa(ex.ID))
	if len(hist) != 1 {
		t.Errorf("excerpt history --json: %d entries", len(hist))
	}
	wantContains(t, mustRun(t, db, "excerpt", "show", itoa(ex.ID)), "(OFFICIAL) small yard", "Marked below its source because: Quoted")

	// An unmarked source with no default scheme: a mark only one scheme
	// reads is taken under it; one several read is refused naming them.
	other := importOne(t, db, fiveGFile).ID
	e2 := addExcerpt(t, db, other, "radio access layer", "--marking", "cui")
	if e2.Marking != "CUI" {
		t.Errorf("a CUI excerpt stored %q", e2.Marking)
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "excerpt", "add", "--source", itoa(other), "--quote", "ripping out", "--marking", "SECRET"),
		`"SECRET" is a marking of the US, UK and Australian schemes, and source 2 has no marking and no default scheme is set: mark the source first`)
	// An excerpt marked already is read under its own scheme.
	mustRun(t, db, "excerpt", "edit", itoa(e2.ID), "--marking", "SECRET")
	runJSON(t, db, &got, "excerpt", "show", itoa(e2.ID))
	if got.Marking != "S" {
		t.Errorf("edited excerpt marking %q, want the US S", got.Marking)
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "source", "edit", itoa(other), "--marking", "SECRET"),
		`"SECRET" is a marking of the US, UK and Australian schemes, and no default scheme is set: name the one meant with --scheme`)
	wantContains(t, fails(t, db, cli.ExitUsage, "source", "edit", itoa(other), "--scheme", "uk"), "--scheme goes with --marking")
}

// TLP labels the whole briefing: its label is its marking, and its parts
// take none.
func TestTLPBriefingTakesOneLabel(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Phishing wave", "--scheme", "tlp", "--marking", "amber")
	if b := showBriefing(t, db, id); b.Classification != "tlp:AMBER" || b.ClassificationBanner != "TLP:AMBER" {
		t.Fatalf("briefing %+v", b)
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "add", itoa(id), "--commentary", "Seen since May.", "--marking", "TLP:RED"),
		"TLP labels the whole briefing, not its parts")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "edit", itoa(id), "--title-marking", "TLP:RED"),
		"TLP labels the whole briefing, not its parts")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Seen since May.")
	path := filepath.Join(t.TempDir(), "wave.pdf")
	mustRun(t, db, "export", itoa(id), "--out", path)
	wantContains(t, pdfText(t, path), "TLP:AMBER", "Limited disclosure, recipients can only spread this on a need-to-know basis")
}

func TestImportWithMarking(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile, "--scheme", "au", "--marking", "protected")
	var s struct {
		Marking string `json:"marking"`
		Banner  string `json:"marking_banner"`
	}
	runJSON(t, db, &s, "source", "show", itoa(src.ID))
	if s.Marking != "au:P" || s.Banner != "PROTECTED" {
		t.Fatalf("imported source marking %+v", s)
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "import", fiveGFile, "--scheme", "uk", "--marking", "PROTECTED"),
		`"PROTECTED" is not a UK marking (it is an Australian one)`)
	wantContains(t, fails(t, db, cli.ExitUsage, "import", fiveGFile, "--scheme", "uk"), "--scheme goes with --marking")
	fresh := newDB(t)
	fails(t, fresh, cli.ExitUsage, "import", fiveGFile, "--scheme", "uk", "--marking", "U")
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a refused import started a library")
	}
	var list []source
	runJSON(t, db, &list, "sources")
	if len(list) != 1 {
		t.Errorf("refused imports stored sources: %d", len(list))
	}
}
