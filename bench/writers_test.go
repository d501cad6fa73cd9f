package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The team library soak (make soak-team; not part of make test): ten
// writers, each the real attache command run again and again, write to one
// team library on a pgtest server for 60 seconds, then the library is read
// back through `attache … --json` and held to what each command said:
//
//   - no lost write: everything a command reported saved is there, once;
//   - no duplicated write: no source, excerpt, block or link twice;
//   - no phantom write: nothing a refused or failed command tried is there;
//   - every refusal reported: a save refused as stale (the briefing changed
//     meanwhile, or a merge that clashed) exits non-zero with its message.
//
// The mix is what analysts sharing a library do: import small text
// sources, cut excerpts (half from shared sources), tag their own
// excerpts, edit the note of shared excerpts (merged with the others'),
// add commentary and key judgments to two shared briefings, link their
// excerpts as evidence to the shared judgments, mark those judgments and
// edit the shared briefings' bottom line, all writers on the same two
// briefings, so saves clash.
//
// Environment: ATTACHE_SOAK_TEAM=1 runs it; ATTACHE_BIN names the attache
// binary (else it is built into a temporary folder);
// ATTACHE_SOAK_WRITERS (10) and ATTACHE_SOAK_SECONDS (60) size it;
// ATTACHE_SOAK_OUT=FILE writes every command's record as JSON.
//
// The desktop app among the writers: see soakExtraWriters.

const (
	soakVar        = "ATTACHE_SOAK_TEAM"
	soakSharedSrcs = 5 // seed sources everyone cuts from
	soakSharedExcs = 3 // seed excerpts everyone edits the note of
	soakBriefings  = 2 // shared briefings everyone writes to
)

// soakWriter is one of the soak's concurrent writers. Step does one write
// (or one read it needs before writing) and records it in env; it is
// called again and again until ctx ends.
type soakWriter interface {
	Name() string
	Step(ctx context.Context, env *soakEnv)
}

// soakExtraWriters are writers that join the CLI writers on the same
// library, for the same time, held to the same checks. The issue wants the
// desktop app among them: an app writer (opening app/ on env.URL, editing
// the shared briefings through the composer's save path) is a soakWriter
// whose constructor is appended here, from a file of its own. It records
// each save with env.Record and says what the library must then hold with
// env.Claim*, as cliWriter does; env.Shared gives the shared briefings,
// judgments, sources and excerpts.
var soakExtraWriters []func(env *soakEnv, n int) soakWriter

// Outcomes of one command.
const (
	outOK     = "ok"
	outMerged = "merged"        // saved, and said it was merged with a change made elsewhere
	outStale  = "refused-stale" // refused: changed elsewhere meanwhile, or a merge that clashed
	outError  = "error"         // any other failure
)

// soakRecord is one command run by a writer.
type soakRecord struct {
	Writer  string        `json:"writer"`
	Op      string        `json:"op"`
	Args    []string      `json:"args"`
	Exit    int           `json:"exit"`
	Outcome string        `json:"outcome"`
	Stdout  string        `json:"stdout,omitempty"`
	Stderr  string        `json:"stderr,omitempty"`
	Start   time.Time     `json:"start"`
	Took    time.Duration `json:"took_ns"`
}

// Claims: what the library must (Want) or must not (!Want) hold at the end.
type (
	sourceClaim struct {
		Title string
		ID    int64
		Want  bool
		Rec   *soakRecord
	}
	excerptClaim struct {
		Note     string // unique to the claim
		Source   int64
		Quote    string
		ID       int64
		Want     bool
		Rec      *soakRecord
		TagsWant []string // the tags it must end with (own excerpts: last saved set)
	}
	blockClaim struct {
		Briefing int64
		Text     string // unique to the claim
		ID       int64
		Want     bool
		Rec      *soakRecord
	}
	linkClaim struct {
		Block, Excerpt int64
		Note           string
		Want           bool
		Rec            *soakRecord
	}
	// valueClaim is a last-writer-wins field (a briefing's summary, a
	// shared excerpt's note, a judgment's marking): it must end on a
	// value some saved write wrote (or its first), never on one a
	// refused or failed write tried.
	valueClaim struct {
		Field string // e.g. "briefing 1 summary"
		Value string
		Want  bool
		Rec   *soakRecord
	}
)

// soakShared is what every writer may write to.
type soakShared struct {
	mu         sync.Mutex
	Sources    []soakSource // seed sources
	Excerpts   []int64      // seed excerpts, notes edited by all
	Briefings  []int64
	Judgments  []int64 // key judgment blocks of the shared briefings, seeds and added
	judgmentOf map[int64]int64
}

type soakSource struct {
	ID      int64
	Article *Article
}

// soakEnv is the soak's library, shared state and ledger.
type soakEnv struct {
	URL    string
	Bin    string
	Dir    string   // temporary folder for files to import
	Env    []string // the environment every command runs in
	Shared *soakShared

	mu       sync.Mutex
	records  []*soakRecord
	sources  []*sourceClaim
	excerpts []*excerptClaim
	blocks   []*blockClaim
	links    []*linkClaim
	values   []*valueClaim
}

func (e *soakEnv) Record(r *soakRecord) {
	e.mu.Lock()
	e.records = append(e.records, r)
	e.mu.Unlock()
}

func (e *soakEnv) ClaimSource(c *sourceClaim) {
	e.mu.Lock()
	e.sources = append(e.sources, c)
	e.mu.Unlock()
}

func (e *soakEnv) ClaimExcerpt(c *excerptClaim) {
	e.mu.Lock()
	e.excerpts = append(e.excerpts, c)
	e.mu.Unlock()
}

func (e *soakEnv) ClaimBlock(c *blockClaim) {
	e.mu.Lock()
	e.blocks = append(e.blocks, c)
	e.mu.Unlock()
}

func (e *soakEnv) ClaimLink(c *linkClaim) {
	e.mu.Lock()
	e.links = append(e.links, c)
	e.mu.Unlock()
}

func (e *soakEnv) ClaimValue(c *valueClaim) {
	e.mu.Lock()
	e.values = append(e.values, c)
	e.mu.Unlock()
}

// run runs the attache command with args against the library and records
// it, classified.
func (e *soakEnv) run(ctx context.Context, writer, op string, args ...string) *soakRecord {
	full := append(slices.Clone(args), "--db", e.URL)
	// The end of the soak (ctx) lets a command under way finish: a write
	// cut short is no test of the library. Only a command hung for
	// minutes is killed.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, e.Bin, full...)
	cmd.Env = e.Env
	cmd.Dir = e.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	r := &soakRecord{Writer: writer, Op: op, Args: args, Start: time.Now()}
	err := cmd.Run()
	r.Took = time.Since(r.Start)
	r.Stdout, r.Stderr = stdout.String(), stderr.String()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.Exit = ee.ExitCode()
	default:
		r.Exit = -1
		r.Stderr += "\n(soak: " + err.Error() + ")"
	}
	r.Outcome = classify(r.Exit, r.Stderr)
	e.Record(r)
	return r
}

// classify reads a command's outcome from its exit status and message.
func classify(exit int, stderr string) string {
	switch {
	case exit == 0 && strings.Contains(stderr, "also changed elsewhere"):
		return outMerged
	case exit == 0:
		return outOK
	case strings.Contains(stderr, "changed elsewhere"),
		// A clash on the same place, refused naming who and when
		// (domain.MergeConflict).
		strings.Contains(stderr, "while it was being edited here: nothing was saved"):
		return outStale
	}
	return outError
}

func saved(r *soakRecord) bool { return r.Outcome == outOK || r.Outcome == outMerged }

// cliWriter is a writer running the attache command, one command at a
// time, as an analyst's scripts would.
type cliWriter struct {
	n      int
	rnd    *rand.Rand
	seq    int
	own    []soakSource      // sources this writer imported
	exc    []*ownExcerpt     // excerpts this writer cut
	linked map[[2]int64]bool // (judgment, excerpt) pairs tried
}

type ownExcerpt struct {
	claim *excerptClaim
	tags  []string
}

func newCLIWriter(n int) *cliWriter {
	return &cliWriter{n: n, rnd: rand.New(rand.NewPCG(seed, uint64(n)+1)), linked: map[[2]int64]bool{}}
}

func (w *cliWriter) Name() string { return fmt.Sprintf("w%02d", w.n) }

func (w *cliWriter) next() string {
	w.seq++
	return fmt.Sprintf("soak %s #%d", w.Name(), w.seq)
}

// The mix: op and weight.
var cliMix = []struct {
	op     string
	weight int
}{
	{"import", 10},
	{"excerpt-add", 20},
	{"excerpt-tag", 10},
	{"excerpt-note", 8},
	{"block-add", 20},
	{"briefing-summary", 10},
	{"link", 14},
	{"mark", 8},
}

func (w *cliWriter) Step(ctx context.Context, env *soakEnv) {
	total := 0
	for _, m := range cliMix {
		total += m.weight
	}
	k := w.rnd.IntN(total)
	op := ""
	for _, m := range cliMix {
		if k < m.weight {
			op = m.op
			break
		}
		k -= m.weight
	}
	switch op {
	case "import":
		w.importSource(ctx, env)
	case "excerpt-add":
		w.addExcerpt(ctx, env)
	case "excerpt-tag":
		w.tagExcerpt(ctx, env)
	case "excerpt-note":
		w.editSharedNote(ctx, env)
	case "block-add":
		w.addBlock(ctx, env)
	case "briefing-summary":
		w.editSummary(ctx, env)
	case "link":
		w.link(ctx, env)
	case "mark":
		w.mark(ctx, env)
	}
}

// importSource imports a new small article, titled for this writer.
func (w *cliWriter) importSource(ctx context.Context, env *soakEnv) {
	label := w.next()
	a := Generate(seed+7, 1000*(w.n+1)+w.seq) // none of the seed's or another writer's
	a.Title = strings.ToUpper(label[:1]) + label[1:] + ": " + a.Title
	// Keep it small: the first three paragraphs.
	a.Paragraphs = a.Paragraphs[:min(3, len(a.Paragraphs))]
	file := filepath.Join(env.Dir, fmt.Sprintf("%s-%d.txt", w.Name(), w.seq))
	if err := os.WriteFile(file, []byte(a.File()), 0o600); err != nil {
		panic(err)
	}
	r := env.run(ctx, w.Name(), "import", "import", file, "--json")
	c := &sourceClaim{Title: a.Title, Want: saved(r), Rec: r}
	if c.Want {
		var out []struct {
			ID       int64  `json:"id"`
			Title    string `json:"title"`
			Existing *bool  `json:"existing"`
			Error    string `json:"error"`
		}
		if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil || len(out) != 1 || out[0].Error != "" || out[0].ID == 0 {
			r.Outcome = outError
			r.Stderr += fmt.Sprintf("\n(soak: unreadable output: %v)", err)
			c.Want = false
		} else {
			c.ID = out[0].ID
			w.own = append(w.own, soakSource{ID: c.ID, Article: a})
		}
	}
	env.ClaimSource(c)
}

// addExcerpt cuts a sentence of one of the writer's sources, or of a
// shared one, tagged with the writer's name.
func (w *cliWriter) addExcerpt(ctx context.Context, env *soakEnv) {
	var src soakSource
	if len(w.own) > 0 && w.rnd.IntN(2) == 0 {
		src = w.own[w.rnd.IntN(len(w.own))]
	} else {
		env.Shared.mu.Lock()
		src = env.Shared.Sources[w.rnd.IntN(len(env.Shared.Sources))]
		env.Shared.mu.Unlock()
	}
	sents := slices.Concat(src.Article.Paragraphs...)
	quote := sents[w.rnd.IntN(len(sents))]
	note := w.next()
	tags := []string{w.Name()}
	r := env.run(ctx, w.Name(), "excerpt-add", "excerpt", "add", "--source", itoa(src.ID), "--quote", quote,
		"--note", note, "--tag", tags[0], "--json")
	c := &excerptClaim{Note: note, Source: src.ID, Quote: quote, Want: saved(r), Rec: r, TagsWant: tags}
	if c.Want {
		var out struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil || out.ID == 0 {
			r.Outcome = outError
			r.Stderr += fmt.Sprintf("\n(soak: unreadable output: %v)", err)
			c.Want = false
		} else {
			c.ID = out.ID
			w.exc = append(w.exc, &ownExcerpt{claim: c, tags: tags})
		}
	}
	env.ClaimExcerpt(c)
}

// tagExcerpt adds a tag to one of the writer's own excerpts: `excerpt
// edit --tag` sets the whole list, so it gives the tags it has plus one.
func (w *cliWriter) tagExcerpt(ctx context.Context, env *soakEnv) {
	if len(w.exc) == 0 {
		w.addExcerpt(ctx, env)
		return
	}
	e := w.exc[w.rnd.IntN(len(w.exc))]
	tag := fmt.Sprintf("%s-t%d", w.Name(), w.seq+1)
	w.next()
	tags := append(slices.Clone(e.tags), tag)
	args := []string{"excerpt", "edit", itoa(e.claim.ID)}
	for _, t := range tags {
		args = append(args, "--tag", t)
	}
	r := env.run(ctx, w.Name(), "excerpt-tag", args...)
	if saved(r) {
		e.tags = tags
		slices.Sort(tags)
		e.claim.TagsWant = tags
	}
}

// editSharedNote sets the note of a shared excerpt: every writer does, so
// the store merges and says so.
func (w *cliWriter) editSharedNote(ctx context.Context, env *soakEnv) {
	env.Shared.mu.Lock()
	id := env.Shared.Excerpts[w.rnd.IntN(len(env.Shared.Excerpts))]
	env.Shared.mu.Unlock()
	note := w.next()
	r := env.run(ctx, w.Name(), "excerpt-note", "excerpt", "edit", itoa(id), "--note", note)
	env.ClaimValue(&valueClaim{Field: fmt.Sprintf("excerpt %d note", id), Value: note, Want: saved(r), Rec: r})
}

func (w *cliWriter) briefing(env *soakEnv) int64 {
	env.Shared.mu.Lock()
	defer env.Shared.mu.Unlock()
	return env.Shared.Briefings[w.rnd.IntN(len(env.Shared.Briefings))]
}

// addBlock adds commentary (or, one time in three, a key judgment others
// then link to) to a shared briefing.
func (w *cliWriter) addBlock(ctx context.Context, env *soakEnv) {
	b := w.briefing(env)
	text := w.next()
	kind := []string{"--commentary", text}
	judgment := w.rnd.IntN(3) == 0
	if judgment {
		text = "It is likely that " + text + " holds."
		kind = []string{"--judgment", text, "--confidence", "moderate"}
	}
	r := env.run(ctx, w.Name(), "block-add", append([]string{"briefing", "add", itoa(b)}, append(kind, "--json")...)...)
	c := &blockClaim{Briefing: b, Text: text, Want: saved(r), Rec: r}
	if c.Want {
		var out struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal([]byte(r.Stdout), &out); err != nil || out.ID == 0 {
			r.Outcome = outError
			r.Stderr += fmt.Sprintf("\n(soak: unreadable output: %v)", err)
			c.Want = false
		} else {
			c.ID = out.ID
			if judgment {
				env.Shared.mu.Lock()
				env.Shared.Judgments = append(env.Shared.Judgments, out.ID)
				env.Shared.judgmentOf[out.ID] = b
				env.Shared.mu.Unlock()
			}
		}
	}
	env.ClaimBlock(c)
}

// editSummary sets a shared briefing's bottom line (`briefing edit`,
// which the store refuses when the briefing changed since the command
// read it; the command retries a few times, then says so).
func (w *cliWriter) editSummary(ctx context.Context, env *soakEnv) {
	b := w.briefing(env)
	text := w.next()
	r := env.run(ctx, w.Name(), "briefing-summary", "briefing", "edit", itoa(b), "--summary", text)
	env.ClaimValue(&valueClaim{Field: fmt.Sprintf("briefing %d summary", b), Value: text, Want: saved(r), Rec: r})
}

// link links one of the writer's excerpts to a shared judgment, a pair
// never linked before, so each link is one claim.
func (w *cliWriter) link(ctx context.Context, env *soakEnv) {
	env.Shared.mu.Lock()
	j := env.Shared.Judgments[w.rnd.IntN(len(env.Shared.Judgments))]
	env.Shared.mu.Unlock()
	var ex *ownExcerpt
	for _, i := range w.rnd.Perm(len(w.exc)) {
		if !w.linked[[2]int64{j, w.exc[i].claim.ID}] {
			ex = w.exc[i]
			break
		}
	}
	if ex == nil {
		w.addExcerpt(ctx, env)
		return
	}
	w.linked[[2]int64{j, ex.claim.ID}] = true
	note := w.next()
	stance := "--supports"
	if w.rnd.IntN(4) == 0 {
		stance = "--contradicts"
	}
	r := env.run(ctx, w.Name(), "link", "briefing", "link", itoa(j), stance, itoa(ex.claim.ID), "--note", note)
	env.ClaimLink(&linkClaim{Block: j, Excerpt: ex.claim.ID, Note: note, Want: saved(r), Rec: r})
}

// mark sets the portion marking of a shared judgment.
func (w *cliWriter) mark(ctx context.Context, env *soakEnv) {
	env.Shared.mu.Lock()
	j := env.Shared.Judgments[w.rnd.IntN(len(env.Shared.Judgments))]
	b := env.Shared.judgmentOf[j]
	env.Shared.mu.Unlock()
	m := []string{"OFFICIAL", "OFFICIAL-SENSITIVE"}[w.rnd.IntN(2)]
	w.next()
	r := env.run(ctx, w.Name(), "mark", "briefing", "mark", itoa(b), itoa(j), "--marking", m)
	stored := map[string]string{"OFFICIAL": "uk:O", "OFFICIAL-SENSITIVE": "uk:OS"}[m]
	env.ClaimValue(&valueClaim{Field: fmt.Sprintf("block %d marking", j), Value: stored, Want: saved(r), Rec: r})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// soakBinary is ATTACHE_BIN, or attache built into dir.
func soakBinary(t *testing.T, dir string) string {
	if bin := os.Getenv("ATTACHE_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	bin := filepath.Join(dir, "attache")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// TestTeamWriters is the soak (see the top of this file).
func TestTeamWriters(t *testing.T) {
	if os.Getenv(soakVar) == "" {
		t.Skipf("the team library soak runs with %s=1 (make soak-team)", soakVar)
	}
	writers := envInt("ATTACHE_SOAK_WRITERS", 10)
	length := time.Duration(envInt("ATTACHE_SOAK_SECONDS", 60)) * time.Second
	ctx := context.Background()
	srv := mustTeamServer(t)
	url, err := srv.CreateDB(ctx, "soak")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	home := filepath.Join(dir, "home") // the commands' own: $HOME stays as it is
	env := &soakEnv{URL: url, Bin: soakBinary(t, dir), Dir: dir, Shared: &soakShared{judgmentOf: map[int64]int64{}}}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "HOME" && !strings.HasPrefix(k, "XDG_") && k != "ATTACHE_DB" {
			env.Env = append(env.Env, kv)
		}
	}
	env.Env = append(env.Env, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	seedSoak(t, ctx, env)

	var ws []soakWriter
	for i := range writers {
		ws = append(ws, newCLIWriter(i+1))
	}
	for i, mk := range soakExtraWriters {
		ws = append(ws, mk(env, i+1))
	}
	t.Logf("%d writers for %v on %s", len(ws), length, url)
	wctx, stop := context.WithTimeout(ctx, length)
	defer stop()
	began := time.Now()
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for wctx.Err() == nil {
				w.Step(wctx, env)
			}
		}()
	}
	wg.Wait()
	ran := time.Since(began)

	problems := verifySoak(t, ctx, env)
	printSoakSummary(os.Stdout, env, ran, len(ws), problems)
	if out := os.Getenv("ATTACHE_SOAK_OUT"); out != "" {
		b, _ := json.MarshalIndent(env.records, "", "  ")
		if err := os.WriteFile(out, b, 0o600); err != nil {
			t.Error(err)
		}
	}
	for _, p := range problems.all() {
		t.Error(p)
	}
}

// seedSoak imports the shared sources, cuts the shared excerpts and makes
// the shared briefings with two key judgments each, through the command.
func seedSoak(t *testing.T, ctx context.Context, env *soakEnv) {
	must := func(args ...string) string {
		r := env.run(ctx, "seed", "seed", args...)
		if r.Exit != 0 {
			t.Fatalf("attache %s: exit %d\n%s", strings.Join(args, " "), r.Exit, r.Stderr)
		}
		return r.Stdout
	}
	id := func(out string) int64 {
		var v struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil || v.ID == 0 {
			t.Fatalf("no id in %q: %v", out, err)
		}
		return v.ID
	}
	sh := env.Shared
	for i := range soakSharedSrcs {
		a := Generate(seed+7, i)
		file := filepath.Join(env.Dir, fmt.Sprintf("seed-%d.txt", i))
		if err := os.WriteFile(file, []byte(a.File()), 0o600); err != nil {
			t.Fatal(err)
		}
		var out []struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal([]byte(must("import", file, "--json")), &out); err != nil || len(out) != 1 {
			t.Fatalf("seed import: %v", err)
		}
		sh.Sources = append(sh.Sources, soakSource{ID: out[0].ID, Article: a})
		env.ClaimSource(&sourceClaim{Title: a.Title, ID: out[0].ID, Want: true})
	}
	for i := range soakSharedExcs {
		s := sh.Sources[i%len(sh.Sources)]
		note := fmt.Sprintf("shared %d", i)
		quote := s.Article.Paragraphs[0][0]
		eid := id(must("excerpt", "add", "--source", itoa(s.ID), "--quote", quote, "--note", note, "--json"))
		sh.Excerpts = append(sh.Excerpts, eid)
		env.ClaimValue(&valueClaim{Field: fmt.Sprintf("excerpt %d note", eid), Value: note, Want: true})
		env.ClaimExcerpt(&excerptClaim{ID: eid, Source: s.ID, Quote: quote, Want: true, TagsWant: []string{}})
	}
	for i := range soakBriefings {
		b := id(must("briefing", "new", "--title", fmt.Sprintf("Shared briefing %d", i+1), "--scheme", "uk", "--json"))
		sh.Briefings = append(sh.Briefings, b)
		env.ClaimValue(&valueClaim{Field: fmt.Sprintf("briefing %d summary", b), Value: "", Want: true})
		for k := range 2 {
			text := fmt.Sprintf("It is likely that seed judgment %d of briefing %d holds.", k+1, b)
			j := id(must("briefing", "add", itoa(b), "--judgment", text, "--confidence", "moderate", "--json"))
			sh.Judgments = append(sh.Judgments, j)
			sh.judgmentOf[j] = b
			env.ClaimBlock(&blockClaim{Briefing: b, Text: text, ID: j, Want: true})
			env.ClaimValue(&valueClaim{Field: fmt.Sprintf("block %d marking", j), Value: "", Want: true})
		}
	}
}
