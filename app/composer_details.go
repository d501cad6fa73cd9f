package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// markingDetails are the briefing's marking fields in the composer's
// details: its scheme, the overall marking and the details' own portion
// marks, the authority block (for schemes that have one) and whether
// exports print the analyst's notes.
type markingDetails struct {
	c         *composer
	scheme    *widget.Select
	overall   *markingField
	marks     map[string]*markingField // title, subtitle, summary
	authority map[string]*widget.Entry // classifiedBy, derivedFrom, declassifyOn
	authRows  []fyne.CanvasObject      // their labels and entries, shown for schemes with Authority
	markRows  []fyne.CanvasObject      // the portion marks' rows, hidden for schemes that label only the whole
	notes     *widget.Check
	scale     *widget.Select // the estimative scale (domain.Scales)
	grid      *fyne.Container
}

// scaleNone is the scale choice of a briefing held to no scale.
const scaleNone = "None"

// scaleNames are the scale select's choices: none, then each scale by its
// short name.
func scaleNames() []string {
	out := []string{scaleNone}
	for _, s := range domain.Scales() {
		out = append(out, s.Short)
	}
	return out
}

// scaleChoice is the choice that names the scale id.
func scaleChoice(id domain.ScaleID) string {
	if s := domain.ScaleOf(id); s != nil {
		return s.Short
	}
	return scaleNone
}

// scaleChosen is the scale the choice names.
func scaleChosen(name string) domain.ScaleID {
	for _, s := range domain.Scales() {
		if s.Short == name {
			return s.ID
		}
	}
	return domain.ScaleNone
}

// schemeNames are the schemes' names, as the scheme select offers them.
func schemeNames() []string {
	var out []string
	for _, s := range domain.Schemes() {
		out = append(out, s.Name)
	}
	return out
}

// schemeNamed is the scheme whose name the select shows; none if unknown.
func schemeNamed(name string) *domain.Scheme {
	for _, s := range domain.Schemes() {
		if s.Name == name {
			return s
		}
	}
	return domain.SchemeOf(domain.SchemeNone)
}

// detailLabel is a label of the details' form, as widget.Form draws them.
func detailLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// newMarkingDetails adds the marking rows to grid, a form layout.
func newMarkingDetails(c *composer, grid *fyne.Container) *markingDetails {
	m := &markingDetails{c: c, marks: map[string]*markingField{}, authority: map[string]*widget.Entry{}, grid: grid}
	none := domain.SchemeOf(domain.SchemeNone)
	m.scheme = widget.NewSelect(schemeNames(), m.onScheme)
	m.overall = newMarkingField(none, true)
	m.overall.NoneText = "From the portions" // the banner is then the highest portion's
	m.overall.setScheme(none)
	m.overall.OnChanged = func() {
		m.onMark("", m.overall, func(b *domain.Briefing, v domain.Marking) { b.Classification = v })
		m.blockLabels()
	}
	grid.Add(detailLabel("Marking scheme"))
	grid.Add(m.scheme)
	grid.Add(detailLabel("Overall marking"))
	grid.Add(m.overall.box)
	for _, f := range []struct {
		key, label string
		set        func(*domain.Briefing, domain.Marking)
	}{{"title", "Title's marking", func(b *domain.Briefing, v domain.Marking) { b.TitleMarking = v }},
		{"subtitle", "Subtitle's marking", func(b *domain.Briefing, v domain.Marking) { b.SubtitleMarking = v }},
		{"summary", "Bottom line's marking", func(b *domain.Briefing, v domain.Marking) { b.SummaryMarking = v }}} {
		mf := newMarkingField(none, true)
		set := f.set
		mf.OnChanged = func() { m.onMark(f.key, mf, set) }
		m.marks[f.key] = mf
		l := detailLabel(f.label)
		m.markRows = append(m.markRows, l, mf.box)
		grid.Add(l)
		grid.Add(mf.box)
	}
	for _, f := range []struct{ key, label string }{{"classifiedBy", "Classified By"}, {"derivedFrom", "Derived From"}, {"declassifyOn", "Declassify On"}} {
		e := widget.NewEntry()
		e.SetPlaceHolder(blockHints[f.label])
		e.Validator = limitValidator(domain.AuthorityLine)
		key := f.key
		e.OnChanged = func(s string) { m.onAuthority(key, s) }
		m.authority[key] = e
		l := detailLabel(f.label)
		m.authRows = append(m.authRows, l, e)
		grid.Add(l)
		grid.Add(e)
	}
	m.notes = widget.NewCheck("Include analyst notes in exports", func(on bool) {
		c.onText("", func(b *domain.Briefing) { b.IncludeNotes = on })
	})
	grid.Add(layout.NewSpacer())
	grid.Add(m.notes)
	// The scale the likelihood words are held to, saved with the briefing.
	m.scale = widget.NewSelect(scaleNames(), func(name string) {
		id := scaleChosen(name)
		if c.d != nil && c.d.b.Scale != id {
			c.onText("", func(b *domain.Briefing) { b.Scale = id })
		}
	})
	grid.Add(detailLabel("Estimative scale"))
	grid.Add(m.scale)
	return m
}

// fill shows the briefing's marking fields (the composer is loading).
func (m *markingDetails) fill(b *domain.Briefing) {
	s := b.SchemeDef()
	m.scheme.SetSelected(s.Name)
	m.showScheme(s)
	m.overall.set(b.Classification)
	m.marks["title"].set(b.TitleMarking)
	m.marks["subtitle"].set(b.SubtitleMarking)
	m.marks["summary"].set(b.SummaryMarking)
	for k, v := range map[string]string{"classifiedBy": b.Authority.ClassifiedBy, "derivedFrom": b.Authority.DerivedFrom,
		"declassifyOn": b.Authority.DeclassifyOn} {
		setText(m.authority[k], v)
	}
	m.notes.SetChecked(b.IncludeNotes)
	m.scale.SetSelected(scaleChoice(b.Scale))
	m.blockLabels()
}

// blockLabels names the three first-page lines as the overall marking's
// level has them: CUI's designation indicator (Controlled By, CUI
// Category, POC) or the classification authority block otherwise.
func (m *markingDetails) blockLabels() {
	s := m.overall.scheme
	var blk *domain.FirstPageBlock
	if v, err := m.overall.value(); err == nil {
		if k, err := s.Admit(v); err == nil && k.Level != nil {
			blk = k.Level.Block
		}
	}
	for i := len(s.Levels) - 1; blk == nil && i >= 0; i-- {
		blk = s.Levels[i].Block // the highest level's block, until a level is chosen
	}
	if blk == nil {
		return
	}
	for i, l := range blk.Lines {
		if lbl, ok := m.authRows[2*i].(*widget.Label); ok && lbl.Text != l.Label {
			lbl.SetText(l.Label)
			if e, ok := m.authRows[2*i+1].(*widget.Entry); ok {
				e.SetPlaceHolder(blockHints[l.Label])
			}
		}
	}
}

// blockHints say what goes on each line of a first-page block.
var blockHints = map[string]string{
	"Classified By": "name and position, or identifier", "Derived From": "the source document or guide",
	"Declassify On": "a date (YYYYMMDD) or event", "Controlled By": "the agency (required)",
	"CUI Category": "e.g. Export Controlled", "POC": "name and telephone or email",
}

// showScheme offers s's marks in every marking field, and the authority
// block only if s has one.
func (m *markingDetails) showScheme(s *domain.Scheme) {
	for _, f := range append([]*markingField{m.overall}, m.marks["title"], m.marks["subtitle"], m.marks["summary"]) {
		if f.scheme != s {
			f.setScheme(s)
		}
	}
	showAll(m.authRows, s.Authority)
	showAll(m.markRows, s.Marks() && !s.WholeDocument)
	m.grid.Refresh()
	if m.c.editor != nil {
		m.c.editor.setScheme(s)
	}
}

// onMark records a marking chosen in f; one that is not a marking (a
// release list without its owner) is shown under the field, not saved.
func (m *markingDetails) onMark(key string, f *markingField, set func(*domain.Briefing, domain.Marking)) {
	v, err := f.value()
	if err != nil {
		return
	}
	m.c.onText("", func(b *domain.Briefing) { set(b, v) }) // the document's unmarked tags follow
}

func (m *markingDetails) onAuthority(key, v string) {
	m.c.onText(key, func(b *domain.Briefing) {
		switch key {
		case "classifiedBy":
			b.Authority.ClassifiedBy = v
		case "derivedFrom":
			b.Authority.DerivedFrom = v
		case "declassifyOn":
			b.Authority.DeclassifyOn = v
		}
	})
}

// onScheme changes the briefing's scheme. Marks of the old scheme would
// mean nothing under the new one: the analyst is shown them and may clear
// them all and change, or keep the scheme; none is dropped unseen.
func (m *markingDetails) onScheme(name string) {
	c := m.c
	if c.loading || c.d == nil {
		return
	}
	s := schemeNamed(name)
	b := c.d.b
	if s.ID == b.SchemeDef().ID {
		return
	}
	old := b.SchemeDef()
	if foreign := excerptsForeignTo(b, s); len(foreign) > 0 {
		// Excerpts keep their own marks, which the briefing cannot clear.
		c.loading = true
		m.scheme.SetSelected(old.Name)
		c.loading = false
		c.ui.askList("The scheme cannot change", "“"+b.Title+"” quotes "+plural(len(foreign), "excerpt")+" marked under another scheme than the "+s.Name+":",
			foreign, "Remove them from the briefing, or mark them again in the Excerpts view, then change the scheme.", "", "Close", func(bool) {})
		return
	}
	marks := marksOf(b)
	if len(marks) == 0 {
		m.setScheme(s, false)
		return
	}
	c.loading = true
	m.scheme.SetSelected(old.Name) // until the analyst answers
	c.loading = false
	intro := "“" + b.Title + "” carries " + plural(len(marks), old.Short+" mark") + ", which the " + s.Name + " cannot carry:"
	c.ui.askList("Change the marking scheme?", intro, marks, "Clear them all and change the scheme, or keep "+old.Name+"?",
		"Clear marks and change", "Keep "+old.Short, func(ok bool) {
			if ok && c.d != nil && c.d.b == b {
				m.setScheme(s, true)
			}
		})
}

// setScheme records the change of scheme, clearing every mark if clear.
func (m *markingDetails) setScheme(s *domain.Scheme, clear bool) {
	c := m.c
	c.onText("", func(b *domain.Briefing) {
		b.Scheme = s.ID
		if clear {
			b.Classification, b.TitleMarking, b.SubtitleMarking, b.SummaryMarking = "", "", "", ""
			for _, blk := range b.Blocks {
				blk.Marking = ""
			}
		}
	})
	c.fill()
}

// marksOf lists the briefing's marks, each with what it marks.
func marksOf(b *domain.Briefing) []string {
	var out []string
	add := func(what string, mk domain.Marking) {
		if mk != "" {
			out = append(out, what+": "+mk.Banner())
		}
	}
	add("overall marking", b.Classification)
	add("title", b.TitleMarking)
	add("subtitle", b.SubtitleMarking)
	add("bottom line", b.SummaryMarking)
	for i, blk := range b.Blocks {
		add(blockName(i, blk), blk.Marking)
	}
	return out
}

// excerptsForeignTo lists the excerpts of b marked under another scheme
// than s, each with its mark.
func excerptsForeignTo(b *domain.Briefing, s *domain.Scheme) []string {
	var out []string
	for i, blk := range b.Blocks {
		if blk.Type != domain.BlockExcerpt || blk.Excerpt == nil {
			continue
		}
		if _, err := s.Admit(blk.Excerpt.Marking); err != nil {
			out = append(out, blockName(i, blk)+": "+foreignChoice(blk.Excerpt.Marking))
		}
	}
	return out
}

// blockName names a block for a list: "block 3, commentary “The claim…”".
func blockName(i int, blk *domain.Block) string {
	text := blk.Text
	if blk.Type == domain.BlockExcerpt && blk.Excerpt != nil {
		text = blk.Excerpt.Quote
		if f := blk.Excerpt.Figure; f != nil {
			text = f.Label()
		}
	}
	return "block " + itoa(i+1) + ", " + strings.ToLower(blockTypeName(blk.Type)) + " “" + clipRunes(text, 40) + "”"
}

// blockTypeName is how the analyst knows a block's type.
func blockTypeName(t domain.BlockType) string {
	switch t {
	case domain.BlockHeading:
		return "Heading"
	case domain.BlockJudgment:
		return "Key judgment"
	case domain.BlockExcerpt:
		return "Excerpt"
	}
	return "Commentary"
}

// Disable greys the marking fields out (a read-only library).
func (m *markingDetails) Disable() {
	m.scheme.Disable()
	m.overall.Disable()
	for _, f := range m.marks {
		f.Disable()
	}
	for _, e := range m.authority {
		e.Disable()
	}
	m.notes.Disable()
	m.scale.Disable()
}

// Enable is not offered: a library opened read-only stays so.
func (m *markingDetails) Enable() {}

// Disabled tells whether the fields are greyed out.
func (m *markingDetails) Disabled() bool { return m.scheme.Disabled() }

// showAll shows or hides objects.
func showAll(objects []fyne.CanvasObject, show bool) {
	for _, o := range objects {
		if show {
			o.Show()
		} else {
			o.Hide()
		}
	}
}
