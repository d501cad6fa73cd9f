// Package logx writes Attaché's messages to standard error, which is a
// terminal the user is not watching or a session log (such as
// ~/.xsession-errors or the journal) that others may read or that gets
// pasted into a bug report: the home folder is written as ~, so a message
// still says which file without showing the user's name.
package logx

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Printf writes "attache: " and the message, with the home folder as ~.
func Printf(w io.Writer, format string, args ...any) {
	home, _ := os.UserHomeDir()
	fmt.Fprintf(w, "attache: %s\n", Tilde(fmt.Sprintf(format, args...), home))
}

// Tilde replaces the home folder home at the start of a path in msg with
// ~.
func Tilde(msg, home string) string {
	home = strings.TrimRight(home, string(filepath.Separator))
	if home == "" {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.Index(msg, home)
		if i < 0 {
			break
		}
		end := i + len(home)
		// Only the whole folder: /home/ann, not /home/anna.
		if end < len(msg) && nameByte(msg[end]) {
			b.WriteString(msg[:end])
			msg = msg[end:]
			continue
		}
		b.WriteString(msg[:i])
		b.WriteString("~")
		msg = msg[end:]
	}
	b.WriteString(msg)
	return b.String()
}

// nameByte tells whether c may go on a file name in a message, as opposed
// to the separator, a space or punctuation after it.
func nameByte(c byte) bool {
	return c >= 0x80 || c == '.' || c == '-' || c == '_' ||
		'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
