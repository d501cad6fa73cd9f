package store

import (
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// wantRefusal fails unless err is EINVALID and its message holds every
// part.
func wantRefusal(t *testing.T, what string, err error, parts ...string) {
	t.Helper()
	if domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("%s: %v (code %q), want a refusal", what, err, domain.ErrorCode(err))
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Fatalf("%s: %q does not say %q", what, err.Error(), p)
		}
	}
}

// An excerpt marked under another scheme than the briefing's is refused
// by every way a block gets into a briefing; unmarked ones go anywhere.
func TestExcerptsOfAnotherSchemeAreRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	secret := &domain.Excerpt{SourceID: src.ID, Quote: "small yard", Marking: "S"}
	if err := s.CreateExcerpt(ctx, secret); err != nil {
		t.Fatal(err)
	}
	plain := addExcerpt(t, s, src.ID, "Export controls alone")
	uk := &domain.Briefing{Title: "UK view", Scheme: domain.SchemeUK}
	if err := s.CreateBriefing(ctx, uk); err != nil {
		t.Fatal(err)
	}
	// Both schemes named, with the UK scheme's marks.
	parts := []string{"SECRET is a US marking", "this briefing uses UK markings", "OFFICIAL"}

	err := s.AddBlock(ctx, uk.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: secret.ID}, -1)
	wantRefusal(t, "AddBlock", err, append(parts, "block 1 (excerpt "+itoa(secret.ID)+")")...)
	// ... and how out: the source and excerpt marked anew, or the
	// briefing given their scheme.
	wantRefusal(t, "AddBlock's way out", err, "To quote it, mark its source under the UK scheme (`attache source edit "+itoa(src.ID)+" --scheme uk --marking …`)",
		"`attache excerpt edit "+itoa(secret.ID)+" --marking …`", "`attache briefing edit "+itoa(uk.ID)+" --scheme us --marking …`")
	if err := s.AddBlock(ctx, uk.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: plain.ID}, -1); err != nil {
		t.Fatalf("an unmarked excerpt: %v", err)
	}
	b, _ := s.Briefing(ctx, uk.ID)
	err = s.UpdateBlock(ctx, &domain.Block{ID: b.Blocks[0].ID, Type: domain.BlockExcerpt, ExcerptID: secret.ID})
	wantRefusal(t, "UpdateBlock", err, parts...)

	base, _ := s.Briefing(ctx, uk.ID)
	mine := base.Clone()
	mine.Blocks = append(mine.Blocks, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: secret.ID})
	_, err = s.SaveBriefing(ctx, base, mine)
	wantRefusal(t, "SaveBriefing", err, append(parts, "block 2")...)

	err = s.CreateBriefing(ctx, &domain.Briefing{Title: "New", Scheme: domain.SchemeUK,
		Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: secret.ID}}})
	wantRefusal(t, "CreateBriefing", err, parts...)

	if got, _ := s.Briefing(ctx, uk.ID); len(got.Blocks) != 1 || got.Blocks[0].ExcerptID != plain.ID {
		t.Fatalf("the refusals changed the briefing: %+v", got.Blocks)
	}
	if list, _ := s.Briefings(ctx, domain.BriefingFilter{}); len(list) != 1 {
		t.Fatalf("%d briefings after a refused create", len(list))
	}

	// A block admitted before is not read again: the excerpt marked
	// since never blocks saving the rest of the briefing.
	plain.Marking = "TS"
	if _, err := s.UpdateExcerpt(ctx, nil, plain); err != nil {
		t.Fatal(err)
	}
	base, _ = s.Briefing(ctx, uk.ID)
	mine = base.Clone()
	mine.Summary = "Typed here"
	if _, err := s.SaveBriefing(ctx, base, mine); err != nil {
		t.Fatalf("saving the summary: %v", err)
	}
	if err := s.AddBlock(ctx, uk.ID, &domain.Block{Type: domain.BlockHeading, Text: "H"}, 0); err != nil {
		t.Fatalf("adding a heading: %v", err)
	}
	// A scheme change reads them all again.
	base, _ = s.Briefing(ctx, uk.ID)
	mine = base.Clone()
	mine.Scheme = domain.SchemeAU
	_, err = s.SaveBriefing(ctx, base, mine)
	wantRefusal(t, "SaveBriefing to another scheme", err, "TOP SECRET is a US marking", "Australian")
}

func TestImportRefusesExcerptsOfAnotherScheme(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	bundle := func(scheme domain.SchemeID, marking domain.Marking) *domain.Bundle {
		src := &domain.Source{ID: 1, Kind: domain.KindArticle, Title: "Chips", Text: chipsText}
		e := &domain.Excerpt{SourceID: 1, Quote: "small yard", Marking: marking}
		return &domain.Bundle{Sources: []*domain.Source{src}, Briefing: &domain.Briefing{Title: "Imported", Scheme: scheme,
			Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "H"}, {Type: domain.BlockExcerpt, Excerpt: e}}}}
	}
	before := countLibrary(t, s)
	_, err := s.ImportBundle(ctx, bundle(domain.SchemeUK, "S"))
	wantRefusal(t, "ImportBundle", err, "block 2", "SECRET is a US marking", "UK markings")
	if after := countLibrary(t, s); after != before {
		t.Fatalf("the refused import changed the library:\n%+v\n%+v", before, after)
	}
	b, err := s.ImportBundle(ctx, bundle(domain.SchemeUK, "uk:OS"))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if got.Scheme != domain.SchemeUK || got.Blocks[1].Excerpt.Marking != "uk:OS" {
		t.Fatalf("imported %+v, excerpt %+v", got, got.Blocks[1].Excerpt)
	}
	// The same span and mark again reuses the library's excerpt, which is
	// UK marked: a US file quoting it is refused ...
	_, err = s.ImportBundle(ctx, bundle(domain.SchemeUS, "uk:OS"))
	wantRefusal(t, "ImportBundle reusing a UK excerpt", err, "OFFICIAL-SENSITIVE is a UK marking", "US markings")
	// ... and so is a file of the scheme of no markings.
	_, err = s.ImportBundle(ctx, bundle(domain.SchemeNone, "uk:OS"))
	wantRefusal(t, "ImportBundle of no scheme reusing a UK excerpt", err, "OFFICIAL-SENSITIVE is a UK marking", "no markings")
	// A file marking the span otherwise has its own excerpt, as marked.
	us, err := s.ImportBundle(ctx, bundle(domain.SchemeUS, "S"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, us.ID); got.Blocks[1].ExcerptID == b.Blocks[1].ExcerptID || got.Blocks[1].Excerpt.Marking != "S" {
		t.Fatalf("a US file's excerpt of the span came back as %+v", got.Blocks[1].Excerpt)
	}
	// A file naming no scheme was written before schemes: US when marked.
	unmarked := bundle("", "")
	unmarked.Briefing.Blocks = unmarked.Briefing.Blocks[:1]
	old, err := s.ImportBundle(ctx, unmarked)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, old.ID); got.Scheme != domain.SchemeNone {
		t.Fatalf("an unmarked file of no scheme got %q", got.Scheme)
	}
	legacy := bundle("", "")
	legacy.Briefing.Classification = "S"
	legacy.Briefing.Blocks = legacy.Briefing.Blocks[:1]
	b, err = s.ImportBundle(ctx, legacy)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, b.ID); got.Scheme != domain.SchemeUS {
		t.Fatalf("a marked file of no scheme got %q, want us", got.Scheme)
	}
}

// An excerpt takes its source's marking, and is marked below it only with
// a reason, which the marking history keeps.
func TestExcerptsBelowTheirSourceNeedAReason(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "Cable", Text: chipsText, Marking: "S//NOFORN"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	taken := addExcerpt(t, s, src.ID, "small yard")
	if taken.Marking != "S//NOFORN" {
		t.Fatalf("an excerpt given no marking is marked %q, want its source's", taken.Marking)
	}
	if got, _ := s.Excerpt(ctx, taken.ID); got.Marking != "S//NOFORN" {
		t.Fatalf("stored %q", got.Marking)
	}

	low := &domain.Excerpt{SourceID: src.ID, Quote: "Export controls alone", Marking: "U"}
	err := s.CreateExcerpt(ctx, low)
	want := "the excerpt is marked (U), below its source's (S//NF): give a reason to mark it lower (--marking-reason in the command line, the excerpt form's Reason field)"
	if domain.ErrorCode(err) != domain.EINVALID || domain.ErrorMessage(err) != want {
		t.Fatalf("CreateExcerpt below the source = %v, want %q", err, want)
	}
	// Fewer restrictive caveats is below too.
	low.Marking = "S"
	wantRefusal(t, "without NOFORN", s.CreateExcerpt(ctx, low), "is marked (S) but lacks NOFORN, which its source's (S//NF) carries")
	// A higher level without it lacks it too: never "below" (trial 14,
	// finding 16).
	low.Marking = "TS"
	err = s.CreateExcerpt(ctx, low)
	wantRefusal(t, "TOP SECRET without NOFORN", err, "is marked (TS) but lacks NOFORN, which its source's (S//NF) carries")
	if strings.Contains(err.Error(), "below") {
		t.Fatalf("(TS) is not below (S//NF): %v", err)
	}
	if list, _ := s.Excerpts(ctx, domain.ExcerptFilter{}); len(list) != 1 {
		t.Fatalf("%d excerpts after refusals", len(list))
	}
	low.Marking, low.MarkingReason = "U", "  Published in the press release  "
	if err := s.CreateExcerpt(ctx, low); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, low.ID); got.Marking != "U" || got.MarkingReason != "Published in the press release" {
		t.Fatalf("stored %q, reason %q", got.Marking, got.MarkingReason)
	}

	// Above the source needs no reason, and keeps none.
	high := &domain.Excerpt{SourceID: src.ID, Quote: "Allies’ firms worried", Marking: "TS//NOFORN", MarkingReason: "stale"}
	if err := s.CreateExcerpt(ctx, high); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, high.ID); got.MarkingReason != "" {
		t.Fatalf("a marking above the source kept the reason %q", got.MarkingReason)
	}

	// Lowering a stored excerpt: refused without a reason, logged with one.
	taken.Marking = "C"
	_, err = s.UpdateExcerpt(ctx, nil, taken)
	wantRefusal(t, "UpdateExcerpt", err, "excerpt "+itoa(taken.ID)+" is marked (C), below its source's (S//NF): give a reason")
	taken.Marking = ""
	_, err = s.UpdateExcerpt(ctx, nil, taken)
	wantRefusal(t, "UpdateExcerpt unmarking", err, "excerpt "+itoa(taken.ID)+" is unmarked, below its source's (S//NF)")
	base, _ := s.Excerpt(ctx, taken.ID)
	form := base.Clone()
	form.Marking, form.MarkingReason = "C", "Paraphrased; no source detail"
	if _, err := s.UpdateExcerpt(ctx, base, form); err != nil {
		t.Fatal(err)
	}
	// A note edited later saves, the reason kept.
	form.Note = "Checked"
	if _, err := s.UpdateExcerpt(ctx, nil, form); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, taken.ID); got.Marking != "C" || got.Note != "Checked" || got.MarkingReason != "Paraphrased; no source detail" {
		t.Fatalf("after the edits: %+v", got)
	}

	hist, err := s.MarkingHistory(ctx, taken.ID)
	if err != nil || len(hist) != 1 {
		t.Fatalf("history %+v, %v", hist, err)
	}
	h := hist[0]
	if h.ExcerptID != taken.ID || h.From != "S//NOFORN" || h.To != "C" || h.Source != "S//NOFORN" ||
		h.Reason != "Paraphrased; no source detail" || h.At.IsZero() {
		t.Fatalf("history entry %+v", h)
	}
	if hist, _ := s.MarkingHistory(ctx, low.ID); len(hist) != 1 || hist[0].From != "" || hist[0].To != "U" || hist[0].Reason != "Published in the press release" {
		t.Fatalf("history of the excerpt created low: %+v", hist)
	}
	if hist, _ := s.MarkingHistory(ctx, high.ID); len(hist) != 0 {
		t.Fatalf("history of an excerpt above its source: %+v", hist)
	}
	// Raised back to the source's level: the reason goes, the history stays.
	form.Marking = "S//NOFORN"
	if _, err := s.UpdateExcerpt(ctx, nil, form); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Excerpt(ctx, taken.ID); got.MarkingReason != "" {
		t.Fatalf("the reason %q stayed with the source's own marking", got.MarkingReason)
	}
	form.Marking, form.MarkingReason = "U", "Declassified paragraph"
	if _, err := s.UpdateExcerpt(ctx, nil, form); err != nil {
		t.Fatal(err)
	}
	if hist, _ := s.MarkingHistory(ctx, taken.ID); len(hist) != 2 || hist[1].From != "S//NOFORN" || hist[1].To != "U" || hist[1].Reason != "Declassified paragraph" {
		t.Fatalf("history after the second lowering: %+v", hist)
	}

	_, err = s.MarkingHistory(ctx, 999)
	wantCode(t, err, domain.ENOTFOUND)
	// The history goes with the excerpt.
	if err := s.DeleteExcerpt(ctx, taken.ID, false); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.rt().QueryRow(`SELECT count(*) FROM marking_log WHERE excerpt_id = ?`, taken.ID).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d history rows left of a deleted excerpt (%v)", n, err)
	}
}

func TestExcerptOfASourceMarkedUnderAnotherSchemeIsRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "Whitehall", Text: chipsText, Marking: "uk:OS"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	e := &domain.Excerpt{SourceID: src.ID, Quote: "small yard", Marking: "S", MarkingReason: "any"}
	wantRefusal(t, "CreateExcerpt", s.CreateExcerpt(ctx, e),
		"the excerpt is marked SECRET, a US marking, and its source is marked OFFICIAL-SENSITIVE, a UK one", "UK scheme")
	e.Marking = "uk:S"
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	e.Marking = "TS"
	_, err := s.UpdateExcerpt(ctx, nil, e)
	wantRefusal(t, "UpdateExcerpt", err, "excerpt "+itoa(e.ID)+" is marked TOP SECRET, a US marking", "a UK one")
}

// A source marked higher after its excerpts were cut never blocks editing
// them; only a new marking is held to it.
func TestSourceMarkedLaterDoesNotBlockExcerptEdits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := &domain.Excerpt{SourceID: src.ID, Quote: "small yard", Marking: "U"}
	if err := s.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	src.Marking = "S"
	if _, err := s.UpdateSource(ctx, nil, src); err != nil {
		t.Fatal(err)
	}
	e.Note, e.Tags = "still fine", []string{"chips"}
	if _, err := s.UpdateExcerpt(ctx, nil, e); err != nil {
		t.Fatalf("editing the note: %v", err)
	}
	e.Marking = "C"
	_, err := s.UpdateExcerpt(ctx, nil, e)
	wantRefusal(t, "a new marking", err, "below its source's (S)")
}

// An imported excerpt follows the same rules as one cut here: it takes
// the source's marking, and goes below it only with the file's reason.
func TestImportedExcerptsFollowTheirSourcesMarking(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	file := func(marking domain.Marking, reason string) *domain.Bundle {
		src := &domain.Source{ID: 1, Kind: domain.KindArticle, Title: "Chips", Text: chipsText, Marking: "C"}
		e := &domain.Excerpt{SourceID: 1, Quote: "small yard", Marking: marking, MarkingReason: reason}
		return &domain.Bundle{Sources: []*domain.Source{src}, Briefing: &domain.Briefing{Title: "Imported", Scheme: domain.SchemeUS,
			Blocks: []*domain.Block{{Type: domain.BlockExcerpt, Excerpt: e}}}}
	}
	_, err := s.ImportBundle(ctx, file("U", ""))
	wantRefusal(t, "ImportBundle", err, "block 1 (excerpt): the excerpt is marked (U), below its source's (C)")
	b, err := s.ImportBundle(ctx, file("U", "Released"))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	ex := got.Blocks[0].Excerpt
	if ex.Marking != "U" || ex.MarkingReason != "Released" {
		t.Fatalf("imported excerpt %+v", ex)
	}
	if src, _ := s.Source(ctx, ex.SourceID); src.Marking != "C" {
		t.Fatalf("imported source marked %q", src.Marking)
	}
	if hist, _ := s.MarkingHistory(ctx, ex.ID); len(hist) != 1 || hist[0].Reason != "Released" {
		t.Fatalf("history %+v", hist)
	}
}

// A copy of a briefing is not refused for an excerpt marked under another
// scheme since it was admitted: the copy is what the original is.
func TestDuplicateIsNotBlockedByExcerptsMarkedSince(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard")
	b := &domain.Briefing{Title: "UK view", Scheme: domain.SchemeUK, Blocks: []*domain.Block{{Type: domain.BlockExcerpt, ExcerptID: e.ID}}}
	if err := s.CreateBriefing(ctx, b); err != nil {
		t.Fatal(err)
	}
	e.Marking = "TS"
	if _, err := s.UpdateExcerpt(ctx, nil, e); err != nil {
		t.Fatal(err)
	}
	dup, err := s.DuplicateBriefing(ctx, b.ID)
	if err != nil || dup.Scheme != domain.SchemeUK || len(dup.Blocks) != 1 {
		t.Fatalf("DuplicateBriefing = %+v, %v", dup, err)
	}
}

// belowSource names how an excerpt's mark falls short of its source's:
// a lower level, a restrictive caveat left off, or a wider release.
func TestBelowSourceSaysHow(t *testing.T) {
	us := domain.SchemeOf(domain.SchemeUS)
	for _, c := range []struct{ excerpt, source, want, fix string }{
		{"C", "S//NOFORN", ", below its source's (S//NF)", "give a reason to mark it lower"},
		{"TS", "S//NOFORN", " but lacks NOFORN, which its source's (S//NF) carries", "add NOFORN to its marking, or give a reason to leave it off"},
		{"S//REL TO USA, GBR, FRA", "S//REL TO USA, GBR", " but is releasable more widely than its source's (S//REL TO USA, GBR)",
			"release it as its source is, or give a reason to release it more widely"},
	} {
		em, err := us.Parse(c.excerpt)
		if err != nil {
			t.Fatal(err)
		}
		sm, err := us.Parse(c.source)
		if err != nil {
			t.Fatal(err)
		}
		if got, fix := belowSource(em, sm); got != c.want || fix != c.fix {
			t.Errorf("%s under %s: %q, %q, want %q, %q", c.excerpt, c.source, got, fix, c.want, c.fix)
		}
	}
}
