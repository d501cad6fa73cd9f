package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// Limits keep a damaged or hostile file from exhausting memory. The input
// cap is a variable only so tests can lower it.
var maxInputBytes int64 = 256 << 20

const (
	maxSources = 10_000
	maxBlocks  = 100_000
)

// ReadJSON parses and validates a whole interchange file into a Bundle.
// Source IDs in the bundle are 1..n in file order; excerpt blocks get
// Block.Excerpt with SourceID set, Start/End/Quote resolved against the
// source text. Block.ExcerptID stays 0.
func ReadJSON(r io.Reader) (*domain.Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the briefing file: %w", err)
	}
	if int64(len(data)) > maxInputBytes {
		return nil, domain.Errorf(domain.EINVALID, "the file is larger than %d MiB, the most Attaché reads as a briefing: it is probably not a briefing file; if it is, split the briefing or remove sources it does not quote", maxInputBytes>>20)
	}
	// A byte-order mark, as some Windows editors save UTF-8, is not JSON.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, domain.Errorf(domain.EINVALID, "the file is empty: a briefing file holds JSON starting {\"format\": %q", formatName)
	}
	p := &jsonParser{data: data}
	if err := p.checkHeader(); err != nil {
		return nil, err
	}
	if err := p.parse(); err != nil {
		return nil, err
	}
	if err := p.checkURLs(); err != nil {
		return nil, err
	}
	return p.build()
}

// checkURLs refuses a source whose address is not a web page's (a
// javascript: or file: "URL" would become a link in the exports), naming the
// source and its line; the store's own check could not say where it is.
func (p *jsonParser) checkURLs() error {
	for i, e := range p.sources {
		if err := domain.CheckSourceURL(e.v.URL); err != nil {
			return invalidAt(fmt.Sprintf("source %d (line %d)", i+1, e.line),
				"\"url\": %s", domain.ErrorMessage(err))
		}
	}
	return nil
}

type jsonParser struct {
	data    []byte
	version int // the file's format version
	// scheme is the briefing's, which its marks are read under.
	scheme *domain.Scheme
	// line counting resumes from the last position asked for, since entries
	// are visited in file order.
	lineOff, line int

	briefing     *jsonBriefing
	briefingLine int
	sources      []jsonEntry[jsonSource]
	blocks       []jsonEntry[jsonBlock]
	seen         map[string]bool
	// evidence numbers the evidence excerpts read so far.
	evidence int64
}

type jsonEntry[T any] struct {
	v    T
	line int
}

// checkHeader reads only "format" and "version", and through them checks the
// syntax of the whole file, so a newer file is named as such before any of
// its content can be misread.
func (p *jsonParser) checkHeader() error {
	var head struct {
		Format  json.RawMessage `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(p.data, &head); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return p.syntaxError(syn)
		case errors.As(err, &typ):
			return domain.Errorf(domain.EINVALID, "the file is JSON but not an Attaché briefing: it holds %s where an object {\"format\": %q, …} should be", jsonValueName(typ.Value), formatName)
		}
		return fmt.Errorf("reading the briefing file: %w", err)
	}
	var format string
	if isJSONNull(head.Format) {
		return domain.Errorf(domain.EINVALID, "the file is JSON but not an Attaché briefing: it has no \"format\": %q", formatName)
	}
	if json.Unmarshal(head.Format, &format) != nil || format != formatName {
		return domain.Errorf(domain.EINVALID, "the file is not an Attaché briefing: its \"format\" is %s, not %q", shorten(string(head.Format), 60), formatName)
	}
	var version float64
	if isJSONNull(head.Version) {
		return domain.Errorf(domain.EINVALID, "the file has no \"version\": add \"version\": %d after \"format\", or export the briefing again", formatVersion)
	}
	if json.Unmarshal(head.Version, &version) != nil || version != float64(int(version)) || version < 1 {
		return domain.Errorf(domain.EINVALID, "\"version\" is %s, which is not a format version: write it as the plain number %s, without quotes", shorten(string(head.Version), 40), meantVersion(head.Version))
	}
	if version > formatVersion {
		return domain.Errorf(domain.EINVALID, "the file was made by a newer Attaché (format version %s; this one reads version %d): update Attaché to open it", string(head.Version), formatVersion)
	}
	p.version = int(version)
	return nil
}

// meantVersion is the version a malformed "version" seems to mean: the
// number in quotes ("1" means 1, whose files read differently from 2's),
// else the current one.
func meantVersion(raw json.RawMessage) string {
	var text string
	if json.Unmarshal(raw, &text) == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(text)); err == nil && n >= 1 && n <= formatVersion {
			return strconv.Itoa(n)
		}
	}
	return strconv.Itoa(formatVersion)
}

func (p *jsonParser) syntaxError(e *json.SyntaxError) error {
	off := int(e.Offset)
	if off >= len(p.data) {
		line, col := p.position(len(p.data))
		return domain.Errorf(domain.EINVALID, "the file ends too early, at line %d, column %d: it was cut short while being copied, or a bracket or quote is not closed; copy or export it again, or correct it in a text editor", line, col)
	}
	line, col := p.position(max(off-1, 0))
	what := e.Error()
	if strings.Contains(what, "exceeded max depth") {
		what = "brackets nested over 10,000 deep (exceeded max depth), which no briefing has"
	}
	return domain.Errorf(domain.EINVALID, "the file is not valid JSON: line %d, column %d: %s: correct it in a text editor, or export the briefing again", line, col, what)
}

// position gives the 1-based line and column (in characters) of byte off.
func (p *jsonParser) position(off int) (line, col int) {
	before := p.data[:off]
	nl := bytes.LastIndexByte(before, '\n')
	return bytes.Count(before, []byte{'\n'}) + 1, utf8.RuneCount(before[nl+1:]) + 1
}

// lineAt gives the line of the first token at or after off, skipping the
// white space, colon and comma that json.Decoder leaves before a value.
func (p *jsonParser) lineAt(off int) int {
	for off < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,:"), p.data[off]) >= 0 {
		off++
	}
	if off < p.lineOff {
		p.lineOff, p.line = 0, 0
	}
	p.line += bytes.Count(p.data[p.lineOff:off], []byte{'\n'})
	p.lineOff = off
	return p.line + 1
}

// parse walks the top-level object with a streaming decoder so the entry
// limits are enforced before a list is held in memory, and so each entry's
// line is known for messages.
func (p *jsonParser) parse() error {
	dec := json.NewDecoder(bytes.NewReader(p.data))
	if _, err := dec.Token(); err != nil { // '{', known from checkHeader
		return fmt.Errorf("reading the briefing file: %w", err)
	}
	p.seen = map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("reading the briefing file: %w", err)
		}
		key, _ := tok.(string)
		switch key {
		case "briefing", "sources", "blocks":
			if p.seen[key] {
				return domain.Errorf(domain.EINVALID, "%q appears twice at line %d: keep a single %q", key, p.lineAt(int(dec.InputOffset())), key)
			}
			p.seen[key] = true
		}
		switch key {
		case "briefing":
			p.briefingLine = p.lineAt(int(dec.InputOffset()))
			if err := dec.Decode(&p.briefing); err != nil {
				return p.decodeError(fmt.Sprintf("briefing (line %d)", p.briefingLine), err)
			}
		case "sources":
			err = decodeList(p, dec, "sources", "source", maxSources, &p.sources,
				"remove the sources that no excerpt quotes, or split the briefing")
		case "blocks":
			err = decodeList(p, dec, "blocks", "block", maxBlocks, &p.blocks,
				"split it into several briefings")
		default:
			err = dec.Decode(&skipValue{}) // unknown: see "Forward compatibility"
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type skipValue struct{}

func (*skipValue) UnmarshalJSON([]byte) error { return nil }

func decodeList[T any](p *jsonParser, dec *json.Decoder, key, noun string, limit int, out *[]jsonEntry[T], advice string) error {
	line := p.lineAt(int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("reading the briefing file: %w", err)
	}
	if tok == nil {
		return nil // null: an empty list
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return domain.Errorf(domain.EINVALID, "%q (line %d) must be a list [ … ], not %s", key, line, describeToken(tok))
	}
	for dec.More() {
		if len(*out) == limit {
			return domain.Errorf(domain.EINVALID, "the file has more than %s %s, the most a briefing can have: %s", thousands(limit), key, advice)
		}
		e := jsonEntry[T]{line: p.lineAt(int(dec.InputOffset()))}
		if err := dec.Decode(&e.v); err != nil {
			return p.decodeError(fmt.Sprintf("%s %d (line %d)", noun, len(*out)+1, e.line), err)
		}
		*out = append(*out, e)
	}
	_, err = dec.Token() // ']'
	return err
}

func (p *jsonParser) decodeError(where string, err error) error {
	var typ *json.UnmarshalTypeError
	if !errors.As(err, &typ) {
		return fmt.Errorf("reading the briefing file: %s: %w", where, err)
	}
	if typ.Field == "" {
		return domain.Errorf(domain.EINVALID, "%s must be an object { … }, not %s", where, jsonValueName(typ.Value))
	}
	return domain.Errorf(domain.EINVALID, "%s: %q must be %s, not %s", where, typ.Field, jsonTypeName(typ.Type), jsonValueName(typ.Value))
}

// kindOf names a Go type as a JSON value, for people editing the file.
func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "text in double quotes"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Slice:
		return "a list [ … ] of " + jsonTypeName(t.Elem())
	}
	return "an object { … }"
}

func jsonValueName(v string) string {
	switch v {
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "string":
		return "text"
	case "bool":
		return "true or false"
	case "number":
		return "a number"
	}
	return v // e.g. "number 1.5"
}

func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		return "an object"
	case string:
		return fmt.Sprintf("the text %q", shorten(v, 30))
	case bool:
		return "true or false"
	}
	return "a number"
}

func isJSONNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
