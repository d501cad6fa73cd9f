package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

func record(t *testing.T, s *Store, c domain.SourceCheck) *domain.SourceCheck {
	t.Helper()
	if err := s.RecordSourceCheck(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func TestSourceChecksAreRecordedAndListedNewestFirst(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard")
	first := record(t, s, domain.SourceCheck{SourceID: src.ID, Status: domain.CheckUnchanged, Where: "/data/chips.txt", SHA256: strings.Repeat("A", 64)})
	if first.ID == 0 || first.At.IsZero() {
		t.Fatalf("ID %d, At %v not filled in", first.ID, first.At)
	}
	changed := record(t, s, domain.SourceCheck{SourceID: src.ID, Status: domain.CheckChanged, Where: "/data/chips.txt",
		Detail: "2 paragraphs differ", SHA256: strings.Repeat("b", 64),
		Quotes: []domain.QuoteCheck{{ExcerptID: e.ID, State: domain.QuoteMoved, Start: 120, End: 130}}})
	// A check given an earlier time than the last one recorded lists by
	// its time, not by the order it came in.
	record(t, s, domain.SourceCheck{SourceID: src.ID, Status: domain.CheckUnavailable, HTTPStatus: 404,
		Detail: "HTTP 404 Not Found", At: first.At.Add(-time.Hour)})
	list, err := s.SourceChecks(ctx, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range list {
		got = append(got, string(c.Status))
	}
	if want := "changed unchanged unavailable"; strings.Join(got, " ") != want {
		t.Fatalf("order %v, want %s", got, want)
	}
	c := list[0]
	if c.ID != changed.ID || c.Detail != "2 paragraphs differ" || c.SHA256 != strings.Repeat("b", 64) || !c.At.Equal(changed.At) ||
		!slices.Equal(c.Quotes, []domain.QuoteCheck{{ExcerptID: e.ID, State: domain.QuoteMoved, Start: 120, End: 130}}) {
		t.Fatalf("read back %+v", c)
	}
	if list[1].SHA256 != strings.Repeat("a", 64) || list[1].Quotes != nil || list[2].HTTPStatus != 404 {
		t.Fatalf("read back %+v %+v", list[1], list[2])
	}
	other := addSource(t, s, "5G", fiveGText)
	if none, err := s.SourceChecks(ctx, other.ID); err != nil || none == nil || len(none) != 0 {
		t.Fatalf("a source never rechecked: %v, %v", none, err)
	}
}

func TestRecordSourceCheckRefusesWhatCannotBe(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	for _, c := range []struct {
		name  string
		check domain.SourceCheck
		code  string
	}{
		{"no such source", domain.SourceCheck{SourceID: 999, Status: domain.CheckUnchanged}, domain.ENOTFOUND},
		{"an unknown status", domain.SourceCheck{SourceID: src.ID, Status: "fine"}, domain.EINVALID},
		{"an unknown quote state", domain.SourceCheck{SourceID: src.ID, Status: domain.CheckChanged,
			Quotes: []domain.QuoteCheck{{ExcerptID: 1, State: "lost"}}}, domain.EINVALID},
		{"a span backwards", domain.SourceCheck{SourceID: src.ID, Status: domain.CheckChanged,
			Quotes: []domain.QuoteCheck{{ExcerptID: 1, State: domain.QuoteMoved, Start: 9, End: 3}}}, domain.EINVALID},
		{"a detail too long", domain.SourceCheck{SourceID: src.ID, Status: domain.CheckChanged, Detail: strings.Repeat("x", 2_001)}, domain.EINVALID},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantCode(t, s.RecordSourceCheck(ctx, &c.check), c.code)
		})
	}
	_, err := s.SourceChecks(ctx, 999)
	wantCode(t, err, domain.ENOTFOUND)
	if list, _ := s.SourceChecks(ctx, src.ID); len(list) != 0 {
		t.Fatalf("refused checks were recorded: %v", list)
	}
}

func TestSetSourceStanding(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	steps := []struct {
		standing  string
		note      string
		code      string
		want      domain.Standing
		wantNote  string
		wantStamp bool
	}{
		{"Retracted", " The publisher withdrew it ", "", domain.StandingRetracted, "The publisher withdrew it", true},
		{"discredited", "Fabricated quotes", "", domain.StandingDiscredited, "Fabricated quotes", true},
		{"doubtful", "", domain.EINVALID, domain.StandingDiscredited, "Fabricated quotes", true},
		{"retracted", strings.Repeat("n", 2_001), domain.EINVALID, domain.StandingDiscredited, "Fabricated quotes", true},
		{"sound", "Reinstated after review", "", domain.StandingSound, "", false},
	}
	for _, st := range steps {
		err := s.SetSourceStanding(ctx, src.ID, domain.Standing(st.standing), st.note)
		if st.code != "" {
			wantCode(t, err, st.code)
		} else if err != nil {
			t.Fatalf("%s: %v", st.standing, err)
		}
		got, _ := s.Source(ctx, src.ID)
		if got.Standing != st.want || got.StandingNote != st.wantNote || (got.StandingAt != nil) != st.wantStamp {
			t.Fatalf("after %s: standing %q note %q at %v", st.standing, got.Standing, got.StandingNote, got.StandingAt)
		}
	}
	// Every standing set is kept, the reinstatement's note among them.
	var notes []string
	rows, err := s.rt().Query(`SELECT standing || ':' || note FROM source_standings WHERE source_id = ? ORDER BY id`, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		notes = append(notes, n)
	}
	rows.Close()
	if want := []string{"retracted:The publisher withdrew it", "discredited:Fabricated quotes", ":Reinstated after review"}; !slices.Equal(notes, want) {
		t.Fatalf("history %q, want %q", notes, want)
	}
	wantCode(t, s.SetSourceStanding(ctx, 999, domain.StandingRetracted, ""), domain.ENOTFOUND)
}

// Another window sees a standing set from the command line.
func TestSourceStandingIsSeenElsewhere(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	if _, err := s.ChangedElsewhere(ctx); err != nil {
		t.Fatal(err)
	}
	other, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.SetSourceStanding(ctx, src.ID, domain.StandingRetracted, "Withdrawn"); err != nil {
		t.Fatal(err)
	}
	if changed, err := changedWithin(ctx, s); err != nil || !changed {
		t.Fatalf("the standing went unseen: %v %v", changed, err)
	}
}

func TestSourceConcerns(t *testing.T) {
	ctx := context.Background()
	type setup func(s *Store, src *domain.Source)
	check := func(st domain.CheckStatus) setup {
		return func(s *Store, src *domain.Source) {
			if err := s.RecordSourceCheck(ctx, &domain.SourceCheck{SourceID: src.ID, Status: st}); err != nil {
				panic(err)
			}
		}
	}
	standing := func(st domain.Standing) setup {
		return func(s *Store, src *domain.Source) {
			if err := s.SetSourceStanding(ctx, src.ID, st, "why"); err != nil {
				panic(err)
			}
		}
	}
	trash := func(s *Store, src *domain.Source) {
		if err := s.TrashSource(ctx, src.ID, false); err != nil {
			panic(err)
		}
	}
	cases := []struct {
		name      string
		steps     []setup
		concerns  string // "" for none
		withCheck domain.CheckStatus
	}{
		{"never rechecked", nil, "", ""},
		{"unchanged", []setup{check(domain.CheckUnchanged)}, "", ""},
		{"changed", []setup{check(domain.CheckChanged)}, "changed", domain.CheckChanged},
		{"unavailable", []setup{check(domain.CheckUnavailable)}, "unavailable", domain.CheckUnavailable},
		{"changed, then found unchanged again", []setup{check(domain.CheckChanged), check(domain.CheckUnchanged)}, "", ""},
		{"retracted", []setup{standing(domain.StandingRetracted)}, "retracted", ""},
		{"discredited and changed", []setup{standing(domain.StandingDiscredited), check(domain.CheckChanged)}, "changed discredited", domain.CheckChanged},
		{"retracted, then sound again", []setup{standing(domain.StandingRetracted), standing(domain.StandingSound)}, "", ""},
		{"in the trash", []setup{standing(domain.StandingRetracted), trash}, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openTest(t)
			src := addSource(t, s, "Chips", chipsText)
			addSource(t, s, "5G", fiveGText) // never has a concern
			for _, step := range c.steps {
				step(s, src)
			}
			list, err := s.SourceConcerns(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c.concerns == "" {
				if len(list) != 0 {
					t.Fatalf("concerns %+v, want none", list[0])
				}
				return
			}
			if len(list) != 1 || list[0].SourceID != src.ID || list[0].Title != "Chips" {
				t.Fatalf("concerns %+v", list)
			}
			sc := list[0]
			var got []string
			for _, k := range sc.Concerns {
				got = append(got, string(k))
			}
			if strings.Join(got, " ") != c.concerns {
				t.Fatalf("concerns %v, want %s", got, c.concerns)
			}
			if (sc.Check == nil) != (c.withCheck == "") || (sc.Check != nil && sc.Check.Status != c.withCheck) {
				t.Fatalf("check %+v, want %q", sc.Check, c.withCheck)
			}
			if sc.At.IsZero() {
				t.Fatal("no time for the concern")
			}
			// The source read alone and in a listing carries the same concern.
			one, _ := s.Source(ctx, src.ID)
			listed, _ := s.Sources(ctx, domain.SourceFilter{Sort: "title"})
			if one.Concern == nil || !slices.Equal(one.Concern.Concerns, sc.Concerns) ||
				listed[0].Concern != nil || listed[1].Concern == nil || !slices.Equal(listed[1].Concern.Concerns, sc.Concerns) {
				t.Fatalf("source %+v, listing %+v %+v", one.Concern, listed[0].Concern, listed[1].Concern)
			}
		})
	}
}

// Location and previous version are kept on import; the standing is
// never set by an import or changed by an edit of the details.
func TestSourceLocationPreviousAndStandingPersist(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	old := addSource(t, s, "Chips", chipsText)
	src := &domain.Source{Title: "Chips, revised", Text: chipsText + "\n\nA revision.", Location: "/data/chips.txt",
		PreviousID: old.ID, Standing: domain.StandingRetracted, StandingNote: "given on import"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Source(ctx, src.ID)
	if got.Location != "/data/chips.txt" || got.PreviousID != old.ID || got.Standing != "" || got.StandingNote != "" {
		t.Fatalf("created %+v", got)
	}
	if err := s.SetSourceStanding(ctx, src.ID, domain.StandingDiscredited, "Fabricated"); err != nil {
		t.Fatal(err)
	}
	base, _ := s.Source(ctx, src.ID)
	edit, _ := s.Source(ctx, src.ID)
	edit.Title, edit.Location, edit.PreviousID, edit.Standing, edit.StandingNote = "Renamed", "/elsewhere", 0, "", ""
	if _, err := s.UpdateSource(ctx, base, edit); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Source(ctx, src.ID)
	if got.Title != "Renamed" || got.Location != "/data/chips.txt" || got.PreviousID != old.ID ||
		got.Standing != domain.StandingDiscredited || got.StandingNote != "Fabricated" {
		t.Fatalf("after an edit of the details: %+v", got)
	}
	listed, _ := s.Sources(ctx, domain.SourceFilter{})
	if l := listed[1]; l.Location != "/data/chips.txt" || l.PreviousID != old.ID || l.Standing != domain.StandingDiscredited || l.StandingAt == nil {
		t.Fatalf("listed %+v", l)
	}

	// The same text imported again from a file gains its location.
	pasted := addSource(t, s, "Pasted", fiveGText)
	again := &domain.Source{Title: "From a file", Text: fiveGText, Location: "/data/5g.txt"}
	if existing, err := s.CreateSource(ctx, again); err != nil || !existing || again.ID != pasted.ID || again.Location != "/data/5g.txt" {
		t.Fatalf("again: existing %v, %+v, %v", existing, again, err)
	}
	if got, _ := s.Source(ctx, pasted.ID); got.Location != "/data/5g.txt" {
		t.Fatalf("location %q", got.Location)
	}

	// Deleting the older version for good leaves the newer alone.
	if err := s.DeleteSource(ctx, old.ID, false); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Source(ctx, src.ID); err != nil || got.PreviousID != 0 {
		t.Fatalf("after the previous went: %+v, %v", got, err)
	}
}

func TestCreateSourceRefusesAPreviousVersionTheLibraryLacks(t *testing.T) {
	s := openTest(t)
	src := &domain.Source{Title: "Chips", Text: chipsText, PreviousID: 42}
	_, err := s.CreateSource(context.Background(), src)
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(domain.ErrorMessage(err), "source 42") {
		t.Fatalf("message %q", domain.ErrorMessage(err))
	}
	if list, _ := s.Sources(context.Background(), domain.SourceFilter{}); len(list) != 0 {
		t.Fatal("the refused source was stored")
	}
}

// riskFixture: source X (discredited) is quoted by A, linked as evidence
// by B, was quoted by a version of C, is quoted by D in the trash; E
// quotes only source Y, which is sound.
func TestBriefingsAtRisk(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	x := addSource(t, s, "X", chipsText)
	y := addSource(t, s, "Y", fiveGText)
	ex := addExcerpt(t, s, x.ID, "small yard")
	ex2 := addExcerpt(t, s, x.ID, "Export controls alone")
	ey := addExcerpt(t, s, y.ID, "cost billions")
	mk := func(title string, blocks ...*domain.Block) *domain.Briefing {
		b := &domain.Briefing{Title: title, Blocks: blocks}
		if err := s.CreateBriefing(ctx, b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	quote := func(id int64) *domain.Block { return &domain.Block{Type: domain.BlockExcerpt, ExcerptID: id} }
	judge := func(ids ...int64) *domain.Block {
		j := &domain.Block{Type: domain.BlockJudgment, Text: "J"}
		for _, id := range ids {
			j.Link(domain.Evidence{ExcerptID: id, Stance: domain.StanceSupports})
		}
		return j
	}
	if list, err := s.BriefingsAtRisk(ctx); err != nil || list == nil || len(list) != 0 {
		t.Fatalf("no concerns yet: %v, %v", list, err)
	}
	a := mk("A", quote(ex.ID))
	b := mk("B", quote(ey.ID), judge(ey.ID, ex2.ID))
	c := mk("C", quote(ex.ID))
	v, err := s.CreateSnapshot(ctx, c.ID, "Exported")
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := s.Briefing(ctx, c.ID)
	cc.Blocks = []*domain.Block{quote(ey.ID)}
	if err := saveBriefing(ctx, s, cc); err != nil {
		t.Fatal(err)
	}
	d := mk("D", quote(ex.ID))
	if _, err := s.CreateSnapshot(ctx, d.ID, "Kept"); err != nil {
		t.Fatal(err)
	}
	if err := s.TrashBriefing(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	mk("E", quote(ey.ID))
	// A version whose record is of a shape no version has: skipped, not a failure.
	insertSnapshotRow(t, s, a.ID, `{"format":3,"title":"odd","blocks":["x", {"excerpt":"y","evidence":[1]}]}`)

	if err := s.SetSourceStanding(ctx, x.ID, domain.StandingDiscredited, "Fabricated"); err != nil {
		t.Fatal(err)
	}
	list, err := s.BriefingsAtRisk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range list {
		line := fmt.Sprintf("%s now%v", r.Title, r.Sources)
		for _, vr := range r.Versions {
			line += fmt.Sprintf(" v%d%v", vr.SnapshotID, vr.Sources)
			if vr.Label == "" || vr.CreatedAt.IsZero() {
				t.Errorf("version %+v lacks its label or time", vr)
			}
		}
		got = append(got, line)
	}
	// Most recently edited first: C was saved after B was made.
	want := []string{
		fmt.Sprintf("C now[] v%d[%d]", v.ID, x.ID),
		fmt.Sprintf("B now[%d]", x.ID),
		fmt.Sprintf("A now[%d]", x.ID),
	}
	if !slices.Equal(got, want) {
		t.Fatalf("at risk\n%q\nwant\n%q", got, want)
	}
	if list[2].BriefingID != a.ID || list[1].BriefingID != b.ID {
		t.Fatalf("ids %d %d", list[2].BriefingID, list[1].BriefingID)
	}
}

// A version's evidence counts too, and a changed source is a concern as
// a standing is.
func TestBriefingsAtRiskReadsVersionsEvidence(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	v, err := s.CreateSnapshot(ctx, f.b.ID, "v1")
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Briefing(ctx, f.b.ID)
	cur.Blocks[1].Unlink(f.operators.ID)
	if err := saveBriefing(ctx, s, cur); err != nil {
		t.Fatal(err)
	}
	record(t, s, domain.SourceCheck{SourceID: f.operators.SourceID, Status: domain.CheckChanged})
	list, err := s.BriefingsAtRisk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || len(list[0].Sources) != 0 || len(list[0].Versions) != 1 || list[0].Versions[0].SnapshotID != v.ID ||
		!slices.Equal(list[0].Versions[0].Sources, []int64{f.operators.SourceID}) {
		t.Fatalf("at risk %+v", list)
	}
}

// A bundle carries the sources of evidence the body does not quote, after
// those it quotes, and the concerns of its sources.
func TestBundleCarriesEvidenceSourcesAndConcerns(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	f := newEvidenceFixture(t, s)
	if err := s.SetSourceStanding(ctx, f.operators.SourceID, domain.StandingRetracted, "Withdrawn"); err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func(context.Context, int64) (*domain.Bundle, error){
		"Bundle": s.Bundle, "BundleWithoutTexts": s.BundleWithoutTexts,
	} {
		bu, err := read(ctx, f.b.ID)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, src := range bu.Sources {
			titles = append(titles, src.Title)
		}
		if !slices.Equal(titles, []string{"Chips", "5G"}) {
			t.Fatalf("%s: sources %v", name, titles)
		}
		if len(bu.Concerns) != 1 || bu.Concerns[f.operators.SourceID] == nil ||
			!bu.Concerns[f.operators.SourceID].Has(domain.ConcernRetracted) || bu.Sources[1].Concern == nil {
			t.Fatalf("%s: concerns %v", name, bu.Concerns)
		}
		if ev := bu.Briefing.Blocks[1].Evidence; len(ev) != 2 || ev[0].Excerpt == nil || ev[0].Excerpt.SourceTitle != "5G" {
			t.Fatalf("%s: evidence %+v", name, ev)
		}
	}
}

func TestDismissals(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b := &domain.Briefing{Title: "Checked"}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	keys := func() string {
		list, err := s.Dismissals(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range list {
			out = append(out, d.Key+"="+d.Note)
		}
		return strings.Join(out, " ")
	}
	if keys() != "" {
		t.Fatal("dismissals in a new briefing")
	}
	steps := []struct {
		name string
		act  func() error
		code string
		want string
	}{
		{"dismiss", func() error {
			return s.Dismiss(ctx, &domain.Dismissal{BriefingID: b.ID, Key: "k1", Code: "no-scale", Words: "may well", Note: " House style "})
		}, "", "k1=House style"},
		{"another", func() error { return s.Dismiss(ctx, &domain.Dismissal{BriefingID: b.ID, Key: "k2"}) }, "", "k1=House style k2="},
		{"again replaces", func() error {
			return s.Dismiss(ctx, &domain.Dismissal{BriefingID: b.ID, Key: "k1", Note: "Quoted speech"})
		}, "", "k2= k1=Quoted speech"}, // listed by when dismissed
		{"no key", func() error { return s.Dismiss(ctx, &domain.Dismissal{BriefingID: b.ID, Key: " "}) }, domain.EINVALID, "k2= k1=Quoted speech"},
		{"a note too long", func() error {
			return s.Dismiss(ctx, &domain.Dismissal{BriefingID: b.ID, Key: "k3", Note: strings.Repeat("n", 2_001)})
		}, domain.EINVALID, "k2= k1=Quoted speech"},
		{"no such briefing", func() error { return s.Dismiss(ctx, &domain.Dismissal{BriefingID: 999, Key: "k"}) }, domain.ENOTFOUND, "k2= k1=Quoted speech"},
		{"undismiss", func() error { return s.Undismiss(ctx, b.ID, "k1") }, "", "k2="},
		{"undismiss what is not dismissed", func() error { return s.Undismiss(ctx, b.ID, "k1") }, domain.ENOTFOUND, "k2="},
	}
	for _, st := range steps {
		err := st.act()
		if st.code != "" {
			wantCode(t, err, st.code)
		} else if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := keys(); got != st.want {
			t.Fatalf("after %s: %q, want %q", st.name, got, st.want)
		}
	}
	if _, err := s.Dismissals(ctx, 999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("dismissals of no briefing: %v", err)
	}
	// Deleting the briefing for good takes its dismissals.
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	s.rt().QueryRow(`SELECT count(*) FROM finding_dismissals`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d dismissals outlived their briefing", n)
	}
}

// A location is kept byte for byte, as the file's name is: a control
// character or a name that is not UTF-8 does not refuse the import.
func TestSourceLocationIsKeptAsThePathIs(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for i, c := range []struct {
		loc  string
		code string
	}{
		{"/data/page\x1b[2J.html", ""},
		{"/data/caf\xe9.txt", ""},
		{"/data/a\x00b", domain.EINVALID},
		{"/" + strings.Repeat("d", 4_096), domain.EINVALID},
	} {
		src := &domain.Source{Title: "T", Text: fmt.Sprint("text ", i), Location: c.loc}
		_, err := s.CreateSource(ctx, src)
		if c.code != "" {
			wantCode(t, err, c.code)
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", c.loc, err)
		}
		if got, _ := s.Source(ctx, src.ID); got.Location != c.loc {
			t.Fatalf("location %q, want %q", got.Location, c.loc)
		}
	}
}
