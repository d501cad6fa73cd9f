package interchange

import (
	"strings"

	"github.com/attache/attache/domain"
)

// readScheme settles the scheme the file's marks are read under: the
// briefing's "scheme" in version 2; in version 1, which had none, the US
// scheme when the file carries any mark (Attaché wrote only US marks
// then), otherwise none. Version 2 fields in a version 1 file are ignored.
func (p *jsonParser) readScheme(jb *jsonBriefing) (*domain.Scheme, error) {
	if p.version >= 2 {
		return domain.LookupScheme(jb.Scheme)
	}
	*jb = jsonBriefing{Title: jb.Title, Subtitle: jb.Subtitle, Author: jb.Author, Audience: jb.Audience,
		Date: jb.Date, Classification: jb.Classification, Status: jb.Status, Summary: jb.Summary}
	marked := strings.TrimSpace(jb.Classification) != ""
	for _, e := range p.blocks {
		marked = marked || strings.TrimSpace(valOf(e.v.Marking)) != ""
	}
	if marked {
		return domain.SchemeOf(domain.SchemeUS), nil
	}
	return domain.SchemeOf(domain.SchemeNone), nil
}

// marking reads a mark written under scheme s: its banner or portion form
// or its stored code. A mark of another scheme is refused saying which
// scheme each uses (Scheme.Admit); anything else with the scheme's list.
func (p *jsonParser) marking(s *domain.Scheme, text string) (domain.Marking, error) {
	m, err := domain.ParseMarking(s, text)
	if err == nil {
		return m, nil
	}
	if k, rerr := domain.Marking(strings.TrimSpace(text)).Read(); rerr == nil && k.Scheme != s {
		if _, aerr := s.Admit(k.Marking()); aerr != nil {
			err = aerr
		}
	}
	switch {
	case p.version < 2:
		return "", domain.Errorf(domain.EINVALID, "%s (a version 1 file is read with US markings: if it uses another scheme, set \"version\": 2 and the briefing's \"scheme\")", domain.ErrorMessage(err))
	case !s.Marks():
		return "", domain.Errorf(domain.EINVALID, "%s (in the file, the briefing's \"scheme\")", domain.ErrorMessage(err))
	}
	return "", err
}

// markings reads the briefing's own marks into b under p.scheme.
func (p *jsonParser) markings(where string, jb *jsonBriefing, b *domain.Briefing) error {
	for _, f := range []struct {
		field string
		text  string
		to    *domain.Marking
	}{{"classification", jb.Classification, &b.Classification}, {"title_marking", jb.TitleMarking, &b.TitleMarking},
		{"subtitle_marking", jb.SubtitleMarking, &b.SubtitleMarking}, {"summary_marking", jb.SummaryMarking, &b.SummaryMarking}} {
		m, err := p.marking(p.scheme, f.text)
		if err != nil {
			return fieldError(where, f.field, err)
		}
		*f.to = m
	}
	if a := jb.Authority; a != nil {
		if err := checkValues(where+": \"authority\"", *a); err != nil {
			return err
		}
		b.Authority = domain.Authority{ClassifiedBy: a.ClassifiedBy, DerivedFrom: a.DerivedFrom, DeclassifyOn: a.DeclassifyOn}
	}
	return nil
}

// sourceMarking reads a source's marking under its "marking_scheme", or
// the briefing's scheme when it names none.
func (p *jsonParser) sourceMarking(where string, js jsonSource) (domain.Marking, error) {
	if p.version < 2 {
		return "", nil
	}
	s := p.scheme
	if js.MarkingScheme != "" {
		var err error
		if s, err = domain.LookupScheme(js.MarkingScheme); err != nil {
			return "", fieldError(where, "marking_scheme", err)
		}
	}
	m, err := p.marking(s, js.Marking)
	if err != nil {
		return "", fieldError(where, "marking", err)
	}
	return m, nil
}
