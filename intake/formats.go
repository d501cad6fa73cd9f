package intake

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/attache/attache/ingest"
)

// Format is a kind of file Import takes: ingest's formats, then briefing
// files in the interchange format.
type Format struct {
	Name        string
	Description string   // a few words for the analyst
	Extensions  []string // lower case with the dot; the first is the usual one
}

// briefingFormat is the interchange format, read by interchange.ReadJSON.
var briefingFormat = Format{Name: "briefing", Description: "a briefing file", Extensions: []string{".json"}}

// Formats lists every format an import takes, in the order the analyst is
// told about them.
func Formats() []Format {
	var out []Format
	for _, f := range ingest.Formats() {
		out = append(out, Format{Name: f.Name, Description: f.Description, Extensions: f.Extensions})
	}
	b := briefingFormat
	b.Extensions = slices.Clone(b.Extensions)
	return append(out, b)
}

// Extensions is every extension an import takes, as the file dialog
// filters by and a folder is searched for.
func Extensions() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Extensions...)
	}
	return out
}

// Accepted names the formats with their usual extensions, for messages:
// "plain text (.txt), …, a Word document (.docx) or a briefing file (.json)".
func Accepted() string {
	fs := Formats()
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Description + " (" + f.Extensions[0] + ")"
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// isBriefingFile tells a briefing file by its extension, as the file
// dialog shows it.
func isBriefingFile(path string) bool {
	return slices.Contains(briefingFormat.Extensions, strings.ToLower(filepath.Ext(path)))
}
