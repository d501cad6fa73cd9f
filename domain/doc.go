// Package domain holds Attaché's vocabulary: sources, excerpts, briefings and
// the services that store and find them. It imports nothing of the project's
// own, so every other package (store, ingest, export, app) can depend on it
// without dragging in SQLite, Fyne or PDF code.
package domain
