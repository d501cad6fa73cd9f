package integrity

import (
	"fmt"
	"strings"
	"time"

	"github.com/attache/attache/domain"
)

// Check finds the basis problems of every key judgment in the bundle
// (whose Sources hold the sources of the judgments' evidence), in
// reading order. concerns, keyed by source ID, may be nil: b.Concerns
// is then used. The rules, one BasisCode each:
//
//   - no-evidence: nothing linked, or only contradicting evidence.
//   - single-source: high confidence and one source of support.
//   - low-grades: high confidence and no supporting excerpt graded at or
//     above both thresholds (an ungraded source or excerpt is below).
//   - one-publisher: two or more excerpts, every one from the same
//     publisher (a source without a publisher leaves the rule silent;
//     not said again when single-source already is).
//   - unaddressed: contradicting evidence with no note on its link, no
//     commentary block right after the judgment, and no commentary block
//     right after an excerpt block quoting it.
//   - stale-evidence: a judgment about the present (AboutThePresent)
//     with supporting evidence whose source was published (else
//     accessed) more than MaxAgeMonths before Now; undated sources are
//     not judged.
//   - source-concern: evidence on a source with a concern, once per
//     source.
func (r BasisRules) Check(b *domain.Bundle, concerns map[int64]*domain.SourceConcern) []BasisProblem {
	if b == nil || b.Briefing == nil {
		return nil
	}
	if concerns == nil {
		concerns = b.Concerns
	}
	r.Now = r.now(b.Briefing)
	var out []BasisProblem
	numbers := domain.JudgmentNumbers(b.Briefing.Blocks)
	for i, blk := range b.Briefing.Blocks {
		if numbers[i] == 0 {
			continue
		}
		j := &basisJudgment{r: r, b: b, blk: blk, index: i, name: JudgmentName(numbers[i], blk.Text), basis: BasisOf(blk, b)}
		out = append(out, j.problems(concerns)...)
	}
	return out
}

// now is the date judgments are about: Now, else the briefing's date,
// else today.
func (r BasisRules) now(br *domain.Briefing) time.Time {
	switch {
	case !r.Now.IsZero():
		return r.Now
	case !br.Date.IsZero():
		return br.Date.Time()
	}
	return time.Now()
}

// basisJudgment is one key judgment under the rules.
type basisJudgment struct {
	r     BasisRules
	b     *domain.Bundle
	blk   *domain.Block
	index int
	name  string
	basis Basis
}

func (j *basisJudgment) problem(code BasisCode, msg string) BasisProblem {
	return BasisProblem{Code: code, Block: j.blk.ID, Index: j.index, Message: msg}
}

func (j *basisJudgment) problems(concerns map[int64]*domain.SourceConcern) []BasisProblem {
	var out []BasisProblem
	if msg := j.noEvidence(); msg != "" {
		return []BasisProblem{j.problem(BasisNoEvidence, msg)}
	}
	single := j.singleSource()
	for _, c := range []struct {
		code BasisCode
		msg  string
	}{
		{BasisSingleSource, single},
		{BasisLowGrades, j.lowGrades()},
		{BasisOnePublisher, j.onePublisher(single != "")},
		{BasisUnaddressed, j.unaddressed()},
		{BasisStaleEvidence, j.stale()},
	} {
		if c.msg != "" {
			out = append(out, j.problem(c.code, c.msg))
		}
	}
	for _, msg := range j.concerns(concerns) {
		out = append(out, j.problem(BasisSourceConcern, msg))
	}
	return out
}

func (j *basisJudgment) noEvidence() string {
	switch {
	case len(j.blk.Evidence) == 0:
		return fmt.Sprintf("%s has no evidence linked: link the excerpts it rests on. %s.", j.name, HowToLink(j.blk.ID))
	case j.basis.Supporting == 0:
		return fmt.Sprintf("%s has only contradicting evidence linked (%s) and none supporting it: link the excerpts it rests on, or reconsider the judgment.", j.name, count(j.basis.Contradicting, "excerpt"))
	case j.basis.Supporting == j.basis.Deleted:
		return fmt.Sprintf("%s rests only on %s since deleted: link the excerpts it rests on now.", j.name, count(j.basis.Deleted, "excerpt"))
	}
	return ""
}

func (j *basisJudgment) high() bool { return j.blk.Confidence == domain.ConfidenceHigh }

// supporting is the judgment's supporting evidence.
func (j *basisJudgment) supporting() []domain.Evidence {
	var out []domain.Evidence
	for _, ev := range j.blk.Evidence {
		if ev.Stance != domain.StanceContradicts {
			out = append(out, ev)
		}
	}
	return out
}

func (j *basisJudgment) singleSource() string {
	if !j.high() || j.basis.Sources != 1 {
		return ""
	}
	var ev domain.Evidence
	for _, ev = range j.supporting() {
		if ev.Excerpt != nil {
			break
		}
	}
	return fmt.Sprintf("%s is held with high confidence but rests on one source, %s: corroborate it with another source, or lower the confidence.",
		j.name, j.sourceTitle(ev))
}

func (j *basisJudgment) sourceTitle(ev domain.Evidence) string {
	if s := sourceOf(j.b, ev.Excerpt); s != nil {
		return firstWords(s.Title)
	}
	if ev.Excerpt != nil && strings.TrimSpace(ev.Excerpt.SourceTitle) != "" {
		return firstWords(ev.Excerpt.SourceTitle)
	}
	if ev.Excerpt == nil {
		return "an excerpt since deleted"
	}
	return fmt.Sprintf("the source of excerpt %d", ev.ExcerptID)
}

// wellGraded says whether evidence is graded at or above both
// thresholds: reliability A is above B, credibility 1 above 2.
func (j *basisJudgment) wellGraded(ev domain.Evidence) bool {
	src := sourceOf(j.b, ev.Excerpt)
	if src == nil || src.Reliability == domain.ReliabilityUngraded || ev.Excerpt.Credibility <= 0 {
		return false
	}
	min := j.r.MinReliability
	if min == domain.ReliabilityUngraded {
		min = domain.ReliabilityF
	}
	okR := src.Reliability <= min // "A" < "B": letters sort as grades do
	okC := j.r.MinCredibility <= 0 || ev.Excerpt.Credibility <= j.r.MinCredibility
	return okR && okC
}

func (j *basisJudgment) lowGrades() string {
	if !j.high() || len(j.basis.Grades) == 0 {
		return ""
	}
	for _, ev := range j.supporting() {
		if j.wellGraded(ev) {
			return ""
		}
	}
	t := j.r.threshold()
	return fmt.Sprintf("%s is held with high confidence but rests only on evidence graded below %s (%s): add evidence graded %s or better, or lower the confidence.",
		j.name, t, strings.Join(j.basis.Grades, ", "), t)
}

// threshold is the thresholds as printed, "B/2".
func (r BasisRules) threshold() string {
	rel, cred := string(r.MinReliability), "?"
	if rel == "" {
		rel = "F"
	}
	if r.MinCredibility > 0 {
		cred = fmt.Sprint(int(r.MinCredibility))
	} else {
		cred = "6"
	}
	return rel + "/" + cred
}

func (j *basisJudgment) onePublisher(singleSaid bool) string {
	if len(j.blk.Evidence) < 2 || singleSaid {
		return ""
	}
	pub := ""
	for _, ev := range j.blk.Evidence {
		src := sourceOf(j.b, ev.Excerpt)
		if src == nil || strings.TrimSpace(src.Publisher) == "" {
			return "" // cannot tell
		}
		p := strings.Join(strings.Fields(src.Publisher), " ")
		switch {
		case pub == "":
			pub = p
		case !strings.EqualFold(pub, p):
			return ""
		}
	}
	return fmt.Sprintf("%s rests on one publisher: all %d excerpts linked to it come from %s; add evidence from another publisher.",
		j.name, len(j.blk.Evidence), pub)
}

// unaddressed lists the contradicting evidence no commentary addresses:
// a note on the link, a commentary block right after the judgment, or
// one right after an excerpt block quoting the excerpt address it.
func (j *basisJudgment) unaddressed() string {
	blocks := j.b.Briefing.Blocks
	if commentaryAfter(blocks, j.index) {
		return ""
	}
	var quotes []string
	for _, ev := range j.blk.Evidence {
		if ev.Stance != domain.StanceContradicts || strings.TrimSpace(ev.Note) != "" || quotedAndDiscussed(blocks, ev.ExcerptID) {
			continue
		}
		quotes = append(quotes, j.excerptName(ev))
	}
	if len(quotes) == 0 {
		return ""
	}
	return fmt.Sprintf("%s has contradicting evidence nothing addresses (%s): say why it does not overturn the judgment in the link's note, or in commentary right after the judgment or the quoted excerpt.",
		j.name, strings.Join(quotes, "; "))
}

func (j *basisJudgment) excerptName(ev domain.Evidence) string {
	if ev.Excerpt != nil && strings.TrimSpace(ev.Excerpt.Quote) != "" {
		return firstWords(ev.Excerpt.Quote)
	}
	return fmt.Sprintf("excerpt %d", ev.ExcerptID)
}

func commentaryAfter(blocks []*domain.Block, i int) bool {
	return i+1 < len(blocks) && blocks[i+1].Type == domain.BlockCommentary && strings.TrimSpace(blocks[i+1].Text) != ""
}

func quotedAndDiscussed(blocks []*domain.Block, excerptID int64) bool {
	for i, blk := range blocks {
		if blk.Type == domain.BlockExcerpt && blk.ExcerptID == excerptID && commentaryAfter(blocks, i) {
			return true
		}
	}
	return false
}
