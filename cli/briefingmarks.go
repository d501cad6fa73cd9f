package cli

import (
	"strings"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

// briefingMarkFlags are a briefing's scheme, markings, authority block and
// notes switch as flags. Every marking is read under the briefing's scheme
// (its new one, when --scheme is given too).
type briefingMarkFlags struct {
	scheme, marking, classification               string
	titleMarking, subtitleMarking, summaryMarking string
	classifiedBy, derivedFrom, declassifyOn       string
	notes, noNotes                                bool
}

func (m *briefingMarkFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&m.scheme, "scheme", "", "marking scheme: "+domain.SchemeIDs()+" (see 'attache schemes')")
	f.StringVar(&m.marking, "marking", "", "overall marking, which the banner shows, e.g. OFFICIAL or SECRET//NOFORN (\"\": the highest portion's)")
	f.StringVar(&m.classification, "classification", "", "another name for --marking")
	f.StringVar(&m.titleMarking, "title-marking", "", "portion marking of the title")
	f.StringVar(&m.subtitleMarking, "subtitle-marking", "", "portion marking of the subtitle")
	f.StringVar(&m.summaryMarking, "summary-marking", "", "portion marking of the bottom line")
	f.StringVar(&m.classifiedBy, "classified-by", "", "authority block (US): Classified By")
	f.StringVar(&m.derivedFrom, "derived-from", "", "authority block (US): Derived From")
	f.StringVar(&m.declassifyOn, "declassify-on", "", "authority block (US): Declassify On")
	f.BoolVar(&m.notes, "notes", false, "print the excerpts' analyst notes in exports")
	f.BoolVar(&m.noNotes, "no-notes", false, "keep the analyst notes out of exports (the default)")
}

// apply copies the flags the user set onto br: the scheme first, then the
// marks read under it.
func (m *briefingMarkFlags) apply(cmd *cobra.Command, br *domain.Briefing) error {
	f := cmd.Flags()
	if f.Changed("scheme") {
		s, err := domain.LookupScheme(m.scheme)
		if err != nil {
			return usageError{err}
		}
		br.Scheme = s.ID
	}
	if f.Changed("marking") && f.Changed("classification") {
		return usagef("--classification is another name for --marking: give one of them")
	}
	if f.Changed("notes") && f.Changed("no-notes") {
		return usagef("give --notes or --no-notes, not both")
	}
	s := br.SchemeDef()
	for flag, dst := range map[string]*domain.Marking{"marking": &br.Classification, "classification": &br.Classification,
		"title-marking": &br.TitleMarking, "subtitle-marking": &br.SubtitleMarking, "summary-marking": &br.SummaryMarking} {
		if !f.Changed(flag) {
			continue
		}
		v, _ := f.GetString(flag)
		mk, err := parseMarkingFlag(flag, s, v)
		if err != nil {
			return err
		}
		*dst = mk
	}
	for flag, dst := range map[string]*string{"classified-by": &br.Authority.ClassifiedBy,
		"derived-from": &br.Authority.DerivedFrom, "declassify-on": &br.Authority.DeclassifyOn} {
		if f.Changed(flag) {
			*dst, _ = f.GetString(flag)
		}
	}
	switch {
	case f.Changed("notes"):
		br.IncludeNotes = m.notes
	case f.Changed("no-notes"):
		br.IncludeNotes = !m.noNotes
	}
	return nil
}

// checkSchemeChange refuses to move br to another scheme while it keeps
// marks of the old one (its own, its blocks' or its excerpts'), naming
// each in the briefing's order and saying, command by command, what to
// do; the domain reads them (Scheme.Admit), this only gathers them for
// one message.
func checkSchemeChange(br *domain.Briefing, old *domain.Scheme) error {
	s := br.SchemeDef()
	if s == old {
		return nil
	}
	var kept []string
	details, blocks, excerpts := false, false, false
	for _, f := range []struct {
		what string
		m    domain.Marking
	}{{"the overall marking", br.Classification}, {"the title", br.TitleMarking},
		{"the subtitle", br.SubtitleMarking}, {"the bottom line", br.SummaryMarking}} {
		if _, err := s.Admit(f.m); err != nil {
			kept, details = append(kept, f.what+" ("+f.m.Banner()+")"), true
		}
	}
	for i, blk := range br.Blocks {
		name := "block " + itoa(int64(i+1)) + " [" + itoa(blk.ID) + "] " + blockLabel(blk)
		if _, err := s.Admit(blk.Marking); err != nil || (s.WholeDocument && blk.Marking != "") {
			kept, blocks = append(kept, name+" ("+blk.Marking.Banner()+")"), true
		}
		if blk.Excerpt != nil {
			if _, err := s.Admit(blk.Excerpt.Marking); err != nil {
				kept, excerpts = append(kept, name+", its excerpt marked ("+blk.Excerpt.Marking.Banner()+")"), true
			}
		}
	}
	if len(kept) == 0 {
		return br.CheckMarkings()
	}
	var msg strings.Builder
	msg.WriteString("briefing " + itoa(br.ID) + " keeps marks of the " + old.Short + " scheme, which the " + s.Short + " scheme cannot carry: ")
	msg.WriteString(strings.Join(kept, "; ") + ". ")
	if details {
		msg.WriteString("Give the details their " + s.Short + " marks in the same command (--marking, --title-marking, --subtitle-marking, --summary-marking; \"\" clears one). ")
	}
	if blocks {
		msg.WriteString("Clear each block's mark first (`attache briefing mark " + itoa(br.ID) + " BLOCK --marking \"\"`), change the scheme, " +
			"then mark the blocks anew (`attache briefing mark " + itoa(br.ID) + " BLOCK --marking …`). ")
	}
	if excerpts {
		msg.WriteString("An excerpt keeps its own marking, of its source's scheme: mark it anew under the " + s.Short + " scheme " +
			"(`attache excerpt edit EXCERPT --marking …`, after its source's when the source is marked: `attache source edit SOURCE --scheme " +
			string(s.ID) + " --marking …`), or remove its block (`attache briefing remove BLOCK`). ")
	}
	msg.WriteString("Nothing was saved")
	return domain.Errorf(domain.EINVALID, "%s", msg.String())
}

// blockLabel names a block briefly: its kind and first words.
func blockLabel(b *domain.Block) string {
	if b.Type == domain.BlockExcerpt {
		return "excerpt " + itoa(b.ExcerptID)
	}
	return string(b.Type) + " “" + clip(b.Text, 40) + "”"
}
