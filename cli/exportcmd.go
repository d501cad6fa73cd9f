package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/settings"
	"github.com/spf13/cobra"
)

func (a *cliApp) exportCommand() *cobra.Command {
	var out, format, releaseAt string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "export ID --out FILE",
		Short: "Export a briefing (the format follows the file's extension)",
		Long:  exportLong(),
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "briefing")
			if err != nil {
				return err
			}
			if out == "" {
				return usagef("give the file to write with --out")
			}
			f, err := exportFormat(out, format)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("release-at") && !isReading(f) {
				// The interchange file carries every source's whole text
				// and every note: there is no leaving portions out of it.
				return usagef("--release-at: a release copy is for reading: export it as %s (--out %s); a %s file is the whole briefing for moving between libraries", readingLabels(), readingFiles(), f.Label)
			}
			if err := refuseOtherOptions(cmd, f); err != nil {
				return err
			}
			opts, err := a.exportOptions(cmd, f)
			if err != nil {
				return err
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			load := lib.BundleWithoutTexts
			if f.NeedsTexts {
				load = lib.Bundle
			}
			bundle, err := load(cmd.Context(), id)
			if err != nil {
				return err
			}
			var rel *release
			if cmd.Flags().Changed("release-at") {
				if bundle, rel, err = releaseCopy(bundle, releaseAt); err != nil {
					return err
				}
			}
			if err := writeExport(cmd.Context(), f, out, bundle, opts); err != nil {
				return err
			}
			a.printNotices(cmd.Context(), lib, bundle, f, opts)
			if rel != nil {
				return a.recordRelease(cmd.Context(), id, out, f.Name, rel, asJSON)
			}
			// Kept once the file is written, as the desktop app keeps it.
			snap, err := domain.KeepExportVersion(cmd.Context(), lib, id, out, "")
			if err != nil {
				return notRecorded(err, "briefing %d was exported to %s", id, out)
			}
			if asJSON {
				return writeJSON(a.env.Stdout, jsonExported{ID: id, File: out, Format: f.Name, Version: versionID(snap)})
			}
			printf(a.env.Stdout, "Exported briefing %d to %s\n", id, out)
			printRecorded(a.env.Stdout, snap)
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&out, "out", "", "file to write")
	fl.StringVar(&format, "format", "", export.FormatNames()+" (default: from the extension)")
	fl.StringVar(&releaseAt, "release-at", "", "write a release copy for readers cleared to this marking of the briefing's scheme (e.g. OFFICIAL, TLP:GREEN, \"SECRET//REL TO USA, GBR\"): portions above it are left out")
	addOptionFlags(cmd)
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// exportLong is the export command's help: the formats and their options
// as export registers them.
func exportLong() string {
	var b strings.Builder
	b.WriteString(`Export a briefing with its sources. The format follows the file's
extension, or --format names it:
`)
	for _, f := range export.Formats() {
		fmt.Fprintf(&b, "\n  %-5s %-6s %s", f.Name, f.Ext, f.Label)
		for _, o := range f.Options {
			fmt.Fprintf(&b, "\n               --%s: %s", optionUsage(o), o.Help)
		}
	}
	b.WriteString(`

The file is written to a temporary file beside the target and renamed
when complete, so a failed or interrupted export never damages an earlier
file. Once it is written, the briefing's history keeps the version
exported ("Exported to FILE"), as the desktop app does. Options left out
take the desktop app's settings (File → Settings), else their defaults. Before a PDF is written, characters that no embedded
font can show (emoji, rare scripts) are reported with where they are;
--allow-missing writes the PDF anyway with those characters printed as
their codes, e.g. [U+1F600].

Export refuses, writing nothing, while the briefing's markings would be
wrong (a portion above the overall marking, unmarked portions among
marked ones, a mark of another scheme, a missing authority block); it
names each portion. --release-at LEVEL writes a PDF, Markdown or Word
copy for readers cleared to LEVEL: every portion above it is left out
(and sources only those cited), the banner is recomputed, what was left
out is listed, and the briefing's history records the copy as a version.

A Word (DOCX) file takes its styles, numbered lists, page, headers and
footers from a house template: --template FILE.docx|FILE.dotx, else the
one chosen in the desktop app's Settings, else Attaché's own. 'attache template --out
FILE.dotx' writes Attaché's own, for a team to restyle in Word.`)
	return b.String()
}

// optionUsage is an option as typed: "paper a4|letter", "allow-missing".
func optionUsage(o export.Option) string {
	if o.IsSwitch() {
		return o.Key
	}
	if o.File {
		return o.Key + " " + fileValues(o)
	}
	return o.Key + " " + strings.Join(o.Values(), "|")
}

// addOptionFlags makes every registered format's options flags: a choice
// takes a value, an on/off option is a switch. Options of the same key
// mean the same in every format (export's tests see to it), so one flag
// serves them all.
func addOptionFlags(cmd *cobra.Command) {
	fl := cmd.Flags()
	for _, f := range export.Formats() {
		for _, o := range f.Options {
			if fl.Lookup(o.Key) != nil {
				continue
			}
			if o.IsSwitch() {
				fl.Bool(o.Key, o.Default == "true", o.Help)
				continue
			}
			if o.File {
				fl.String(o.Key, "", fmt.Sprintf("%s: %s (default: the app's setting, else Attaché's own)", o.Help, fileValues(o)))
				continue
			}
			fl.String(o.Key, "", fmt.Sprintf("%s: %s (default: the app's setting, else %s)", o.Help, o.ValueList(), o.Default))
		}
	}
}

// refuseOtherOptions refuses an option flag given for a format that does
// not take it (--template with a PDF): left unused it would be ignored
// without a word. Settings of other formats' options are not flags, and
// are left to the exports that take them.
func refuseOtherOptions(cmd *cobra.Command, f *export.Format) error {
	for _, key := range optionKeys() {
		if _, ok := f.Option(key); ok || !cmd.Flags().Changed(key) {
			continue
		}
		return usagef("--%s applies to %s exports only; this is a %s export", key, formatsTaking(key), f.Label)
	}
	return nil
}

// optionKeys are the option keys of every format, once each, in order.
func optionKeys() []string {
	var keys []string
	for _, f := range export.Formats() {
		for _, o := range f.Options {
			if !slices.Contains(keys, o.Key) {
				keys = append(keys, o.Key)
			}
		}
	}
	return keys
}

// formatsTaking names the formats that take the option key: "Word (DOCX)".
func formatsTaking(key string) string {
	var labels []string
	for _, f := range export.Formats() {
		if _, ok := f.Option(key); ok {
			labels = append(labels, f.Label)
		}
	}
	return orList(labels)
}

// exportOptions are the chosen format's option values: a flag given on
// the command line, else the desktop app's setting of the same key, else
// the option's default.
func (a *cliApp) exportOptions(cmd *cobra.Command, f *export.Format) (export.Options, error) {
	saved := a.savedSettings()
	opts := export.Options{}
	for _, o := range f.Options {
		flag := cmd.Flags().Lookup(o.Key)
		v := flag.Value.String()
		fromSettings := false
		if !flag.Changed {
			v = o.Default
			if s, ok := saved[o.Key]; ok {
				if _, err := o.Parse(s); err == nil {
					v, fromSettings = s, true // a setting this version cannot read is ignored
				}
			}
		}
		parsed, err := o.Parse(v)
		if err != nil {
			return nil, err // EINVALID, exit status 1, as before options were listed
		}
		if o.Key == export.TemplateKey {
			if err := checkTemplate(parsed, fromSettings); err != nil {
				return nil, err
			}
		}
		opts[o.Key] = parsed
	}
	return opts, nil
}

// savedSettings are the desktop app's settings; none when the Env has no
// configuration folder (tests) or the file cannot be read.
func (a *cliApp) savedSettings() map[string]string {
	if a.env.ConfigDir == nil {
		return nil
	}
	dir, err := a.env.ConfigDir()
	if err != nil {
		return nil
	}
	return settings.Strings(settings.File(dir))
}

// exportFormat is the format --format names, else the one the file's
// extension names.
func exportFormat(out, format string) (*export.Format, error) {
	if format != "" {
		if f, ok := export.Lookup(format); ok {
			return f, nil
		}
		return nil, usagef("%q is not an export format: use %s", format, export.FormatNames())
	}
	if f, ok := export.ForFile(out); ok {
		return f, nil
	}
	if ext := strings.TrimPrefix(strings.TrimSpace(strings.ToLower(filepath.Ext(out))), "."); ext != "" {
		return nil, usagef("%q is not an export format: use %s, or give --format", ext, export.FormatNames())
	}
	return nil, usagef("cannot tell the format of %q: end the name with %s, or give --format", out, export.Extensions())
}
