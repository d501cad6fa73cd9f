package domain

// Bundle is a briefing with everything it cites: the unit of the JSON
// interchange format and the input of every exporter.
//
// Excerpt blocks carry their excerpt in Block.Excerpt, whose SourceID names
// one of Sources by ID. In a bundle read from a file, those IDs are local to
// the bundle (1, 2, …) until the store gives the sources their real IDs.
type Bundle struct {
	Briefing *Briefing
	Sources  []*Source
	// Concerns are the concerns of the bundle's sources that have one,
	// keyed by source ID, as the library knows them when the bundle is
	// read (rechecks, standings); nil from a file.
	Concerns map[int64]*SourceConcern
}

// Source returns the bundle's source with the given ID, or nil.
func (b *Bundle) Source(id int64) *Source {
	for _, s := range b.Sources {
		if s.ID == id {
			return s
		}
	}
	return nil
}
