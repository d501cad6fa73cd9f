package export

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/attache/attache/domain"
)

// Option is a setting an exporter takes. The command line makes each one a
// flag named Key; the export dialog shows each one with choices as a
// drop-down labelled Label. The desktop app keeps the analyst's last choice
// under the same Key in its settings, which is also where the command
// line takes its default from.
type Option struct {
	Key     string   // "paper": the flag, the settings key, the Options key
	Label   string   // "Paper"
	What    string   // "paper size": what a value is, for errors
	Help    string   // one line for the command line's usage
	Choices []Choice // the values it takes; none for an on/off option
	Default string   // a Choice's Value, or "true"/"false" for on/off
	// AskFirst marks an on/off option the dialog does not show: the export
	// stops with an error that says why, and the app asks before it
	// exports again with the option on (the PDF's missing characters).
	AskFirst bool
	// File marks an option whose value is a file's path, "" for none (the
	// DOCX house template): the command line takes it as a string flag,
	// the dialog shows a file field, the settings keep the path. Exts are
	// the extensions it takes, with the dot. Parse checks the extension
	// only: the writer reads the file, and says what is wrong with it.
	File bool
	Exts []string
}

// Choice is one value of an Option.
type Choice struct {
	Value   string   // "letter": canonical, what writers receive
	Label   string   // "US Letter": what the app shows and keeps
	Aliases []string // other spellings accepted, lower case
}

// Options are option values by key. Values may be a Choice's Value, its
// Label or an alias, in any case; Format.Write parses them.
type Options map[string]string

// On says whether the on/off option key is on.
func (o Options) On(key string) bool { return o[key] == "true" }

// IsSwitch says whether the option is on/off rather than a choice.
func (o Option) IsSwitch() bool { return len(o.Choices) == 0 && !o.File }

// Parse gives the canonical value of s: a Choice's Value, or "true" or
// "false". An empty s is the default; anything else unknown is EINVALID.
func (o Option) Parse(s string) (string, error) {
	if o.File {
		return o.parseFile(s)
	}
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "" {
		v = o.Default
	}
	if o.IsSwitch() {
		switch v {
		case "true", "on", "yes", "1":
			return "true", nil
		case "false", "off", "no", "0":
			return "false", nil
		}
		return "", domain.Errorf(domain.EINVALID, "%q is not on or off for %s: use true or false", s, o.What)
	}
	for _, c := range o.Choices {
		if v == c.Value || v == strings.ToLower(c.Label) || slices.Contains(c.Aliases, v) {
			return c.Value, nil
		}
	}
	return "", domain.Errorf(domain.EINVALID, "%q is not a %s: use %s", s, o.What, o.ValueList())
}

// parseFile checks a file option's path: empty, or ending in one of Exts.
// The path is kept as given (trimmed), never lower-cased.
func (o Option) parseFile(s string) (string, error) {
	p := strings.TrimSpace(s)
	if p == "" {
		return o.Default, nil
	}
	ext := strings.ToLower(filepath.Ext(p))
	if len(o.Exts) > 0 && !slices.Contains(o.Exts, ext) {
		return "", domain.Errorf(domain.EINVALID, "%q is not a %s: choose a %s file, or leave it empty", s, o.What, orList(o.Exts))
	}
	return p, nil
}

// Values are the choices' values, in order: a4, letter.
func (o Option) Values() []string {
	values := make([]string, len(o.Choices))
	for i, c := range o.Choices {
		values[i] = c.Value
	}
	return values
}

// ValueList names the choices' values: "a4 or letter".
func (o Option) ValueList() string { return orList(o.Values()) }

// LabelOf is the label of a value in any spelling Parse accepts; the
// default's label when v is not one.
func (o Option) LabelOf(v string) string {
	p, err := o.Parse(v)
	if err != nil {
		p = o.Default
	}
	for _, c := range o.Choices {
		if c.Value == p {
			return c.Label
		}
	}
	return p
}

// Labels are the choices' labels, in order, for a drop-down.
func (o Option) Labels() []string {
	out := make([]string, len(o.Choices))
	for i, c := range o.Choices {
		out[i] = c.Label
	}
	return out
}

// AllowMissing is the key of the PDF's on/off option that prints the
// characters no embedded font has as their codes; a PDF export without it
// stops with a MissingCharsError before writing anything.
const AllowMissing = "allow-missing"

var (
	paperOption = Option{Key: "paper", Label: "Paper", What: "paper size", Help: "PDF paper size",
		Choices: []Choice{
			{Value: "a4", Label: "A4"},
			{Value: "letter", Label: "US Letter", Aliases: []string{"us-letter", "usletter"}},
		}, Default: "a4"}
	basisOption = Option{Key: "basis", Label: "Basis of key judgments", What: "choice for the basis of key judgments",
		Help: "print each key judgment's basis under it, with notes citing its evidence (auto: drafts and briefings in review that link evidence)",
		Choices: []Choice{
			{Value: "auto", Label: "Auto (drafts and review)", Aliases: []string{"default"}},
			{Value: "on", Label: "Print", Aliases: []string{"true", "yes", "always"}},
			{Value: "off", Label: "Leave out", Aliases: []string{"false", "no", "never"}},
		}, Default: "auto"}
	readingGuideOption = Option{Key: "reading-guide", Label: "How to read this assessment", What: "choice for the reading guide",
		Help: "append How to read this assessment: the scale, the confidence levels and the grades used (auto: with a scale or the basis)",
		Choices: []Choice{
			{Value: "auto", Label: "Auto (with a scale or the basis)", Aliases: []string{"default"}},
			{Value: "on", Label: "Append", Aliases: []string{"true", "yes", "always"}},
			{Value: "off", Label: "Leave out", Aliases: []string{"false", "no", "never"}},
		}, Default: "auto"}
	notesOption = Option{Key: "notes", Label: "Citations as", What: "place for citations",
		Help: "DOCX citations as Word footnotes or endnotes",
		Choices: []Choice{
			{Value: "footnotes", Label: "Footnotes", Aliases: []string{"footnote", "foot"}},
			{Value: "endnotes", Label: "Endnotes", Aliases: []string{"endnote", "end"}},
		}, Default: "footnotes"}
	templateOption = Option{Key: "template", Label: "House template", What: "house template",
		Help: "a Word .docx or .dotx whose styles, page, headers and footers the DOCX takes",
		File: true, Exts: []string{".docx", ".dotx"}}
	allowMissingOption = Option{Key: AllowMissing, Label: "Print missing characters as codes",
		What: "allow-missing", Help: "write the PDF even if some characters are in no font (they print as their codes)",
		Default: "false", AskFirst: true}
)
