package ingest

import (
	"regexp"
	"strings"
)

// Bullet starts every unordered list item, from Markdown and HTML alike, so
// that an excerpt of a list reads the same whatever the source format.
const Bullet = "• "

var (
	mdFence     = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdATX       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetext    = regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`)
	mdRule      = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdRefDef    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S+`)
	mdQuote     = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	mdBullet    = regexp.MustCompile(`^[ \t]*[-*+][ \t]+(.*)$`)
	mdOrdered   = regexp.MustCompile(`^[ \t]*(\d{1,9})[.)][ \t]+(.*)$`)
	mdComment   = regexp.MustCompile(`<!--.*?-->`)
	mdImage     = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])`)
	mdAutolink  = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	mdStrong    = regexp.MustCompile(`\*\*(\S(?:[^*]*?\S)?)\*\*`)
	mdEm        = regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`)
	mdUnderline = regexp.MustCompile(`(^|[^\p{L}\p{N}_])__?(\S(?:[^_]*?\S)?)__?($|[^\p{L}\p{N}_])`)
	mdStrike    = regexp.MustCompile(`~~(\S(?:[^~]*?\S)?)~~`)
	mdEscape    = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|])")
)

// escBase moves backslash-escaped characters out of the way of the emphasis
// rules (into a private-use plane) until inline processing is done.
const escBase = 0xF0000

// markdownLines converts a Markdown body to plain lines: block structure
// becomes blank-line separated paragraphs and inline markup is dropped, while
// the words and typographic characters stay exactly as written.
func markdownLines(body string) []string {
	var out []string
	blank := func() { out = append(out, "") }
	fence, comment := "", false
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimRight(line, " \t")
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
				blank()
			} else {
				out = append(out, line)
			}
			continue
		}
		if comment {
			end := strings.Index(line, "-->")
			if end < 0 {
				continue
			}
			comment, line = false, line[end+3:]
		}
		line = mdComment.ReplaceAllString(line, "")
		if i := strings.Index(line, "<!--"); i >= 0 {
			comment, line = true, line[:i]
		}
		if m := mdFence.FindStringSubmatch(line); m != nil {
			fence = m[1]
			blank()
			continue
		}
		prevText := len(out) > 0 && out[len(out)-1] != ""
		switch {
		case mdRule.MatchString(line) && !(prevText && mdSetext.MatchString(line)):
			blank()
		case mdSetext.MatchString(line) && prevText:
			// The underline of the heading above: keep that heading apart.
			if n := len(out); n >= 2 && out[n-2] != "" {
				out = append(out[:n-1], "", out[n-1])
			}
			blank()
		case mdRefDef.MatchString(line):
		case mdATX.MatchString(line):
			m := mdATX.FindStringSubmatch(line)
			out = append(out, "", inline(m[2]), "")
		default:
			for mdQuote.MatchString(line) {
				line = mdQuote.ReplaceAllString(line, "")
			}
			if m := mdBullet.FindStringSubmatch(line); m != nil && !mdRule.MatchString(line) {
				out = append(out, "", Bullet+inline(m[1]))
			} else if m := mdOrdered.FindStringSubmatch(line); m != nil {
				out = append(out, "", m[1]+". "+inline(m[2]))
			} else {
				out = append(out, inline(strings.TrimLeft(strings.TrimSuffix(line, "\\"), " \t")))
			}
		}
	}
	return out
}

// inline strips emphasis, links, images and code markers from one line.
func inline(s string) string {
	isEsc := func(r rune) bool { return r > escBase && r < escBase+128 }
	// Text that already uses those code points keeps them; its escapes are
	// then simply unescaped at the end.
	protect := !strings.ContainsFunc(s, isEsc)
	if protect {
		s = mdEscape.ReplaceAllStringFunc(s, func(m string) string { return string(rune(escBase + int(m[1]))) })
	}
	var b strings.Builder
	for s != "" {
		open := strings.IndexByte(s, '`')
		if open < 0 {
			b.WriteString(inlineMarks(s))
			break
		}
		ticks := len(s[open:]) - len(strings.TrimLeft(s[open:], "`"))
		end := strings.Index(s[open+ticks:], s[open:open+ticks])
		if end < 0 {
			b.WriteString(inlineMarks(s))
			break
		}
		b.WriteString(inlineMarks(s[:open]))
		b.WriteString(strings.TrimSpace(s[open+ticks : open+ticks+end]))
		s = s[open+2*ticks+end:]
	}
	if !protect {
		return mdEscape.ReplaceAllString(b.String(), "$1")
	}
	return strings.Map(func(r rune) rune {
		if isEsc(r) {
			return r - escBase
		}
		return r
	}, b.String())
}

// inlineMarks runs each rule only when its marker occurs: most lines of
// prose have none, and the rules dominate the time of a large import.
func inlineMarks(s string) string {
	if strings.Contains(s, "](") || strings.Contains(s, "][") {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = mdAutolink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "*") {
		s = mdStrong.ReplaceAllString(s, "$1")
		s = mdEm.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "_") {
		for range 2 { // adjacent matches share the character between them
			s = mdUnderline.ReplaceAllString(s, "$1$2$3")
		}
	}
	if strings.Contains(s, "~~") {
		s = mdStrike.ReplaceAllString(s, "$1")
	}
	return s
}
