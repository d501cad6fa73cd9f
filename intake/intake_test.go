package intake

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
	"github.com/attache/attache/internal/testbundle"
	"github.com/attache/attache/internal/testbundle/jsonfile"
)

// library keeps what an import saves, as the store would: a text it has
// is found, not added again.
type library struct {
	mu        sync.Mutex
	sources   []*domain.Source
	briefings []*domain.Bundle
}

func (l *library) CreateSource(_ context.Context, src *domain.Source) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.sources {
		if s.Text == src.Text {
			*src = *s
			return true, nil
		}
	}
	src.ID = int64(len(l.sources) + 1)
	l.sources = append(l.sources, src)
	return false, nil
}

func (l *library) ImportBundle(_ context.Context, b *domain.Bundle) (*domain.Briefing, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.briefings = append(l.briefings, b)
	b.Briefing.ID = int64(len(l.briefings))
	return b.Briefing, nil
}

func write(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func article(title string) string {
	return title + "\n\nBy Jane Doe\n\nThe body of the article about " + title + ", long enough to be a paragraph.\n"
}

func runAll(t *testing.T, ctx context.Context, lib Library, items []Item, opt Options) ([]Result, Summary) {
	t.Helper()
	var rs []Result
	sum := Run(ctx, lib, items, opt, func(r Result) { rs = append(rs, r) })
	return rs, sum
}

func names(items ...string) []Item {
	out := make([]Item, len(items))
	for i, n := range items {
		out[i] = Item{Name: n}
	}
	return out
}

// A folder brings in the files inside it and its folders, in name order;
// hidden files and folders, and files in other formats, are left out.
func TestFolderImportsTheFilesInside(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), article("Bravo"))
	write(t, filepath.Join(dir, "a", "c.MD"), article("Charlie"))
	write(t, filepath.Join(dir, "a", "deep", "d.html"), "<html><body><h1>Delta</h1><p>The body of the delta page, long enough.</p></body></html>")
	write(t, filepath.Join(dir, ".git", "e.txt"), article("Echo"))
	write(t, filepath.Join(dir, ".f.txt"), article("Foxtrot"))
	write(t, filepath.Join(dir, "g.png"), "\x89PNG")
	write(t, filepath.Join(dir, "notes.odt"), "PK")
	jsonfile.Write(t, filepath.Join(dir, "a", "brief.json"))
	if err := os.Symlink(dir, filepath.Join(dir, "a", "loop")); err != nil {
		t.Fatal(err)
	}
	lib := &library{}
	rs, sum := runAll(t, context.Background(), lib, names(dir), Options{})
	var got []string
	for _, r := range rs {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Name, r.Err)
		}
		got = append(got, strings.TrimPrefix(r.Name, dir+string(filepath.Separator)))
	}
	want := []string{"a/brief.json", "a/c.MD", "a/deep/d.html", "b.txt"}
	if !slices.Equal(got, want) || sum.Total != 4 || sum.Skipped != 2 || sum.NotStarted != 0 {
		t.Fatalf("imported %q (%+v), want %q with 2 skipped", got, sum, want)
	}
	if len(lib.sources) != 3 || len(lib.briefings) != 1 || lib.sources[0].Title != "Charlie" {
		t.Fatalf("library: %d sources (first %q), %d briefings", len(lib.sources), lib.sources[0].Title, len(lib.briefings))
	}
}

// A link to a folder, given by name, imports the folder it leads to.
func TestLinkToAFolderImportsTheFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "a.txt"), article("Alpha"))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	lib := &library{}
	rs, _ := runAll(t, context.Background(), lib, names(link), Options{})
	if len(rs) != 1 || rs[0].Err != nil || len(lib.sources) != 1 {
		t.Fatalf("results %+v", rs)
	}
}

func TestFolderWithNothingToImportSaysSo(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "photo.jpg"), "\xff\xd8")
	rs, sum := runAll(t, context.Background(), &library{}, names(dir, t.TempDir()), Options{})
	if len(rs) != 2 || sum.Skipped != 1 {
		t.Fatalf("results %+v, summary %+v", rs, sum)
	}
	for i, want := range []string{"holds 1 files, none of them in a format Attaché imports: it imports plain text (.txt)",
		"holds no files to import"} {
		if rs[i].Err == nil || !strings.Contains(rs[i].Err.Error(), want) || !strings.Contains(rs[i].Err.Error(), "a briefing file (.json)") {
			t.Errorf("result %d: %v, want %q and the formats", i, rs[i].Err, want)
		}
	}
}

// A briefing file adds its briefing, whatever calls Run: it is not a text
// source titled after its file name.
func TestBriefingFileAddsTheBriefing(t *testing.T) {
	path := jsonfile.Write(t, filepath.Join(t.TempDir(), "Brief.JSON"))
	lib := &library{}
	rs, _ := runAll(t, context.Background(), lib, names(path), Options{})
	if len(rs) != 1 || rs[0].Err != nil || rs[0].Briefing == nil || rs[0].Sources != 2 {
		t.Fatalf("result %+v", rs)
	}
	if len(lib.sources) != 0 || len(lib.briefings) != 1 || lib.briefings[0].Briefing.Title != testbundle.Bundle(t).Briefing.Title {
		t.Fatalf("library: %d sources, %d briefings", len(lib.sources), len(lib.briefings))
	}
	bad := write(t, filepath.Join(t.TempDir(), "package.json"), `{"name": "left-pad"}`)
	rs, _ = runAll(t, context.Background(), lib, names(bad), Options{})
	if rs[0].Err == nil || len(lib.sources) != 0 {
		t.Fatalf("a JSON file that is no briefing: %+v", rs[0])
	}
}

// Pasted text is a note with no file; the details given win over the
// detected ones.
func TestTextIsANoteAndOverridesWin(t *testing.T) {
	lib := &library{}
	over := func(s *domain.Source) { s.Publisher = "Desk" }
	rs, _ := runAll(t, context.Background(), lib, []Item{{Name: "-", Text: strings.NewReader(article("Pasted text"))}}, Options{Override: over})
	if len(rs) != 1 || rs[0].Err != nil {
		t.Fatalf("%+v", rs)
	}
	s := rs[0].Source
	if s.Kind != domain.KindNote || s.FileName != "" || s.Title != "Pasted text" || s.Publisher != "Desk" || s.ID != 1 {
		t.Fatalf("source %+v", s)
	}
	rs, _ = runAll(t, context.Background(), lib, []Item{{Name: "clipboard", Text: strings.NewReader(article("Pasted text"))}}, Options{})
	if !rs[0].Existing || rs[0].Source.ID != 1 || len(lib.sources) != 1 {
		t.Fatalf("the same text again: %+v", rs[0])
	}
}

// A typed address is fetched, never read as a file: what is wrong with it
// is said as for an address.
func TestTypedAddressIsFetched(t *testing.T) {
	rs, _ := runAll(t, context.Background(), &library{}, []Item{{Name: "example.org/page", Fetch: true}}, Options{})
	if rs[0].Err == nil || !strings.Contains(rs[0].Err.Error(), "has no http:// or https:// in front") {
		t.Fatalf("err %v", rs[0].Err)
	}
}

// A cancel between files stops before the next: none is half imported.
func TestCancelBetweenFilesSavesNothingMore(t *testing.T) {
	dir := t.TempDir()
	files := []string{write(t, filepath.Join(dir, "a.txt"), article("Alpha")), write(t, filepath.Join(dir, "b.txt"), article("Bravo")),
		write(t, filepath.Join(dir, "c.txt"), article("Charlie"))}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lib := &library{}
	rs, sum := runAll(t, ctx, lib, names(files...), Options{Starting: func(i, _ int, _ string) {
		if i == 1 {
			cancel()
		}
	}})
	if len(rs) != 2 || !errors.Is(rs[1].Err, ErrStopped) || sum.NotStarted != 1 || len(lib.sources) != 1 {
		t.Fatalf("results %+v, summary %+v, %d sources", rs, sum, len(lib.sources))
	}
}

// The formats an import takes are ingest's, each with its extensions, and
// briefing files.
func TestFormatsAreIngestsAndBriefings(t *testing.T) {
	exts := Extensions()
	for _, f := range ingest.Formats() {
		for _, e := range f.Extensions {
			if !slices.Contains(exts, e) {
				t.Errorf("%s (%s) missing from %q", e, f.Name, exts)
			}
		}
		if !strings.Contains(Accepted(), f.Description+" ("+f.Extensions[0]+")") {
			t.Errorf("Accepted() %q does not name %s", Accepted(), f.Name)
		}
	}
	if !slices.Contains(exts, ".json") || !strings.HasSuffix(Accepted(), " or a briefing file (.json)") {
		t.Errorf("briefing files: %q, %q", exts, Accepted())
	}
}
