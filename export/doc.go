// Package export turns a domain.Bundle (a briefing with everything it
// cites) into files: PDF and Markdown (the JSON interchange format is
// package interchange). Every
// exporter writes to an io.Writer; WriteFileAtomic puts the result on disk
// so a failed export never replaces a good file. gofpdf is imported here
// and nowhere else, so a maintained fork can replace it in one place.
package export
