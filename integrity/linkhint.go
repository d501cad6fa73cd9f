package integrity

import (
	"runtime"
	"strconv"
	"strings"
)

// LinkEvidenceItem is the app's Edit menu item that links evidence to
// the key judgment being edited, and LinkEvidenceKeys its shortcut as the
// analyst reads it; the messages about a judgment with no evidence name
// both. app/menu.go labels the item with LinkEvidenceItem, and a test
// there holds the shortcut to LinkEvidenceKeys.
const LinkEvidenceItem = "Link evidence to the key judgment…"

// LinkEvidenceKeys is Ctrl+Shift+L, Cmd+Shift+L on a Mac (the app's
// shortcuts use the platform's shortcut key).
var LinkEvidenceKeys = map[bool]string{true: "Cmd+Shift+L", false: "Ctrl+Shift+L"}[runtime.GOOS == "darwin"]

// HowToLink says how to link evidence to the key judgments of blocks ids,
// in the app and from the command line, as a sentence without its full
// stop: "In the composer, drag an excerpt onto it, or click into it and
// use Edit → Link evidence to the key judgment… (Ctrl+Shift+L); from the
// command line, attache briefing link 12 --supports EXCERPT". A block not
// yet in a library (ID 0) makes it BLOCK, a placeholder.
func HowToLink(ids ...int64) string {
	it, one := "it", "it"
	if len(ids) > 1 {
		it, one = "a judgment", "one"
	}
	s := "In the composer, drag an excerpt onto " + it + ", or click into " + one + " and use Edit → " + LinkEvidenceItem +
		" (" + LinkEvidenceKeys + "); from the command line, attache briefing link "
	var names []string
	for _, id := range ids {
		if id <= 0 {
			return s + "BLOCK --supports EXCERPT"
		}
		names = append(names, strconv.FormatInt(id, 10))
	}
	if len(names) == 0 {
		return s + "BLOCK --supports EXCERPT"
	}
	s += names[0] + " --supports EXCERPT"
	if rest := names[1:]; len(rest) > 0 {
		s += ", and the same for block" + plural(len(rest)) + " " + andList(rest)
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// andList joins "7", "9", "11" as "7, 9 and 11".
func andList(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
