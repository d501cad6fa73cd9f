package domain

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Field is a text field the analyst fills in, with the most characters it
// may hold. The limits are far above what an analyst writes in the field,
// so only a runaway file, paste or script meets them; they exist because
// the app lays out every field it shows, and a megabyte title took it
// minutes and gigabytes to open a briefing.
type Field struct {
	Name   string // as the analyst knows it: "the briefing title"
	Max    int    // characters (Unicode code points)
	Advice string // what to do when over; "" for "shorten it"
}

// ProseMax is the limit on running prose the app edits in a wrapping
// text box: commentary, judgments and notes. Fyne lays such a box out in
// time that grows with the square of its length (measured on a shared
// 2-core machine: 10,000 characters set in about 1.2 s and take a key in
// under 0.1 s; 20,000 take 4.3 s and 0.6 s a key; 100,000 over 2
// minutes), and 10,000 characters are four pages: more than one block of
// commentary ever holds. The bottom line, on screen whenever its briefing
// is open, has half (5,000 characters open in 1.3 s at 800×600, 10,000
// in 4.2 s): still two pages for "the one paragraph the reader must not
// miss".
const ProseMax = 10_000

// The limits on every field, as data. Lines of metadata (titles, names)
// get 500 characters, prose ProseMax (the bottom line half); source text is content and has its
// own limit in bytes, MaxSourceTextBytes.
var (
	BriefingTitle    = Field{"the briefing title", 500, ""}
	BriefingSubtitle = Field{"the briefing subtitle", 500, ""}
	BriefingAuthor   = Field{"the briefing author", 500, ""}
	BriefingAudience = Field{"the briefing's “prepared for”", 500, ""}
	AuthorityLine    = Field{"a line of the classification authority block", 200, ""}
	MarkingReason    = Field{"the reason for marking the excerpt below its source", 500, "say why in a sentence, and keep the detail in the note"}
	BottomLine       = Field{"the bottom line", ProseMax / 2, "shorten it, and move the detail into commentary blocks"}

	HeadingText  = Field{"the heading", 500, ""}
	BlockText    = Field{"the commentary", ProseMax, "split it into several commentary blocks"}
	JudgmentText = Field{"the key judgment", ProseMax, "shorten it, and put the reasoning in a commentary block"}

	SourceTitle     = Field{"the source title", 500, ""}
	SourceSubtitle  = Field{"the source subtitle", 500, ""}
	SourceSection   = Field{"the source section", 500, ""}
	SourceAuthor    = Field{"the author's name", 500, ""}
	SourcePublisher = Field{"the publisher", 500, ""}
	SourceURL       = Field{"the web address", 8_000, ""}
	SourceLanguage  = Field{"the language", 100, ""}
	SourceFileName  = Field{"the file name", 1_000, ""}
	SourceNotes     = Field{"the note on the source", ProseMax, "shorten it, or keep a long note as a source of its own"}

	ExcerptNote = Field{"the excerpt note", ProseMax, ""}
	TagName     = Field{"the tag", 100, ""}

	SnapshotLabel = Field{"the version's label", 500, ""}
)

// Limits on lists and on a source's text.
const (
	MaxAuthors = 1_000 // authors of one source
	MaxTags    = 1_000 // tags on one excerpt
	// MaxSourceTextBytes is the import size limit (ingest.DefaultMaxBytes):
	// no text larger than a file the importers accept enters by another door.
	MaxSourceTextBytes = 64 << 20
)

// Check refuses s when it is longer than f allows or holds a control
// character (see IsControl); the message names the field, the limit and
// the length given.
func (f Field) Check(s string) error {
	// A string of n bytes holds at most n characters: only count long ones.
	if len(s) > f.Max {
		if n := utf8.RuneCountInString(s); n > f.Max {
			advice := f.Advice
			if advice == "" {
				advice = "shorten it"
			}
			return Errorf(EINVALID, "%s is %s characters long, more than the %s allowed: %s",
				f.Name, Thousands(n), Thousands(f.Max), advice)
		}
	}
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "%s is not Unicode (UTF-8) text: it holds a byte that is no character; type it again, or save the file it came from as UTF-8", f.Name)
	}
	return checkControls(f.Name, s)
}

// checkControls refuses the first control character in s, saying where it is.
func checkControls(name, s string) error {
	i := strings.IndexFunc(s, IsControl)
	if i < 0 {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return Errorf(EINVALID, "%s holds an invisible control character (%s) at character %s: delete it (retype the text around it if you cannot see it)",
		name, RuneName(r), Thousands(utf8.RuneCountInString(s[:i])+1))
}

// IsControl reports the characters no field may hold: C0 controls other
// than tab, line feed and carriage return, DEL, and C1 controls. Such
// characters are invisible in the app, can drive a terminal (ESC starts its
// escape sequences) and no analyst types them; the text importers drop them
// from what they read for the same reasons.
func IsControl(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	}
	return r >= 0x80 && r < 0xa0
}

// IsBidiControl reports the Unicode characters that reorder the text after
// them (embeddings, overrides and isolates, U+202A–U+202E and
// U+2066–U+2069). Right-to-left text copied from elsewhere can hold them
// legitimately, so fields keep them, but output to a terminal shows them
// escaped: an override can make "exe.txt" read as "txt.exe".
func IsBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// RuneName is r as a code point for messages, e.g. "U+001B, escape".
func RuneName(r rune) string {
	s := fmt.Sprintf("U+%04X", r)
	if n, ok := runeNames[r]; ok {
		s += ", " + n
	}
	return s
}

var runeNames = map[rune]string{0: "NUL", 0x07: "bell", 0x08: "backspace", 0x0b: "vertical tab",
	0x0c: "form feed", 0x1b: "escape", 0x7f: "delete", 0x85: "next line", 0x9b: "control sequence introducer"}

// CleanMetadata makes a value an importer extracted from a file (a title,
// an author, a file name) fit for its field: control characters (see
// IsControl) go, and so does any white space run, squeezed to one space, in
// NFC. The analyst did not type these values, so an importer cleans them
// rather than refusing the file; a field the analyst types is checked by
// Field.Check instead, and nothing typed is changed behind their back.
func CleanMetadata(s string) string {
	s = strings.Map(func(r rune) rune {
		if IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// CleanMetadata applies CleanMetadata to every metadata field of a source
// an importer made, and cuts a value over its field's limit, marking the cut
// with "…": a page's runaway <title> should not cost the analyst the import.
// It returns a note for the analyst on each value cut.
func (s *Source) CleanMetadata() (notes []string) {
	fit := func(f Field, v string) string {
		v, n := f.Fit(v)
		switch {
		case n == 0:
		case f == SourceURL: // a cut address leads nowhere
			notes = append(notes, fmt.Sprintf("the web address found was %s characters long, more than the %s allowed, so it was left out; add the right one if you have it",
				Thousands(n), Thousands(f.Max)))
			return ""
		default:
			notes = append(notes, fmt.Sprintf("%s was %s characters long, more than the %s allowed, so it was cut short; edit it if the end mattered",
				f.Name, Thousands(n), Thousands(f.Max)))
		}
		return v
	}
	for _, v := range []struct {
		f Field
		p *string
	}{{SourceTitle, &s.Title}, {SourceSubtitle, &s.Subtitle}, {SourceSection, &s.Section},
		{SourcePublisher, &s.Publisher}, {SourceURL, &s.URL}, {SourceLanguage, &s.Language}, {SourceFileName, &s.FileName}} {
		*v.p = fit(v.f, *v.p)
	}
	for i := range s.Authors {
		s.Authors[i] = fit(SourceAuthor, s.Authors[i])
	}
	if len(s.Authors) > MaxAuthors {
		notes = append(notes, fmt.Sprintf("only the first %s of %s authors were kept", Thousands(MaxAuthors), Thousands(len(s.Authors))))
		s.Authors = s.Authors[:MaxAuthors]
	}
	return notes
}

// Fit is CleanMetadata(s) made to fit f, cut short with "…" if need be,
// for a value made by the program rather than typed (a label naming a
// file, say); cut is the length before the cut, 0 if nothing was cut.
func (f Field) Fit(s string) (fitted string, cut int) {
	s = CleanMetadata(s)
	if len(s) <= f.Max {
		return s, 0
	}
	r := []rune(s)
	if len(r) <= f.Max {
		return s, 0
	}
	return string(r[:f.Max-1]) + "…", len(r)
}

// Thousands writes n with comma separators: 1,048,576.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// CheckAuthors holds a source's authors to MaxAuthors and SourceAuthor.
func CheckAuthors(authors []string) error {
	return checkList(SourceAuthor, "author", "authors", authors, MaxAuthors)
}

// CheckTags holds an excerpt's tags, once normalised, to MaxTags and TagName.
func CheckTags(tags []string) error {
	return checkList(TagName, "tag", "tags", NormalizeTags(tags), MaxTags)
}

// checkList refuses a list with more than limit entries, then any entry f
// refuses, naming it by position: "author 3: the author's name is …".
func checkList(f Field, one, many string, items []string, limit int) error {
	if len(items) > limit {
		return Errorf(EINVALID, "there are %s %s, more than the %s allowed: keep the ones that matter",
			Thousands(len(items)), many, Thousands(limit))
	}
	for i, s := range items {
		if err := f.Check(s); err != nil {
			return Errorf(EINVALID, "%s %d: %s", one, i+1, ErrorMessage(err))
		}
	}
	return nil
}

// fieldValue is a value to check against its field.
type fieldValue struct {
	f Field
	s string
}

func (f Field) of(s string) fieldValue { return fieldValue{f, s} }

// checkFields checks each value against its field, in order.
func checkFields(values ...fieldValue) error {
	for _, v := range values {
		if err := v.f.Check(v.s); err != nil {
			return err
		}
	}
	return nil
}
