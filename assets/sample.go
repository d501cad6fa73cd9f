package assets

import _ "embed" // for go:embed

// SampleBriefing is the sample library: a briefing with its sources and
// excerpts in the JSON interchange format (see interchange/write.go). It is offered
// to a new user on first run. The sources are invented for the sample: their
// publishers, authors and figures are fictional.
//
//go:embed sample/sample-briefing.json
var SampleBriefing []byte
