// Package export turns a domain.Bundle (a briefing with everything it
// cites) into files. Every format is registered once in Formats (name,
// extension, MIME type, options and a writer that takes a context): PDF,
// Markdown and package interchange's JSON. The command line and the
// desktop app list the formats and their options from there, and
// Format.WriteFile puts an export on disk whole or not at all. gofpdf is
// imported here and nowhere else, so a maintained fork can replace it in
// one place.
package export
