// Package integrity holds the analytic-integrity rules that the app, the
// command line and export share: the estimative-language checker, the
// basis of key judgments in their evidence, what rests on a source with a
// concern, and what changed between two versions of a briefing. It reads
// domain values only: no store, no files, no network, no toolkit.
package integrity
