package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

type checkJSON struct {
	Briefing int64 `json:"briefing"`
	Scale    string
	Clean    bool `json:"clean"`
	Warnings []struct {
		Code    string `json:"code"`
		Block   int64  `json:"block"`
		Index   int    `json:"index"`
		Message string `json:"message"`
		Refuse  bool   `json:"refuse"`
	} `json:"warnings"`
	Language []struct {
		Code  string `json:"code"`
		Block int64  `json:"block"`
		Index int    `json:"index"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Words string `json:"words"`
		Key   string `json:"key"`
	} `json:"language"`
	Risks []struct {
		Kind     string   `json:"kind"`
		Block    int64    `json:"block"`
		Source   int64    `json:"source"`
		Concerns []string `json:"concerns"`
	} `json:"risks"`
	Versions []struct {
		Version int64   `json:"version"`
		Sources []int64 `json:"sources"`
	} `json:"versions_at_risk"`
	Dismissed int `json:"dismissed"`
}

func TestCheckExitStatusAndShape(t *testing.T) {
	db := newDB(t)
	id := newBriefing(t, db, "Clean")
	out := mustRun(t, db, "check", itoa(id))
	wantContains(t, out, "Nothing to put right")
	wantKeys(t, mustRun(t, db, "check", itoa(id), "--json"), []string{"briefing", "title", "scale", "clean", "warnings",
		"language", "risks", "versions_at_risk", "dismissed"})

	var b block
	runJSON(t, db, &b, "briefing", "add", itoa(id), "--heading", "Nothing under me")
	var c checkJSON
	runJSON(t, db, &c, "check", itoa(id)) // exit 0 with --json, whatever is found
	if c.Clean || len(c.Warnings) != 1 || c.Warnings[0].Code != "empty-section" || c.Warnings[0].Block != b.ID || c.Warnings[0].Index != 0 {
		t.Fatalf("check %+v", c)
	}
	stdout, stderr, code := run(t, db, "check", itoa(id))
	wantExit(t, code, cli.ExitError, stderr)
	wantContains(t, stdout, "Before export:", "is empty")
	wantContains(t, stderr, "briefing "+itoa(id)+": 1 thing to look at")
	fails(t, db, cli.ExitUsage, "check")
	fails(t, db, cli.ExitError, "check", "99")
	fails(t, db, cli.ExitUsage, "check", itoa(id), "--note", "why")
	fails(t, db, cli.ExitUsage, "check", itoa(id), "--dismiss", "k", "--undismiss", "k")
}

// The checker's findings point at the words, by block and character
// range; a dismissed one stays out of the check until brought back.
func TestCheckLanguageAndDismissals(t *testing.T) {
	db := newDB(t)
	id := newBriefing(t, db, "Words", "--scale", "icd203")
	var b block
	text := "Beijing will almost certainly respond, though it may well wait."
	runJSON(t, db, &b, "briefing", "add", itoa(id), "--commentary", text)
	var c checkJSON
	runJSON(t, db, &c, "check", itoa(id))
	var found bool
	for _, f := range c.Language {
		r := []rune(text)
		if f.Block != b.ID || f.Index != 0 || f.Start < 0 || f.End > len(r) || string(r[f.Start:f.End]) != f.Words || f.Key == "" {
			t.Errorf("finding %+v does not point at its words in %q", f, text)
		}
		found = found || strings.Contains(f.Words, "may well")
	}
	if !found {
		t.Errorf("“may well” is not flagged: %+v", c.Language)
	}
	key, n := c.Language[0].Key, len(c.Language)
	stdout, _, _ := run(t, db, "check", itoa(id))
	wantContains(t, stdout, "Estimative language", "block "+itoa(b.ID), "key "+key)

	out := mustRun(t, db, "check", itoa(id), "--dismiss", key, "--note", "quoting the minister")
	wantContains(t, out, "Dismissed finding "+key)
	runJSON(t, db, &c, "check", itoa(id))
	if len(c.Language) != n-1 || c.Dismissed != 1 {
		t.Errorf("after dismissal: %d findings, %d dismissed", len(c.Language), c.Dismissed)
	}
	var ds []struct {
		Key, Code, Words, Note string
	}
	runJSON(t, db, &ds, "check", itoa(id), "--dismissed")
	if len(ds) != 1 || ds[0].Key != key || ds[0].Note != "quoting the minister" || ds[0].Words == "" {
		t.Errorf("dismissals %+v", ds)
	}
	wantContains(t, mustRun(t, db, "check", itoa(id), "--dismissed"), key, "quoting the minister")
	msg := fails(t, db, cli.ExitError, "check", itoa(id), "--dismiss", "no-such-key")
	wantContains(t, msg, `has no finding with the key "no-such-key"`)

	mustRun(t, db, "check", itoa(id), "--undismiss", key)
	runJSON(t, db, &c, "check", itoa(id))
	if len(c.Language) != n || c.Dismissed != 0 {
		t.Errorf("after undismiss: %d findings, %d dismissed", len(c.Language), c.Dismissed)
	}
}

// A briefing resting on a discredited source is flagged, in its blocks
// now and in the versions of its history that cite the source.
func TestCheckSourceRisks(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	var b block
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--excerpt", itoa(f.chips.ID))
	mustRun(t, db, "briefing", "link", itoa(f.judged), "--supports", itoa(f.chips.ID))
	mustRun(t, db, "briefing", "snapshot", itoa(f.id), "--label", "sent to the desk")
	mustRun(t, db, "source", "standing", "1", "discredited", "--note", "fabricated quotes")
	var c checkJSON
	runJSON(t, db, &c, "check", itoa(f.id))
	if len(c.Versions) != 1 || len(c.Versions[0].Sources) != 1 || c.Versions[0].Sources[0] != 1 {
		t.Errorf("versions at risk %+v", c.Versions)
	}
	kinds := map[int64][]string{}
	for _, r := range c.Risks {
		kinds[r.Block] = append(kinds[r.Block], r.Kind)
		if r.Kind != "loses-support" && (r.Source != 1 || len(r.Concerns) == 0 || r.Concerns[len(r.Concerns)-1] != "discredited") {
			t.Errorf("risk %+v", r)
		}
	}
	if strings.Join(kinds[b.ID], ",") != "excerpt" || strings.Join(kinds[f.judged], ",") != "support,loses-support" {
		t.Errorf("risks %+v: want the excerpt block %d quoting, the judgment %d resting on and losing its support", c.Risks, b.ID, f.judged)
	}
	var v evidenceView
	runJSON(t, db, &v, "briefing", "evidence", itoa(f.id))
	if ev := v.Judgments[0].Evidence; len(ev) != 1 || strings.Join(ev[0].Concerns, ",") != "discredited" {
		t.Errorf("evidence on the discredited source: %+v", ev)
	}
	wantContains(t, mustRun(t, db, "briefing", "evidence", itoa(f.id)), "! source discredited")
	// Printed once each, though export's warnings carry them too.
	stdout, _, _ := run(t, db, "check", itoa(f.id))
	if n := strings.Count(stdout, "has lost its support"); n != 1 {
		t.Errorf("the lost support is said %d times:\n%s", n, stdout)
	}
}

func TestBriefingChanges(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	var snap struct {
		ID int64 `json:"id"`
	}
	runJSON(t, db, &snap, "briefing", "snapshot", itoa(f.id), "--label", "first")
	mustRun(t, db, "briefing", "add", itoa(f.id), "--judgment", "Tokyo will align within a year.", "--confidence", "low")
	mustRun(t, db, "briefing", "link", itoa(f.judged), "--supports", itoa(f.chips.ID))
	mustRun(t, db, "briefing", "edit", itoa(f.id), "--status", "review")
	// The status change kept a version of its own.
	var versions []struct {
		ID    int64  `json:"id"`
		Label string `json:"label"`
	}
	runJSON(t, db, &versions, "briefing", "history", itoa(f.id))
	if len(versions) != 2 || versions[0].Label != "Status changed to In review" {
		t.Fatalf("history %+v", versions)
	}
	reviewed := versions[0].ID

	var ch struct {
		From struct {
			Version int64  `json:"version"`
			Label   string `json:"label"`
		} `json:"from"`
		To struct {
			Version int64 `json:"version"`
		} `json:"to"`
		Empty     bool   `json:"empty"`
		OldStatus string `json:"old_status"`
		NewStatus string `json:"new_status"`
		Judgments []struct {
			Kind string `json:"kind"`
			New  string `json:"new"`
		} `json:"judgments"`
		Evidence []struct {
			Kind    string `json:"kind"`
			Excerpt int64  `json:"excerpt"`
		} `json:"evidence"`
		Markdown string `json:"markdown"`
	}
	// By default the briefing as it is is compared with the newest
	// version: the status change's, which it still is.
	runJSON(t, db, &ch, "briefing", "changes", itoa(f.id))
	if ch.From.Version != reviewed || ch.To.Version != 0 || !ch.Empty {
		t.Fatalf("compared %+v to %+v, empty %v", ch.From, ch.To, ch.Empty)
	}
	runJSON(t, db, &ch, "briefing", "changes", itoa(f.id), "--from", itoa(snap.ID))
	if ch.From.Version != snap.ID || !strings.Contains(ch.From.Label, "first") || ch.To.Version != 0 {
		t.Fatalf("compared %+v to %+v", ch.From, ch.To)
	}
	if len(ch.Judgments) != 1 || ch.Judgments[0].Kind != "added" || ch.Judgments[0].New != "Tokyo will align within a year." {
		t.Errorf("judgments %+v", ch.Judgments)
	}
	if len(ch.Evidence) != 1 || ch.Evidence[0].Kind != "added" || ch.Evidence[0].Excerpt != f.chips.ID {
		t.Errorf("evidence %+v", ch.Evidence)
	}
	if ch.OldStatus != "draft" || ch.NewStatus != "review" || ch.Empty {
		t.Errorf("status %q → %q, empty %v", ch.OldStatus, ch.NewStatus, ch.Empty)
	}
	out := filepath.Join(t.TempDir(), "changes.md")
	wantContains(t, mustRun(t, db, "briefing", "changes", itoa(f.id), "--from", itoa(snap.ID), "--out", out), "Wrote the changes")
	wantContains(t, readFile(t, out), "Tokyo will align within a year.")
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	wantContains(t, mustRun(t, db, "briefing", "changes", itoa(f.id), "--from", itoa(snap.ID)), "Tokyo will align")

	// --to a version compares it with the version before it.
	runJSON(t, db, &ch, "briefing", "changes", itoa(f.id), "--to", itoa(reviewed))
	if ch.From.Version != snap.ID || ch.To.Version != reviewed || len(ch.Judgments) != 1 {
		t.Errorf("--to %d: from %+v to %+v, %d judgments", reviewed, ch.From, ch.To, len(ch.Judgments))
	}
	var second struct {
		ID int64 `json:"id"`
	}
	runJSON(t, db, &second, "briefing", "snapshot", itoa(f.id), "--label", "second")
	runJSON(t, db, &ch, "briefing", "changes", itoa(f.id))
	if ch.From.Version != second.ID || !ch.Empty {
		t.Errorf("nothing changed since version %d: from %+v, empty %v", second.ID, ch.From, ch.Empty)
	}
}

func TestBriefingChangesArguments(t *testing.T) {
	db := newDB(t)
	a := newBriefing(t, db, "A")
	b := newBriefing(t, db, "B")
	var snap struct {
		ID int64 `json:"id"`
	}
	runJSON(t, db, &snap, "briefing", "snapshot", itoa(b))
	msg := fails(t, db, cli.ExitError, "briefing", "changes", itoa(a), "--from", itoa(snap.ID))
	wantContains(t, msg, "is of briefing "+itoa(b)+", not "+itoa(a))
	fails(t, db, cli.ExitUsage, "briefing", "changes", itoa(a), "--from", "current")
	fails(t, db, cli.ExitUsage, "briefing", "changes", itoa(a), "--to", "latest")
	// No version before: everything counts as added, from nothing.
	var ch struct {
		From struct {
			Version int64  `json:"version"`
			Label   string `json:"label"`
		} `json:"from"`
	}
	runJSON(t, db, &ch, "briefing", "changes", itoa(a))
	if ch.From.Version != 0 || !strings.Contains(ch.From.Label, "no earlier version") {
		t.Errorf("from %+v", ch.From)
	}
}

// The basis checks hold the thresholds in the app's Settings: a judgment
// of high confidence on one excerpt graded C3 is low-graded under the
// default B2, and well graded once Settings accept C3.
func TestCheckBasisThresholdsFromSettings(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	var b block
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--judgment", "Controls will widen.", "--confidence", "high")
	mustRun(t, db, "source", "edit", "2", "--reliability", "C")
	mustRun(t, db, "briefing", "link", itoa(b.ID), "--supports", itoa(f.fiveG.ID))
	config := t.TempDir()
	env := func() *cli.Env { return &cli.Env{ConfigDir: func() (string, error) { return config, nil }} }
	lowGraded := func() bool {
		t.Helper()
		out, errOut, code := exec(t, env(), "--db", db, "check", itoa(f.id), "--json")
		wantExit(t, code, cli.ExitOK, errOut)
		var c checkJSON
		decode(t, out, &c)
		for _, w := range c.Warnings {
			if w.Code == "basis-low-grades" && w.Block == b.ID {
				return true
			}
		}
		return false
	}
	if !lowGraded() {
		t.Errorf("C3 evidence for high confidence is not flagged under the default thresholds")
	}
	if err := os.MkdirAll(filepath.Join(config, "attache"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(config, "attache", "settings.json"),
		[]byte(`{"basis_min_reliability": "C", "basis_min_credibility": "3"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if lowGraded() {
		t.Errorf("C3 evidence is flagged though Settings accept C3")
	}
}
