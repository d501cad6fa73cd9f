package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/attache/attache/domain"
)

// buildPDF turns the extracted pages into a source: running heads removed,
// metadata from the document and its first page, paragraphs joined, and
// the offsets at which pages begin.
func buildPDF(in input, d *pdfDoc) (*domain.Source, *Report, error) {
	base := in.label
	if len(d.pages) == 0 {
		return nil, nil, domain.Errorf(domain.EINVALID, "%s has no pages: it may be damaged or unfinished; "+
			"open it in a PDF reader, save a new copy and import that", base)
	}
	var failed, empty []string
	chars := 0
	for i, p := range d.pages {
		switch {
		case p.failed:
			failed = append(failed, strconv.Itoa(i+1))
		case len(p.lines) == 0:
			empty = append(empty, strconv.Itoa(i+1))
		}
		for _, l := range p.lines {
			chars += len(strings.TrimSpace(l.text))
		}
	}
	switch {
	case len(failed) == len(d.pages):
		return nil, nil, domain.Errorf(domain.EINVALID, "%s is damaged: none of its pages could be read; "+
			"open it in a PDF reader, save a new copy and import that", base)
	case chars == 0:
		return nil, nil, domain.Errorf(domain.EINVALID, "%s has no text layer (it looks like scanned images): "+
			"run OCR on it first, e.g. with ocrmypdf, then import the result", base)
	}
	b := newBuilder(in, domain.KindReport, FormatPDF, "", nil)
	b.found("format", FormatPDF, "")
	b.found("pages", strconv.Itoa(len(d.pages)), "")
	running := dropRunning(d)
	st := measure(d)
	created := b.applyPDFInfo(d, in.name)
	if !b.applyCover(d, st) && !created.IsZero() {
		b.src.Published = created
		b.found("published", created.String(), "document creation date")
	}
	b.rep.Detected = append(b.rep.Detected, running...)
	paras, dups := collapsePDFDuplicates(paragraphsOf(d, st, newVocab(d)))
	if dups > 0 {
		b.rep.DuplicatesCollapsed = dups
		b.warn("removed %s: a paragraph directly repeated the one before it; compare with the original if the repeat was meant",
			plural(dups, "repeated paragraph", "repeated paragraphs"))
	}
	var glyphs []pglyph
	b.src.Text, b.src.Pages, glyphs = assemble(paras, len(d.pages))
	sizes := make([]domain.PageSize, len(d.pages))
	for i, p := range d.pages {
		sizes[i] = p.drawn
	}
	b.src.TextMap = textMap(sizes, glyphs)
	if len(failed) > 0 {
		b.warn("could not read %s: that text is missing; the PDF may be damaged", pageList(failed))
	}
	if len(empty) > 0 {
		b.warn("no text on %s (blank, or a scanned image: run OCR on the PDF to get the text)", pageList(empty))
	}
	if err := b.finish(); err != nil {
		return nil, nil, err
	}
	return b.src, b.rep, nil
}

// coverWindow is how many lines at the top of the first page with text are
// searched for the title, byline and date.
const coverWindow = 12

// applyCover fills title, subtitle, authors and date from the first page
// where the metadata left them empty: the largest type at the top is the
// title, a "By …" line or a line of names the authors, a date line the date.
// Lines it uses leave the text. It reports whether it found a date.
func (b *builder) applyCover(d *pdfDoc, st pdfStats) bool {
	var lines []*pdfLine
	for pi := 0; pi < len(d.pages) && pi < 2 && len(lines) == 0; pi++ {
		for _, l := range d.pages[pi].lines {
			if !l.drop && len(lines) < coverWindow {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) == 0 {
		return false
	}
	s := b.src
	var used []*pdfLine
	// Title: the first run of the largest type, clearly larger than the body.
	top := 0.0
	for _, l := range lines[:min(len(lines), 8)] {
		top = max(top, l.size)
	}
	i := 0
	if top >= 1.2*st.body {
		for i < len(lines) && lines[i].size < 0.9*top {
			i++
		}
		j := i
		for j < len(lines) && j-i < 4 && lines[j].size >= 0.9*top {
			j++
		}
		title := joinText(lines[i:j])
		switch {
		case s.Title == "" && plausibleTitle(title, ""):
			s.Title = oneLine(title)
			b.found("title", s.Title, fmt.Sprintf(`largest text on page %d`, lines[i].page+1))
			used = append(used, lines[i:j]...)
		case sameText(title, s.Title):
			used = append(used, lines[i:j]...)
		}
		i = j
		// Subtitle: what follows in type between body and title size.
		k := i
		for k < len(lines) && k-i < 3 && lines[k].size > 1.1*st.body && lines[k].size < 0.9*top {
			k++
		}
		if sub := joinText(lines[i:k]); sub != "" && (s.Subtitle == "" || sameText(sub, s.Subtitle)) {
			if s.Subtitle == "" {
				s.Subtitle = oneLine(sub)
				b.found("subtitle", s.Subtitle, fmt.Sprintf(`under the title on page %d`, lines[i].page+1))
			}
			used = append(used, lines[i:k]...)
			i = k
		}
	}
	dated, bylined := false, false
	for k, l := range lines {
		by, ok := parseByline(l.text)
		names := false
		if !ok && i > 0 && k >= i && k < i+3 {
			by, ok = parseByline("By " + l.text)
			ok = ok && allMultiWord(by.authors)
			names = ok
		}
		switch {
		case ok && !bylined:
			bylined = true
			used = append(used, l)
			if len(s.Authors) == 0 {
				s.Authors = by.authors
				what := "byline"
				if names {
					what = "names under the title"
				}
				b.found("authors", authorList(by.authors), fmt.Sprintf(`%s on page %d`, what, l.page+1))
			} else {
				b.found("removed", `"`+oneLine(l.text)+`"`, "byline line")
			}
		case !dated:
			if p, u, ok := parseDateLine(l.text); ok {
				dl := p
				if dl.date.IsZero() {
					dl = u
				}
				dated = true
				used = append(used, l)
				s.Published = dl.date
				b.found("published", dl.date.String(), fmt.Sprintf(`from "%s" on page %d`, oneLine(l.text), l.page+1))
			}
		}
	}
	for _, l := range used {
		l.drop = true
	}
	if !anyKept(d) { // a one-page note with only a title keeps its lines
		for _, l := range used {
			l.drop = false
		}
	}
	return dated
}

// pageList names pages for a warning: "page 3", "pages 3, 7 and 9", "40 pages".
func pageList(nums []string) string {
	switch n := len(nums); {
	case n == 1:
		return "page " + nums[0]
	case n > 12:
		return strconv.Itoa(n) + " pages"
	default:
		return "pages " + strings.Join(nums[:n-1], ", ") + " and " + nums[n-1]
	}
}

func joinText(ls []*pdfLine) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, " ")
}

// allMultiWord accepts a list of names of two to four words in mixed case,
// as a bare line of names under a title has; "PREPARED FOR" is a label.
func allMultiWord(names []string) bool {
	for _, n := range names {
		words := strings.Fields(n)
		if len(words) < 2 || len(words) > 4 {
			return false
		}
		for _, w := range words {
			if len(w) > 2 && strings.ToUpper(w) == w {
				return false
			}
		}
	}
	return len(names) > 0
}

func anyKept(d *pdfDoc) bool {
	for _, p := range d.pages {
		for _, l := range p.lines {
			if !l.drop {
				return true
			}
		}
	}
	return false
}
