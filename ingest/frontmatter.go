package ingest

import (
	"regexp"
	"strings"
)

const maxFrontMatterLines = 400

var (
	fmKey  = regexp.MustCompile(`^([A-Za-z_][\w.\-]*)\s*:(?:\s+(.*))?$`)
	fmItem = regexp.MustCompile(`^\s*-\s+(.*)$`)
	fmSub  = regexp.MustCompile(`^\s+(?:-\s+)?([A-Za-z_][\w\-]*)\s*:\s+(.*)$`)
)

// frontMatter maps lower-case keys to their values; a scalar is a list of one.
type frontMatter map[string][]string

// splitFrontMatter takes YAML-style front matter between "---" lines off the
// top of a Markdown document. Only what articles use is understood: scalars,
// [a, b] lists, "- item" lists and "name:" inside list items. Anything else
// is ignored rather than guessed at. ok is false when there is none.
func splitFrontMatter(text string) (fm frontMatter, body string, ok bool) {
	if !strings.HasPrefix(text, "---\n") {
		return nil, text, false
	}
	rest := text[4:]
	var lines []string
	for i := 0; i < maxFrontMatterLines; i++ {
		nl := strings.IndexByte(rest, '\n')
		line := rest
		if nl >= 0 {
			line = rest[:nl]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			body = ""
			if nl >= 0 {
				body = rest[nl+1:]
			}
			return parseFrontMatter(lines), body, true
		}
		if nl < 0 {
			break
		}
		lines = append(lines, line)
		rest = rest[nl+1:]
	}
	return nil, text, false // never closed: it was a rule, not front matter
}

func parseFrontMatter(lines []string) frontMatter {
	fm := frontMatter{}
	last := ""
	for _, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if m := fmKey.FindStringSubmatch(line); m != nil {
			last = strings.ToLower(m[1])
			fm[last] = append(fm[last], fmValues(m[2])...)
			continue
		}
		if last == "" {
			continue
		}
		if m := fmSub.FindStringSubmatch(line); m != nil {
			if k := strings.ToLower(m[1]); k == "name" || k == "title" {
				fm[last] = append(fm[last], fmValues(m[2])...)
			}
			continue
		}
		if m := fmItem.FindStringSubmatch(line); m != nil {
			fm[last] = append(fm[last], fmValues(m[1])...)
		}
	}
	return fm
}

// fmValues reads a scalar or a [a, b] flow list.
func fmValues(v string) []string {
	v = strings.TrimSpace(v)
	if v == "" || v == "|" || v == ">" || v == "~" || v == "null" {
		return nil
	}
	if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
		var out []string
		for _, item := range strings.Split(v[1:len(v)-1], ",") {
			if s := unquote(item); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if s := unquote(v); s != "" {
		return []string{s}
	}
	return nil
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		q := s[0]
		s = s[1 : len(s)-1]
		if q == '"' {
			s = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(s)
		} else {
			s = strings.ReplaceAll(s, "''", "'")
		}
	} else if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i] // a YAML comment after a plain value
	}
	return oneLine(s)
}

// first returns the first value of the first key present.
func (fm frontMatter) first(keys ...string) (string, string) {
	for _, k := range keys {
		if v := fm[k]; len(v) > 0 && v[0] != "" {
			return v[0], k
		}
	}
	return "", ""
}

func (fm frontMatter) all(keys ...string) ([]string, string) {
	for _, k := range keys {
		if v := fm[k]; len(v) > 0 {
			return v, k
		}
	}
	return nil, ""
}
