// Package export turns a domain.Bundle (a briefing with everything it
// cites) into what a reader reads. NewDocument lays the briefing out once
// (model.go): the PDF, the Markdown and the app's plain-text preview are
// drawn from that Document, and so are the word count (Words), the page
// count (Pages, a layout pass) and the checks before export (Warnings),
// and it computes every mark (marks.go): the portions', the banner, the
// first page's authority block and label definition. PDF and Markdown
// refuse, writing nothing, while the markings would be wrong (Refusal);
// Release makes the copy for readers cleared to a marking, which callers
// then export like any bundle.
// Every file format is registered once in Formats (name, extension, MIME
// type, options and a writer that takes a context): PDF, Markdown and
// package interchange's JSON. The command line and the desktop app list
// the formats and their options from there, and Format.WriteFile puts an
// export on disk whole or not at all. gofpdf is imported by the pdf*.go
// files and nowhere else, so a maintained fork can replace it in
// one place.
package export
