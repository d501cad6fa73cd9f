package cli

import (
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
	"github.com/attache/attache/intake"
	"github.com/attache/attache/store"
)

// The shapes of --json output. Scripts read these field names, so they
// are the command line's promise and live here, apart from the domain and
// store types they are filled from: those can change without changing
// what a script reads. Nil lists stay null and empty ones [], as before.

type jsonSource struct {
	ID        int64    `json:"id"`
	Kind      string   `json:"kind"`
	Title     string   `json:"title"`
	Subtitle  string   `json:"subtitle"`
	Section   string   `json:"section"`
	Authors   []string `json:"authors"`
	Publisher string   `json:"publisher"`
	Published string   `json:"published"` // YYYY-MM-DD, "" when unknown
	URL       string   `json:"url"`
	Accessed  string   `json:"accessed"`
	Language  string   `json:"language"`
	SHA256    string   `json:"sha256"`
	FileName  string   `json:"file_name"`
	// FileSHA256 is the SHA-256 of the original file kept, when one is.
	FileSHA256  string    `json:"file_sha256,omitempty"`
	ImportedAt  time.Time `json:"imported_at"`
	AddedBy     string    `json:"added_by"` // who imported it; "" when not known
	Reliability string    `json:"reliability"`
	Notes       string    `json:"notes"`
	Pages       []int     `json:"pages,omitempty"`
	jsonMarking
	// MarkingScheme is the scheme of the source's marking, "" unmarked.
	MarkingScheme string     `json:"marking_scheme"`
	TrashedAt     *time.Time `json:"trashed_at,omitempty"`
	ExcerptCount  int        `json:"excerpt_count"`
	// Location is the file the source was read from, which a recheck
	// reads again; "" for web pages and pasted text.
	Location   string `json:"location"`
	PreviousID int64  `json:"previous_id,omitempty"` // the source this is a newer version of
	// Standing is retracted or discredited as the analyst marked it, ""
	// for sound.
	Standing     string     `json:"standing"`
	StandingNote string     `json:"standing_note,omitempty"`
	StandingAt   *time.Time `json:"standing_at,omitempty"`
	// Concern lists why the source no longer stands as imported: changed,
	// unavailable, retracted, discredited; [] when none.
	Concern []string `json:"concern"`
}

func sourceOut(s *domain.Source) *jsonSource {
	if s == nil {
		return nil
	}
	return &jsonSource{ID: s.ID, Kind: string(s.Kind), Title: s.Title, Subtitle: s.Subtitle, Section: s.Section,
		Authors: s.Authors, Publisher: s.Publisher, Published: s.Published.String(), URL: s.URL,
		Accessed: s.Accessed.String(), Language: s.Language, SHA256: s.SHA256, FileName: s.FileName, FileSHA256: s.FileSHA256,
		ImportedAt: s.ImportedAt, AddedBy: s.AddedBy, Reliability: string(s.Reliability), Notes: s.Notes, Pages: s.Pages,
		TrashedAt: s.TrashedAt, ExcerptCount: s.ExcerptCount, jsonMarking: markingOut(s.Marking),
		MarkingScheme: string(s.Marking.SchemeID()), Location: s.Location, PreviousID: s.PreviousID,
		Standing: string(s.Standing), StandingNote: s.StandingNote, StandingAt: s.StandingAt, Concern: concernsOut(s.Concern)}
}

// jsonMarking is a marking in its stored form ("uk:OS", "S//NOFORN":
// what --marking flags also accept) with the banner and portion forms
// its scheme prints ("OFFICIAL-SENSITIVE", "(OFFICIAL-SENSITIVE)").
type jsonMarking struct {
	Marking        string `json:"marking"`
	MarkingBanner  string `json:"marking_banner"`
	MarkingPortion string `json:"marking_portion"`
}

func markingOut(m domain.Marking) jsonMarking {
	return jsonMarking{Marking: string(m), MarkingBanner: m.Banner(), MarkingPortion: m.Portion()}
}

// sourceText is `source show --json`: the listing fields, the original
// file kept (null when none) and the page map (null when none), and the
// text.
type sourceText struct {
	*jsonSource
	Original *jsonOriginal `json:"original"`
	PageMap  *jsonPageMap  `json:"page_map"`
	Text     string        `json:"text"`
}

// importJSON is one element of `import --json`: the source, the briefing
// (for a briefing file) or the error for one file, in the order the files
// were given (a folder's files in name order).
type importJSON struct {
	File string `json:"file"`
	*jsonSource
	Existing *bool          `json:"existing,omitempty"`
	Report   *ingest.Report `json:"report,omitempty"`
	Briefing *jsonBriefing  `json:"briefing,omitempty"`
	Error    string         `json:"error,omitempty"`
}

// importOut is a result as `import --json` gives it.
func importOut(r intake.Result) importJSON {
	out := importJSON{File: r.Name}
	switch {
	case r.Err != nil:
		out.Error = stopMessage(r)
	case r.Briefing != nil:
		b := briefingOut(r.Briefing)
		out.Briefing = &b
	default:
		existing := r.Existing
		out.jsonSource, out.Existing, out.Report = sourceOut(r.Source), &existing, r.Report
	}
	return out
}

type jsonExcerpt struct {
	ID          int64    `json:"id"`
	Source      int64    `json:"source"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Quote       string   `json:"quote"`
	Note        string   `json:"note"`
	Tags        []string `json:"tags"`
	Credibility int      `json:"credibility"`
	jsonMarking
	MarkingReason string    `json:"marking_reason"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	// CreatedBy and UpdatedBy name who made the excerpt and who changed
	// it last; "" when not known (made before names were kept).
	CreatedBy   string     `json:"created_by"`
	UpdatedBy   string     `json:"updated_by"`
	TrashedAt   *time.Time `json:"trashed_at,omitempty"`
	SourceTitle string     `json:"source_title,omitempty"`
	// Figure is a figure excerpt's figure, without its image but in
	// `excerpt show --json`.
	Figure *jsonFigure `json:"figure,omitempty"`
}

func excerptOut(e *domain.Excerpt) *jsonExcerpt {
	if e == nil {
		return nil
	}
	return &jsonExcerpt{ID: e.ID, Source: e.SourceID, Start: e.Start, End: e.End, Quote: e.Quote, Note: e.Note,
		Tags: e.Tags, Credibility: int(e.Credibility), jsonMarking: markingOut(e.Marking), MarkingReason: e.MarkingReason, CreatedAt: e.CreatedAt,
		UpdatedAt: e.UpdatedAt, CreatedBy: e.CreatedBy, UpdatedBy: e.UpdatedBy, TrashedAt: e.TrashedAt, SourceTitle: e.SourceTitle, Figure: figureOut(e.Figure, false)}
}

type jsonTag struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type jsonHit struct {
	Kind       string     `json:"kind"`
	ID         int64      `json:"id"`
	Title      string     `json:"title"`
	Snippet    string     `json:"snippet"`
	Highlights []jsonSpan `json:"highlights"`
	Rank       float64    `json:"rank"` // lower is better
}

type jsonSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func hitOut(h domain.SearchHit) jsonHit {
	out := jsonHit{Kind: string(h.Kind), ID: h.ID, Title: h.Title, Snippet: h.Snippet, Rank: h.Rank}
	out.Highlights = listOut(h.Highlights, func(s domain.Span) jsonSpan { return jsonSpan(s) })
	return out
}

// trashContents is the JSON of `attache trash`.
type trashContents struct {
	Sources   []*jsonSource          `json:"sources"`
	Excerpts  []*jsonExcerpt         `json:"excerpts"`
	Briefings []*jsonBriefingSummary `json:"briefings"`
}

func trashOut(t *trashed) trashContents {
	return trashContents{Sources: listOut(t.Sources, sourceOut), Excerpts: listOut(t.Excerpts, excerptOut),
		Briefings: listOut(t.Briefings, summaryOut)}
}

// jsonStats is `library --json`.
type jsonStats struct {
	Path        string `json:"path"`
	Sources     int    `json:"sources"`
	Excerpts    int    `json:"excerpts"`
	Briefings   int    `json:"briefings"`
	ReadOnly    bool   `json:"read_only"`
	Check       string `json:"check,omitempty"`        // "ok" after a successful --check
	ReadingCopy string `json:"reading_copy,omitempty"` // when the private copy being read was taken (RFC 3339)
	Damaged     string `json:"damaged,omitempty"`      // what a check found damaged
}

func statsOut(st store.Stats, checked bool) jsonStats {
	out := jsonStats{Path: st.Path, Sources: st.Sources, Excerpts: st.Excerpts, Briefings: st.Briefings,
		ReadOnly: st.ReadOnly, ReadingCopy: st.ReadingCopy, Damaged: st.Damaged}
	if checked {
		out.Check = "ok"
	}
	return out
}

// listOut maps a list element by element; a nil list stays nil (null),
// an empty one empty ([]).
func listOut[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// jsonScheme is one element of `schemes --json`: a marking scheme with
// its levels, lowest first, and its caveats in banner order.
type jsonScheme struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Short string `json:"short"`
	Guide string `json:"guide"`
	Align string `json:"align"` // where banners stand: centre or right
	// Authority: classified briefings carry the authority block.
	Authority bool `json:"authority"`
	// WholeDocument: the scheme labels the briefing, never its parts.
	WholeDocument bool         `json:"whole_document"`
	Levels        []jsonLevel  `json:"levels"`
	Caveats       []jsonCaveat `json:"caveats"`
}

type jsonLevel struct {
	Code       string `json:"code"`
	Marking    string `json:"marking"` // the stored value, as briefings' JSON shows it
	Banner     string `json:"banner"`
	Portion    string `json:"portion"`
	Colour     string `json:"colour"`         // the banner's ink, #RRGGBB
	Fill       string `json:"fill,omitempty"` // its background, #RRGGBB
	Definition string `json:"definition"`
	Classified bool   `json:"classified"`
}

type jsonCaveat struct {
	Code       string `json:"code"`
	Banner     string `json:"banner"`
	Portion    string `json:"portion"`
	Definition string `json:"definition"`
	MinLevel   string `json:"min_level"` // the banner of the lowest level it goes with
	Release    bool   `json:"release"`   // followed by the countries it may go to
	Owner      string `json:"owner,omitempty"`
}

func schemeOut(s *domain.Scheme) jsonScheme {
	out := jsonScheme{ID: string(s.ID), Name: s.Name, Short: s.Short, Guide: s.Guide, Align: string(s.Align),
		Authority: s.Authority, WholeDocument: s.WholeDocument, Levels: []jsonLevel{}, Caveats: []jsonCaveat{}}
	for _, l := range s.Levels {
		k := domain.Mark{Scheme: s, Level: l}
		jl := jsonLevel{Code: l.Code, Marking: string(k.Marking()), Banner: l.Banner, Portion: k.Portion(),
			Colour: hexColour(l.Ink), Definition: l.Definition, Classified: l.Classified}
		if l.Fill != nil {
			jl.Fill = hexColour(*l.Fill)
		}
		out.Levels = append(out.Levels, jl)
	}
	for _, c := range s.Caveats {
		jc := jsonCaveat{Code: c.Code, Banner: c.Banner, Portion: c.Portion, Definition: c.Definition, Release: c.Release, Owner: c.Owner}
		if l := s.Level(c.MinLevel); l != nil {
			jc.MinLevel = l.Banner
		}
		out.Caveats = append(out.Caveats, jc)
	}
	return out
}

// jsonDefaultScheme is `library scheme --json`.
type jsonDefaultScheme struct {
	Library      string `json:"library"`       // the library's default, "" when none is set
	NewBriefings string `json:"new_briefings"` // the scheme a new briefing takes now
	From         string `json:"from"`          // library, settings or none
}

// excerptShown is `excerpt show --json`: the excerpt and the times it was
// marked below its source.
type excerptShown struct {
	*jsonExcerpt
	MarkingHistory []jsonMarkingChange `json:"marking_history"`
}

// jsonMarkingChange is one override in `excerpt history --json`.
type jsonMarkingChange struct {
	Excerpt int64       `json:"excerpt"`
	From    jsonMarking `json:"from"`
	To      jsonMarking `json:"to"`
	Source  jsonMarking `json:"source"` // the source's marking then
	Reason  string      `json:"reason"`
	At      time.Time   `json:"at"`
}

func markingChangeOut(c domain.MarkingChange) jsonMarkingChange {
	return jsonMarkingChange{Excerpt: c.ExcerptID, From: markingOut(c.From), To: markingOut(c.To),
		Source: markingOut(c.Source), Reason: c.Reason, At: c.At}
}
