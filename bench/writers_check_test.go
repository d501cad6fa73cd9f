package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// The soak's checks: the library read back through `attache … --json`,
// against the claims the writers made.

type finalSource struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	SHA256 string `json:"sha256"`
}

type finalExcerpt struct {
	ID     int64    `json:"id"`
	Source int64    `json:"source"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Quote  string   `json:"quote"`
	Note   string   `json:"note"`
	Tags   []string `json:"tags"`
}

type finalTag struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type finalBriefing struct {
	ID      int64  `json:"id"`
	Summary string `json:"summary"`
	Blocks  []struct {
		ID       int64  `json:"id"`
		Type     string `json:"type"`
		Text     string `json:"text"`
		Marking  string `json:"marking"`
		Evidence []struct {
			Excerpt int64  `json:"excerpt"`
			Stance  string `json:"stance"`
			Note    string `json:"note"`
		} `json:"evidence"`
	} `json:"blocks"`
}

// soakProblems are the checks' findings, by kind.
type soakProblems struct {
	lost, duplicated, phantom, unreported, other []string
}

func (p *soakProblems) all() []string {
	var out []string
	for _, g := range []struct {
		name string
		list []string
	}{{"lost write", p.lost}, {"duplicated write", p.duplicated}, {"phantom write", p.phantom},
		{"refusal not reported", p.unreported}, {"other", p.other}} {
		for _, s := range g.list {
			out = append(out, g.name+": "+s)
		}
	}
	return out
}

func describe(r *soakRecord) string {
	if r == nil {
		return "seed"
	}
	return fmt.Sprintf("%s %s (exit %d, %s, %s)", r.Writer, strings.Join(r.Args, " "), r.Exit, r.Outcome,
		strings.TrimSpace(firstLine(r.Stderr)))
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// readJSON runs a listing command and decodes its output into v.
func readJSON(t *testing.T, ctx context.Context, env *soakEnv, v any, args ...string) {
	t.Helper()
	r := env.run(ctx, "check", "check", append(args, "--json")...)
	if r.Exit != 0 {
		t.Fatalf("attache %s: exit %d\n%s", strings.Join(args, " "), r.Exit, r.Stderr)
	}
	if err := json.Unmarshal([]byte(r.Stdout), v); err != nil {
		t.Fatalf("attache %s --json: %v", strings.Join(args, " "), err)
	}
}

// verifySoak reads the library back and checks every claim.
func verifySoak(t *testing.T, ctx context.Context, env *soakEnv) *soakProblems {
	var srcs []finalSource
	var excs []finalExcerpt
	var tags []finalTag
	readJSON(t, ctx, env, &srcs, "sources")
	readJSON(t, ctx, env, &excs, "excerpts")
	readJSON(t, ctx, env, &tags, "tags")
	brs := map[int64]*finalBriefing{}
	for _, id := range env.Shared.Briefings {
		var b finalBriefing
		readJSON(t, ctx, env, &b, "briefing", "show", itoa(id))
		brs[id] = &b
	}
	p := &soakProblems{}
	env.mu.Lock()
	defer env.mu.Unlock()

	// Every command that failed said why, on standard error.
	for _, r := range env.records {
		if r.Exit != 0 && !strings.Contains(r.Stderr, "attache: ") {
			p.unreported = append(p.unreported, describe(r)+": no message")
		}
		if r.Outcome == outError && r.Writer != "check" {
			p.other = append(p.other, "command failed: "+describe(r))
		}
	}

	// Sources: by title, which each import made unique.
	byTitle, bySHA := map[string][]finalSource{}, map[string]int{}
	for _, s := range srcs {
		byTitle[s.Title] = append(byTitle[s.Title], s)
		bySHA[s.SHA256]++
	}
	want := 0
	for _, c := range env.sources {
		got := byTitle[c.Title]
		switch {
		case c.Want && len(got) == 0:
			p.lost = append(p.lost, fmt.Sprintf("source %q: %s", c.Title, describe(c.Rec)))
		case c.Want && len(got) > 1:
			p.duplicated = append(p.duplicated, fmt.Sprintf("source %q is there %d times", c.Title, len(got)))
		case c.Want && got[0].ID != c.ID:
			p.other = append(p.other, fmt.Sprintf("source %q is %d, the command said %d", c.Title, got[0].ID, c.ID))
		case !c.Want && len(got) > 0:
			p.phantom = append(p.phantom, fmt.Sprintf("source %q: %s", c.Title, describe(c.Rec)))
		}
		if c.Want {
			want++
		}
	}
	for sha, n := range bySHA {
		if n > 1 {
			p.duplicated = append(p.duplicated, fmt.Sprintf("text %s… is in %d sources", sha[:12], n))
		}
	}
	if len(srcs) != want {
		p.other = append(p.other, fmt.Sprintf("%d sources, %d saved", len(srcs), want))
	}

	// Excerpts: by id, and by note, which each cut made unique.
	byID, byNote, bySpan := map[int64]finalExcerpt{}, map[string]int{}, map[string]int{}
	for _, e := range excs {
		byID[e.ID] = e
		byNote[e.Note]++
		bySpan[fmt.Sprintf("%d:%d-%d %q", e.Source, e.Start, e.End, e.Note)]++
	}
	want = 0
	for _, c := range env.excerpts {
		if !c.Want {
			if byNote[c.Note] > 0 {
				p.phantom = append(p.phantom, fmt.Sprintf("excerpt %q: %s", c.Note, describe(c.Rec)))
			}
			continue
		}
		want++
		e, ok := byID[c.ID]
		switch {
		case !ok:
			p.lost = append(p.lost, fmt.Sprintf("excerpt %d %q: %s", c.ID, c.Note, describe(c.Rec)))
			continue
		case c.Note != "" && byNote[c.Note] > 1:
			p.duplicated = append(p.duplicated, fmt.Sprintf("excerpt %q is there %d times", c.Note, byNote[c.Note]))
		case c.Note != "" && e.Note != c.Note:
			p.lost = append(p.lost, fmt.Sprintf("excerpt %d has note %q, want %q", c.ID, e.Note, c.Note))
		case e.Source != c.Source || e.Quote != c.Quote:
			p.other = append(p.other, fmt.Sprintf("excerpt %d is %d %q, want %d %q", c.ID, e.Source, e.Quote, c.Source, c.Quote))
		}
		got := slices.Clone(e.Tags)
		slices.Sort(got)
		wantTags := slices.Clone(c.TagsWant)
		slices.Sort(wantTags)
		if !slices.Equal(got, wantTags) {
			p.lost = append(p.lost, fmt.Sprintf("excerpt %d has tags %q, its last saved edit set %q", c.ID, got, wantTags))
		}
	}
	for k, n := range bySpan {
		if n > 1 {
			p.duplicated = append(p.duplicated, fmt.Sprintf("excerpt %s is there %d times", k, n))
		}
	}
	if len(excs) != want {
		p.other = append(p.other, fmt.Sprintf("%d excerpts, %d saved", len(excs), want))
	}

	// Tags count what the excerpts carry.
	carried := map[string]int{}
	for _, e := range excs {
		for _, tg := range e.Tags {
			carried[tg]++
		}
	}
	for _, tg := range tags {
		if carried[tg.Name] != tg.Count {
			p.other = append(p.other, fmt.Sprintf("tag %q counts %d, %d excerpts carry it", tg.Name, tg.Count, carried[tg.Name]))
		}
		delete(carried, tg.Name)
	}
	for name := range carried {
		p.other = append(p.other, fmt.Sprintf("tag %q is carried but not listed", name))
	}

	// Blocks: by briefing and text, which each addition made unique;
	// links by (judgment, excerpt), which each link made unique.
	type blockAt struct {
		briefing, id int64
	}
	blockText := map[string][]blockAt{}
	links := map[[2]int64][]string{}
	values := map[string]string{}
	nBlocks, nLinks := 0, 0
	for _, b := range brs {
		values[fmt.Sprintf("briefing %d summary", b.ID)] = b.Summary
		for _, blk := range b.Blocks {
			nBlocks++
			blockText[blk.Text] = append(blockText[blk.Text], blockAt{b.ID, blk.ID})
			if blk.Type == "judgment" {
				values[fmt.Sprintf("block %d marking", blk.ID)] = blk.Marking
			}
			for _, ev := range blk.Evidence {
				nLinks++
				k := [2]int64{blk.ID, ev.Excerpt}
				links[k] = append(links[k], ev.Note)
			}
		}
	}
	want = 0
	for _, c := range env.blocks {
		got := blockText[c.Text]
		switch {
		case c.Want && len(got) == 0:
			p.lost = append(p.lost, fmt.Sprintf("block %q: %s", c.Text, describe(c.Rec)))
		case c.Want && len(got) > 1:
			p.duplicated = append(p.duplicated, fmt.Sprintf("block %q is there %d times", c.Text, len(got)))
		case c.Want && (got[0].briefing != c.Briefing || got[0].id != c.ID):
			p.other = append(p.other, fmt.Sprintf("block %q is %d in briefing %d, the command said %d in %d", c.Text,
				got[0].id, got[0].briefing, c.ID, c.Briefing))
		case !c.Want && len(got) > 0:
			p.phantom = append(p.phantom, fmt.Sprintf("block %q: %s", c.Text, describe(c.Rec)))
		}
		if c.Want {
			want++
		}
	}
	if nBlocks != want {
		p.other = append(p.other, fmt.Sprintf("%d blocks, %d saved", nBlocks, want))
	}
	want = 0
	for _, c := range env.links {
		got := links[[2]int64{c.Block, c.Excerpt}]
		switch {
		case c.Want && len(got) == 0:
			p.lost = append(p.lost, fmt.Sprintf("link of excerpt %d to judgment %d: %s", c.Excerpt, c.Block, describe(c.Rec)))
		case c.Want && len(got) > 1:
			p.duplicated = append(p.duplicated, fmt.Sprintf("link of excerpt %d to judgment %d is there %d times", c.Excerpt, c.Block, len(got)))
		case c.Want && got[0] != c.Note:
			p.lost = append(p.lost, fmt.Sprintf("link of excerpt %d to judgment %d has note %q, want %q", c.Excerpt, c.Block, got[0], c.Note))
		case !c.Want && len(got) > 0:
			p.phantom = append(p.phantom, fmt.Sprintf("link of excerpt %d to judgment %d: %s", c.Excerpt, c.Block, describe(c.Rec)))
		}
		if c.Want {
			want++
		}
	}
	if nLinks != want {
		p.other = append(p.other, fmt.Sprintf("%d links, %d saved", nLinks, want))
	}

	// Last-writer-wins fields end on a value a saved write wrote.
	for _, e := range excs {
		values[fmt.Sprintf("excerpt %d note", e.ID)] = e.Note
	}
	okValues, badValues := map[string]map[string]bool{}, map[string]map[string]*soakRecord{}
	for _, c := range env.values {
		if okValues[c.Field] == nil {
			okValues[c.Field], badValues[c.Field] = map[string]bool{}, map[string]*soakRecord{}
		}
		if c.Want {
			okValues[c.Field][c.Value] = true
		} else {
			badValues[c.Field][c.Value] = c.Rec
		}
	}
	for field, ok := range okValues {
		got, there := values[field]
		switch {
		case !there:
			p.lost = append(p.lost, field+": not found")
		case ok[got]:
		case badValues[field][got] != nil:
			p.phantom = append(p.phantom, fmt.Sprintf("%s is %q: %s", field, got, describe(badValues[field][got])))
		default:
			p.other = append(p.other, fmt.Sprintf("%s is %q, which no write saved", field, got))
		}
	}
	return p
}

// printSoakSummary prints the counts per command, with latencies.
func printSoakSummary(w io.Writer, env *soakEnv, ran time.Duration, writers int, p *soakProblems) {
	env.mu.Lock()
	defer env.mu.Unlock()
	type row struct {
		op                                  string
		n, ok, merged, stale, errs          int
		lat                                 []time.Duration
		firstStale, firstMerged, firstError string
	}
	rows := map[string]*row{}
	var order []string
	total := &row{op: "all writes"}
	for _, r := range env.records {
		if r.Writer == "seed" || r.Writer == "check" {
			continue
		}
		x := rows[r.Op]
		if x == nil {
			x = &row{op: r.Op}
			rows[r.Op] = x
			order = append(order, r.Op)
		}
		for _, x := range []*row{x, total} {
			x.n++
			x.lat = append(x.lat, r.Took)
			switch r.Outcome {
			case outOK:
				x.ok++
			case outMerged:
				x.merged++
				if x.firstMerged == "" {
					x.firstMerged = firstLine(r.Stderr)
				}
			case outStale:
				x.stale++
				if x.firstStale == "" {
					x.firstStale = firstLine(r.Stderr)
				}
			default:
				x.errs++
				if x.firstError == "" {
					x.firstError = firstLine(r.Stderr)
				}
			}
		}
	}
	sort.Strings(order)
	pct := func(l []time.Duration, q float64) float64 {
		if len(l) == 0 {
			return 0
		}
		s := slices.Clone(l)
		slices.Sort(s)
		k := max(int(math.Ceil(q/100*float64(len(s))))-1, 0)
		return float64(s[k].Microseconds()) / 1000
	}
	fmt.Fprintf(w, "\nTeam library soak: %d writers for %s\n\n", writers, ran.Round(100*time.Millisecond))
	fmt.Fprintf(w, "%-18s %9s %6s %7s %14s %7s %9s %9s %9s\n", "command", "attempted", "ok", "merged", "refused-stale", "errors", "p50 ms", "p95 ms", "max ms")
	for _, x := range append(mapRows(order, rows), total) {
		fmt.Fprintf(w, "%-18s %9d %6d %7d %14d %7d %9.0f %9.0f %9.0f\n", x.op, x.n, x.ok, x.merged, x.stale, x.errs,
			pct(x.lat, 50), pct(x.lat, 95), pct(x.lat, 100))
	}
	fmt.Fprintln(w)
	for _, op := range order {
		x := rows[op]
		for _, m := range []struct{ kind, msg string }{{"merged", x.firstMerged}, {"refused", x.firstStale}, {"error", x.firstError}} {
			if m.msg != "" {
				fmt.Fprintf(w, "first %s %s: %s\n", op, m.kind, m.msg)
			}
		}
	}
	var claims int
	for _, n := range []int{len(env.sources), len(env.excerpts), len(env.blocks), len(env.links), len(env.values)} {
		claims += n
	}
	fmt.Fprintf(w, "\nchecked %d claims: lost %d, duplicated %d, phantom %d, refusals not reported %d, other %d\n",
		claims, len(p.lost), len(p.duplicated), len(p.phantom), len(p.unreported), len(p.other))
	for i, s := range p.all() {
		if i == 40 {
			fmt.Fprintf(w, "  … and %d more\n", len(p.all())-40)
			break
		}
		fmt.Fprintln(w, "  "+s)
	}
}

func mapRows[R any](order []string, rows map[string]*R) []*R {
	out := make([]*R, 0, len(order))
	for _, k := range order {
		out = append(out, rows[k])
	}
	return out
}
