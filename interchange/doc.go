// Package interchange reads and writes the briefing interchange format, a
// JSON file holding a briefing with the sources and excerpts it cites (the
// format is described at the top of write.go and in docs/json-format.md).
// The app and the command line import briefings with ReadJSON and export
// them with WriteJSON; it imports only the domain.
package interchange
