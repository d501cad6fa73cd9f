// Package domain holds Attaché's vocabulary: sources, excerpts, briefings and
// the services that store and find them (library.go: the contract every
// store implements). It imports nothing of the project's own, so every
// other package (store, ingest, export, app) can depend on it without
// dragging in SQLite, Fyne or PDF code. Its types carry no storage or
// output format: the store keeps its own records and the command line its
// own JSON shapes.
package domain
