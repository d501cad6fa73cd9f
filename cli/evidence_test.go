package cli_test

import (
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// evidenceView is `briefing evidence --json`, the fields the tests read.
type evidenceView struct {
	Briefing  int64 `json:"briefing"`
	Judgments []struct {
		Block      int64  `json:"block"`
		Index      int    `json:"index"`
		Number     int    `json:"number"`
		Text       string `json:"text"`
		Confidence string `json:"confidence"`
		Supported  bool   `json:"supported"`
		Evidence   []struct {
			Excerpt     int64    `json:"excerpt"`
			Stance      string   `json:"stance"`
			Quote       string   `json:"quote"`
			Source      int64    `json:"source"`
			SourceTitle string   `json:"source_title"`
			Publisher   string   `json:"publisher"`
			Reliability string   `json:"reliability"`
			Credibility int      `json:"credibility"`
			Published   string   `json:"published"`
			Note        string   `json:"note"`
			Concerns    []string `json:"concerns"`
		} `json:"evidence"`
	} `json:"judgments"`
}

// judgmentBriefing is a briefing with a commentary, two key judgments and
// two excerpts of two sources to link to them.
type judgmentBriefing struct {
	db                           string
	id                           int64
	comment, judged, unsupported int64
	chips, fiveG                 excerpt
}

func newJudgmentBriefing(t *testing.T) judgmentBriefing {
	t.Helper()
	db := newDB(t)
	importOne(t, db, chipsFile)
	importOne(t, db, fiveGFile)
	mustRun(t, db, "source", "edit", "1", "--reliability", "B")
	f := judgmentBriefing{db: db}
	f.chips = addExcerpt(t, db, 1, "small yard, high fence", "--credibility", "2")
	f.fiveG = addExcerpt(t, db, 2, "high-risk", "--credibility", "3")
	f.id = newBriefing(t, db, "Chips")
	var b block
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--commentary", "Context first.")
	f.comment = b.ID
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--judgment", "Controls will tighten further.", "--confidence", "moderate")
	f.judged = b.ID
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--judgment", "Allies will follow.")
	f.unsupported = b.ID
	return f
}

func TestBriefingLinkAndEvidence(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	out := mustRun(t, db, "briefing", "link", itoa(f.judged), "--supports", itoa(f.chips.ID), "--note", "the policy's own words")
	wantContains(t, out, "Linked excerpt "+itoa(f.chips.ID)+" to judgment "+itoa(f.judged), "supports")
	mustRun(t, db, "briefing", "link", itoa(f.judged), "--contradicts", itoa(f.fiveG.ID))
	// Linking again changes the stance and note.
	mustRun(t, db, "briefing", "link", itoa(f.unsupported), "--supports", itoa(f.fiveG.ID))
	mustRun(t, db, "briefing", "link", itoa(f.unsupported), "--contradicts", itoa(f.fiveG.ID), "--note", "cuts against")

	var v evidenceView
	runJSON(t, db, &v, "briefing", "evidence", itoa(f.id))
	if v.Briefing != f.id || len(v.Judgments) != 2 {
		t.Fatalf("evidence view %+v", v)
	}
	j := v.Judgments[0]
	if j.Block != f.judged || j.Index != 1 || !j.Supported || j.Confidence != "moderate" || len(j.Evidence) != 2 {
		t.Fatalf("first judgment %+v", j)
	}
	e := j.Evidence[0]
	if e.Excerpt != f.chips.ID || e.Stance != "supports" || e.Source != 1 || e.SourceTitle != chipsTitle ||
		e.Reliability != "B" || e.Credibility != 2 || e.Published != "2025-03-03" || e.Note != "the policy's own words" ||
		!strings.Contains(e.Quote, "small yard") || e.Concerns == nil {
		t.Errorf("supporting evidence %+v", e)
	}
	if e := j.Evidence[1]; e.Excerpt != f.fiveG.ID || e.Stance != "contradicts" || e.Source != 2 || e.Credibility != 3 {
		t.Errorf("contradicting evidence %+v", e)
	}
	if j := v.Judgments[1]; j.Supported || len(j.Evidence) != 1 || j.Evidence[0].Stance != "contradicts" || j.Evidence[0].Note != "cuts against" {
		t.Errorf("judgment with only contradicting evidence %+v", j)
	}
	text := mustRun(t, db, "briefing", "evidence", itoa(f.id))
	wantContains(t, text, "[block "+itoa(f.unsupported)+"]", "NO SUPPORTING EVIDENCE", "contradicts", "small yard", "B2, 2025-03-03", "?3, 2025-01-14")
	if strings.Count(text, "NO SUPPORTING EVIDENCE") != 1 {
		t.Errorf("one judgment lacks support:\n%s", text)
	}

	// The links are the briefing's: show --json carries them.
	b := showBriefing(t, db, f.id)
	var shown briefingWithEvidence
	runJSON(t, db, &shown, "briefing", "show", itoa(f.id))
	if len(shown.Blocks) != 3 || len(shown.Blocks[1].Evidence) != 2 || shown.Blocks[1].Evidence[1].Stance != "contradicts" || b.ID != f.id {
		t.Errorf("briefing show: %+v", shown.Blocks)
	}

	mustRun(t, db, "briefing", "unlink", itoa(f.judged), itoa(f.fiveG.ID))
	runJSON(t, db, &v, "briefing", "evidence", itoa(f.id))
	if len(v.Judgments[0].Evidence) != 1 {
		t.Errorf("after unlink: %+v", v.Judgments[0].Evidence)
	}
	msg := fails(t, db, cli.ExitError, "briefing", "unlink", itoa(f.judged), itoa(f.fiveG.ID))
	wantContains(t, msg, "is not linked to excerpt "+itoa(f.fiveG.ID))
}

type briefingWithEvidence struct {
	Blocks []struct {
		ID       int64 `json:"id"`
		Evidence []struct {
			Excerpt int64  `json:"excerpt"`
			Stance  string `json:"stance"`
			Note    string `json:"note"`
		} `json:"evidence"`
	} `json:"blocks"`
}

func TestBriefingLinkRefusals(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	msg := fails(t, db, cli.ExitError, "briefing", "link", itoa(f.comment), "--supports", itoa(f.chips.ID))
	wantContains(t, msg, "is a commentary, not a key judgment")
	msg = fails(t, db, cli.ExitError, "briefing", "link", itoa(f.judged), "--supports", "99")
	wantContains(t, msg, "99")
	msg = fails(t, db, cli.ExitError, "briefing", "link", "999", "--supports", itoa(f.chips.ID))
	wantContains(t, msg, "there is no block 999")
	fails(t, db, cli.ExitUsage, "briefing", "link", itoa(f.judged))
	fails(t, db, cli.ExitUsage, "briefing", "link", itoa(f.judged), "--supports", "1", "--contradicts", "2")
	fails(t, db, cli.ExitUsage, "briefing", "link", itoa(f.judged), "--supports", "1", "--note", strings.Repeat("x", 2001))
	mustRun(t, db, "excerpt", "delete", itoa(f.fiveG.ID))
	msg = fails(t, db, cli.ExitError, "briefing", "link", itoa(f.judged), "--supports", itoa(f.fiveG.ID))
	wantContains(t, msg, "is in the trash")
	var v evidenceView
	runJSON(t, db, &v, "briefing", "evidence", itoa(f.id))
	for _, j := range v.Judgments {
		if len(j.Evidence) != 0 {
			t.Errorf("a refused link was saved: %+v", j)
		}
	}
}

func TestBriefingScale(t *testing.T) {
	db := newDB(t)
	id := newBriefing(t, db, "Scaled", "--scale", "icd203")
	var b struct {
		Scale string `json:"scale"`
	}
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	if b.Scale != "icd203" {
		t.Fatalf("scale %q after new --scale icd203", b.Scale)
	}
	wantContains(t, mustRun(t, db, "briefing", "show", itoa(id)), "Scale:", "ICD 203 expressions of likelihood")
	mustRun(t, db, "briefing", "edit", itoa(id), "--scale", "UK")
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	if b.Scale != "phia" {
		t.Fatalf("scale %q after edit --scale UK", b.Scale)
	}
	msg := fails(t, db, cli.ExitUsage, "briefing", "edit", itoa(id), "--scale", "sherman-kent")
	wantContains(t, msg, "is not an estimative scale: use icd203, phia or none")
	mustRun(t, db, "briefing", "edit", itoa(id), "--scale", "none")
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	if b.Scale != "" {
		t.Fatalf("scale %q after --scale none", b.Scale)
	}
}

// The judgments are numbered as exports number them, counting key
// judgments only, however many blocks come before and between them.
func TestBriefingEvidenceNumbersLikeExports(t *testing.T) {
	f := newJudgmentBriefing(t)
	db := f.db
	var b block
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--heading", "Outlook")
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--commentary", "More context.")
	runJSON(t, db, &b, "briefing", "add", itoa(f.id), "--judgment", "Prices will rise.")
	third := b.ID
	mustRun(t, db, "briefing", "link", itoa(f.judged), "--supports", itoa(f.chips.ID))

	var v evidenceView
	runJSON(t, db, &v, "briefing", "evidence", itoa(f.id))
	want := []struct {
		block       int64
		index, want int
	}{{f.judged, 1, 1}, {f.unsupported, 2, 2}, {third, 5, 3}}
	if len(v.Judgments) != len(want) {
		t.Fatalf("judgments %+v", v.Judgments)
	}
	for k, w := range want {
		if j := v.Judgments[k]; j.Block != w.block || j.Index != w.index || j.Number != w.want {
			t.Errorf("judgment %d: block %d index %d number %d, want block %d index %d number %d",
				k, j.Block, j.Index, j.Number, w.block, w.index, w.want)
		}
	}
	text := mustRun(t, db, "briefing", "evidence", itoa(f.id))
	wantContains(t, text, "\n1. [block "+itoa(f.judged)+"]", "\n2. [block "+itoa(f.unsupported)+"]", "\n3. [block "+itoa(third)+"]")

	// The export's checks name the same judgments by the same numbers.
	var c struct {
		Warnings []struct {
			Code  string `json:"code"`
			Block int64  `json:"block"`
			Where string `json:"where"`
		} `json:"warnings"`
	}
	runJSON(t, db, &c, "check", itoa(f.id))
	named := map[int64]string{}
	for _, w := range c.Warnings {
		if w.Code == "basis-no-evidence" {
			named[w.Block] = w.Where
		}
	}
	if !strings.HasPrefix(named[f.unsupported], "Key judgment 2 ") || !strings.HasPrefix(named[third], "Key judgment 3 ") {
		t.Errorf("check names the unsupported judgments %v", named)
	}
}
