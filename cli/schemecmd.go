package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/settings"
	"github.com/spf13/cobra"
)

// schemesCommand is `attache schemes`: every marking scheme with its
// levels, lowest first, and caveats, as the domain defines them.
func (a *cliApp) schemesCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "schemes",
		Short: "List the marking schemes a briefing can use, with their levels and caveats",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				return writeJSON(a.env.Stdout, listOut(domain.Schemes(), schemeOut))
			}
			for i, s := range domain.Schemes() {
				if i > 0 {
					printf(a.env.Stdout, "\n")
				}
				printScheme(a.env.Stdout, s)
			}
			return nil
		},
	}
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func printScheme(w io.Writer, s *domain.Scheme) {
	printf(w, "%s — %s\n", s.ID, s.Name)
	printf(w, "  Guide: %s\n", s.Guide)
	if s.WholeDocument {
		printf(w, "  Labels the whole briefing; its parts carry no marks of their own.\n")
	}
	if !s.Marks() {
		return
	}
	defined := false // a column of meanings only for the schemes that give them (TLP)
	for _, l := range s.Levels {
		defined = defined || l.Definition != ""
	}
	tw := newTable(w)
	printf(tw, "  LEVEL\tPORTION\tCOLOUR%s\n", map[bool]string{true: "\tMEANING"}[defined])
	for _, l := range s.Levels {
		k := domain.Mark{Scheme: s, Level: l}
		meaning := ""
		if defined {
			meaning = "\t" + l.Definition
		}
		printf(tw, "  %s\t%s\t%s%s\n", l.Banner, k.Portion(), colourText(l), meaning)
	}
	_ = tw.Flush()
	for _, c := range s.Caveats {
		use := c.Banner
		if c.Release {
			use += " " + c.Owner + c.CountrySeparator + "…"
		}
		from := ""
		if l := s.Level(c.MinLevel); l != nil {
			from = " (from " + l.Banner + " up)"
		}
		printf(w, "  Caveat %s: %s%s\n", use, c.Definition, from)
	}
}

func colourText(l *domain.Level) string {
	out := hexColour(l.Ink)
	if l.Fill != nil {
		out += " on " + hexColour(*l.Fill)
	}
	return out
}

func hexColour(c domain.RGB) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// libraryDefaultSchemeCommand is `attache library scheme [ID]`: shows
// the library's default scheme for new briefings, or sets it.
func (a *cliApp) libraryDefaultSchemeCommand() *cobra.Command {
	var clear, asJSON bool
	cmd := &cobra.Command{
		Use:   "scheme [ID]",
		Short: "Show or set the marking scheme new briefings in this library take (" + domain.SchemeIDs() + ")",
		Long: `With no argument, show the library's default marking scheme and the one a
new briefing takes now. With an ID, make that scheme the library's default:
new briefings take it, whatever the analyst's setting. --clear removes the
default, so the analyst's setting (File → Settings) applies again.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if clear && len(args) > 0 {
				return usagef("give a scheme or --clear, not both")
			}
			set := clear || len(args) > 0
			a.mayCreate = set // setting the default may be the first thing done
			if _, err := a.lib(cmd.Context()); err != nil {
				return err
			}
			if set {
				return a.setDefaultScheme(cmd.Context(), args, asJSON)
			}
			return a.showDefaultScheme(cmd.Context(), asJSON)
		},
	}
	cmd.Flags().BoolVar(&clear, "clear", false, "remove the library's default: the analyst's setting applies")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) setDefaultScheme(ctx context.Context, args []string, asJSON bool) error {
	var id domain.SchemeID
	if len(args) > 0 {
		s, err := domain.LookupScheme(args[0])
		if err != nil || strings.TrimSpace(args[0]) == "" {
			return usagef("%q is not a marking scheme: use %s", args[0], domain.SchemeIDs())
		}
		id = s.ID
	}
	if err := a.store.SetDefaultScheme(ctx, id); err != nil {
		return err
	}
	if asJSON {
		return a.showDefaultScheme(ctx, true)
	}
	if id == "" {
		printf(a.env.Stdout, "The library has no default scheme now: new briefings take the analyst's setting\n")
		return nil
	}
	printf(a.env.Stdout, "New briefings in this library take the %s scheme (%s)\n", id, domain.SchemeOf(id).Name)
	return nil
}

func (a *cliApp) showDefaultScheme(ctx context.Context, asJSON bool) error {
	id, err := a.store.DefaultScheme(ctx)
	if err != nil {
		return err
	}
	eff, from, err := a.newBriefingScheme(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.env.Stdout, jsonDefaultScheme{Library: string(id), NewBriefings: string(eff.ID), From: from})
	}
	own := string(id)
	if own == "" {
		own = "none set"
	}
	why := map[string]string{"library": "the library's default", "settings": "the app's setting",
		"none": "neither the library nor the app's settings name a scheme"}[from]
	printf(a.env.Stdout, "Library default: %s\nNew briefings:   %s (%s: %s)\n", own, eff.ID, eff.Name, why)
	return nil
}

// newBriefingScheme is the scheme a new briefing takes: the library's
// default, else the "scheme" key of the app's settings file, else none.
// from says which ("library", "settings" or "none"). A setting this
// version cannot read is passed over, as export's options are.
func (a *cliApp) newBriefingScheme(ctx context.Context) (*domain.Scheme, string, error) {
	lib, err := a.lib(ctx)
	if err != nil {
		return nil, "", err
	}
	id, err := lib.DefaultScheme(ctx)
	if err != nil {
		return nil, "", err
	}
	if id != "" {
		s, err := domain.LookupScheme(string(id))
		if err != nil {
			return nil, "", err
		}
		return s, "library", nil
	}
	if v, ok := a.savedSettings()[settings.Scheme]; ok && strings.TrimSpace(v) != "" {
		if s, err := domain.LookupScheme(v); err == nil {
			return s, "settings", nil
		}
	}
	return domain.SchemeOf(domain.SchemeNone), "none", nil
}

// parseMarkingFlag reads a --…marking flag under scheme s; a refusal is
// a usage error naming the flag, with the scheme's list (the domain's).
func parseMarkingFlag(flag string, s *domain.Scheme, text string) (domain.Marking, error) {
	m, err := domain.ParseMarking(s, text)
	if err != nil {
		return "", usagef("--%s: %s", flag, domain.ErrorMessage(err))
	}
	return m, nil
}

// schemeReading is the one scheme that reads text, for a mark with no
// scheme to go by (an unmarked source and no default scheme): "U" or
// "CUI" can only be US marks. A mark several schemes read ("SECRET") is
// refused naming them, with why there is no scheme to go by and what to
// do, so a mark is never taken under a scheme the analyst did not mean.
func schemeReading(text, why string) (*domain.Scheme, error) {
	var found []*domain.Scheme
	var names []string
	for _, s := range domain.Schemes() {
		if _, err := s.Parse(text); err == nil && s.Marks() {
			found = append(found, s)
			names = append(names, s.Short)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, usagef("--marking: %q is not a marking of any scheme ('attache schemes' lists them)", text)
	}
	return nil, usagef("--marking: %q is a marking of the %s schemes, and %s", text,
		strings.Join(names[:len(names)-1], ", ")+" and "+names[len(names)-1], why)
}
