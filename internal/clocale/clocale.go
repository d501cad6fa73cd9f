// Package clocale quiets Fyne under the C.UTF-8 locale of many containers
// and servers: Fyne's translations start up while packages initialise and
// log "Error parsing user locale C" three times on every run, even for
// library commands that never open a window. Read as a locale name,
// "C.UTF-8" is not one; for messages it means the untranslated "C", so
// LC_MESSAGES=C says the same thing in a form Fyne understands.
//
// main imports this package for its side effect. Go initialises the
// packages a program imports in import-path order as soon as their own
// imports are ready, so this package (which needs only os and strings)
// runs before Fyne's lang package, which waits for its locale library.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LC_ALL") != "" || os.Getenv("LC_MESSAGES") != "" {
		return
	}
	if lang := os.Getenv("LANG"); strings.HasPrefix(lang, "C.") {
		_ = os.Setenv("LC_MESSAGES", "C")
	}
}
