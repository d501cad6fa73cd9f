// Package app is Attaché's desktop user interface, built with Fyne: one file
// per screen (library, reader, excerpts, composer, briefings), each a struct
// holding its widgets, a constructor and onX handlers. It is the only package
// besides widgets that imports Fyne (Fyne's own app package is imported as
// fyneapp), and it reaches the library only through the domain services.
//
// The screens arrive with the workspace and composer work; the command line
// (package cli) covers every operation meanwhile.
package app
