package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

// writeJSON writes v as indented JSON. The encoder escapes C0 controls;
// DEL, C1 controls and bidi overrides, which it passes raw, are written as
// \u escapes too, so JSON read on a terminal cannot drive it either. The
// values decode exactly as stored.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, jsonSafe(buf.String()))
	return err
}

// jsonSafe escapes the runes terminalSafe would in encoded JSON. They can
// only occur inside its strings (the rest is ASCII), where \uXXXX means
// the same rune.
func jsonSafe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune is a rune a terminal may act on or that reorders what it
// shows: the control characters no field may hold (domain.IsControl), a
// carriage return (which lets a line overwrite itself) and the bidi
// controls.
func unsafeRune(r rune) bool {
	return domain.IsControl(r) || r == '\r' || domain.IsBidiControl(r)
}

// terminalSafe shows unsafe runes and bytes that are not UTF-8 as Go
// escapes (ESC as \x1b, U+202E as \u202e, a stray byte 0x9B as \x9b), visible and inert: a title from
// a web page can hold ESC ] 0; … (retitle the window) or ESC [2J (clear the
// screen). Line feeds and tabs, which the layout needs, stay.
func terminalSafe(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i]) // a byte that is not UTF-8
		case unsafeRune(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func addJSONFlag(cmd *cobra.Command, dst *bool) {
	cmd.Flags().BoolVar(dst, "json", false, "print machine-readable JSON")
}

func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
}

// clip shortens s to n runes on one line, for table cells.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func parseID(s, what string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not a %s id: give the number shown in the listings", s, what)
	}
	return id, nil
}

func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %s", cmd.CommandPath(), names)
		}
		return nil
	}
}

// printf is how every command writes text for people, tables included:
// the values are made terminalSafe, whatever the verb that formats them.
func printf(w io.Writer, format string, args ...any) {
	io.WriteString(w, terminalSafe(fmt.Sprintf(format, args...)))
}
