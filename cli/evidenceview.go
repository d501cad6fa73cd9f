package cli

import (
	"context"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

func (a *cliApp) evidenceCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "evidence ID",
		Short: "List a briefing's key judgments with the evidence linked to each",
		Long: `List a briefing's key judgments in reading order, numbered as exports
number them ("Key judgment 2") and with their block ids, each with the excerpts
linked to it: whether each supports or contradicts it, its source, the
source's publisher and reliability (A–F), the excerpt's credibility (1–6),
the source's date, the note on the link and any concern about the source
(changed, unavailable, retracted, discredited). Judgments with no
supporting evidence are marked.`,
		Args: exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			br, err := a.briefingArg(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			view, err := a.evidenceView(cmd.Context(), br)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, view)
			}
			printEvidence(a, view)
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// jsonEvidenceView is `briefing evidence --json`.
type jsonEvidenceView struct {
	Briefing  int64          `json:"briefing"`
	Title     string         `json:"title"`
	Judgments []jsonJudgment `json:"judgments"`
}

type jsonJudgment struct {
	Block int64 `json:"block"`
	Index int   `json:"index"` // its place in the briefing, from 0
	// Number is the key judgment's number as exports print it, "Key
	// judgment 2": counting key judgments only, from 1.
	Number     int    `json:"number"`
	Text       string `json:"text"`
	Confidence string `json:"confidence"`
	// Supported: at least one excerpt supports the judgment.
	Supported bool           `json:"supported"`
	Evidence  []jsonEvidence `json:"evidence"`
}

type jsonEvidence struct {
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
}

// evidenceView resolves each judgment's links to their excerpts and
// sources, each read once.
func (a *cliApp) evidenceView(ctx context.Context, br *domain.Briefing) (*jsonEvidenceView, error) {
	sources := map[int64]*domain.Source{}
	source := func(id int64) (*domain.Source, error) {
		if s, ok := sources[id]; ok {
			return s, nil
		}
		s, err := a.store.Source(ctx, id)
		if err != nil {
			return nil, err
		}
		sources[id] = s
		return s, nil
	}
	view := &jsonEvidenceView{Briefing: br.ID, Title: br.Title, Judgments: []jsonJudgment{}}
	numbers := domain.JudgmentNumbers(br.Blocks)
	for i, blk := range br.Blocks {
		if numbers[i] == 0 {
			continue
		}
		j := jsonJudgment{Block: blk.ID, Index: i, Number: numbers[i], Text: blk.Text, Confidence: string(blk.Confidence), Evidence: []jsonEvidence{}}
		for _, ev := range blk.Evidence {
			e := ev.Excerpt
			if e == nil {
				var err error
				if e, err = a.store.Excerpt(ctx, ev.ExcerptID); err != nil {
					return nil, err
				}
			}
			s, err := source(e.SourceID)
			if err != nil {
				return nil, err
			}
			j.Evidence = append(j.Evidence, evidenceOut(ev, e, s))
			j.Supported = j.Supported || ev.Stance == domain.StanceSupports
		}
		view.Judgments = append(view.Judgments, j)
	}
	return view, nil
}

func evidenceOut(ev domain.Evidence, e *domain.Excerpt, s *domain.Source) jsonEvidence {
	out := jsonEvidence{Excerpt: e.ID, Stance: string(ev.Stance), Quote: e.Quote, Source: s.ID, SourceTitle: s.Title,
		Publisher: s.Publisher, Reliability: string(s.Reliability), Credibility: int(e.Credibility),
		Published: s.Published.String(), Note: ev.Note, Concerns: concernsOut(s.Concern)}
	return out
}

// concernsOut lists a source's concerns; [] when it has none.
func concernsOut(c *domain.SourceConcern) []string {
	out := []string{}
	if c == nil {
		return out
	}
	for _, k := range c.Concerns {
		out = append(out, string(k))
	}
	return out
}

func printEvidence(a *cliApp, v *jsonEvidenceView) {
	w := a.env.Stdout
	printf(w, "Evidence of briefing %d: %s\n", v.Briefing, v.Title)
	if len(v.Judgments) == 0 {
		printf(w, "\n(no key judgments: add them with `attache briefing add %d --judgment TEXT`)\n", v.Briefing)
		return
	}
	for _, j := range v.Judgments {
		conf := ""
		if j.Confidence != "" {
			conf = " (" + j.Confidence + " confidence)"
		}
		printf(w, "\n%d. [block %d]%s %s\n", j.Number, j.Block, conf, clip(j.Text, 100))
		if !j.Supported {
			printf(w, "   ! NO SUPPORTING EVIDENCE: link some with `attache briefing link %d --supports EXCERPT`\n", j.Block)
		}
		for _, e := range j.Evidence {
			grade := gradeOf(e.Reliability, e.Credibility)
			printf(w, "   %-11s excerpt %d “%s” — %s", e.Stance, e.Excerpt, clip(e.Quote, 60), clip(e.SourceTitle, 40))
			if e.Publisher != "" {
				printf(w, " (%s)", clip(e.Publisher, 30))
			}
			printf(w, ", %s, %s", grade, orDash(e.Published))
			if len(e.Concerns) > 0 {
				printf(w, " ! source %s", joinTags(e.Concerns))
			}
			printf(w, "\n")
			if e.Note != "" {
				printf(w, "               note: %s\n", clip(e.Note, 100))
			}
		}
	}
}

// gradeOf is an excerpt's Admiralty grade as the basis line prints it,
// "B2", with "?" for a grade not given: "?2", "B?".
func gradeOf(r string, c int) string {
	if r == "" {
		r = "?"
	}
	if c <= 0 {
		return r + "?"
	}
	return r + itoa(int64(c))
}
