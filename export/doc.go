// Package export turns a domain.Bundle (a briefing with everything it
// cites) into what a reader reads. NewDocument lays the briefing out once
// (model.go): the PDF, the Markdown and the app's plain-text preview are
// drawn from that Document, and so are the word count (Words), the page
// count (Pages, a layout pass) and the checks before export (Warnings).
// The JSON interchange format is package interchange. Every exporter
// writes to an io.Writer; WriteFileAtomic puts the result on disk so a
// failed export never replaces a good file. gofpdf is imported by the
// pdf*.go files and nowhere else, so a maintained fork can replace it in
// one place.
package export
