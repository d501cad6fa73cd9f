package app

import (
	"strings"

	"github.com/attache/attache/domain"
)

// versionRisk is what the Versions dialog says of a kept version that
// cites sources with a concern: a short flag for its row and, for its
// preview, a line per source. An exported version is what a reader
// holds: if a source it quoted is retracted since, the analyst must see
// which copy is hit, not only that the briefing is.
type versionRisk struct {
	flag   string
	detail string
}

// loadVersionRisks reads, off the UI goroutine, the versions of briefing
// id that cite troubled sources, by snapshot ID. A failure leaves the
// flags off: the versions' own load reports what is wrong.
func (u *UI) loadVersionRisks(id int64) map[int64]versionRisk {
	out := map[int64]versionRisk{}
	risks := u.loadRisks()
	r := risks[id]
	if r == nil || len(r.Versions) == 0 {
		return out
	}
	concerns := u.loadConcerns()
	for _, v := range r.Versions {
		out[v.SnapshotID] = versionRiskOf(v.Sources, concerns)
	}
	return out
}

// versionRiskOf words the flag and the preview's lines for a version
// citing sources (IDs) with the concerns known (a source in the trash is
// not listed among them: it is named by number).
func versionRiskOf(sources []int64, concerns map[int64]*domain.SourceConcern) versionRisk {
	var lines []string
	for _, id := range sources {
		sc := concerns[id]
		name, what := "source "+itoa(int(id)), "changed, gone or discredited"
		if sc != nil {
			name = "“" + sc.Title + "”"
			if d := concernDetail(sc); d != "" {
				what = lowerFirst(d)
			}
		}
		lines = append(lines, "  • "+name+": "+what)
	}
	// Short: it follows the date on the version's row.
	flag := "cites " + plural(len(sources), "troubled source")
	if len(sources) == 1 {
		if sc := concerns[sources[0]]; sc != nil {
			flag = "cites a source " + lowerFirst(concernText(sc))
		}
	}
	detail := "⚠ This version cites " + plural(len(sources), "source") + " with a concern:\n" +
		strings.Join(lines, "\n") + "\nWhoever was sent a copy exported from it may need telling.\n\n"
	return versionRisk{flag: flag, detail: detail}
}
