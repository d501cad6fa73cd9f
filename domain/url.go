package domain

import (
	"fmt"
	"net/url"
	"strings"
)

// A source's URL is where the analyst, or a reader of the exported briefing,
// goes to see the original. Exports turn it into a link, so only addresses
// that open a web page may be stored: a javascript:, data: or file: "URL"
// from someone else's briefing file would run or open something when the
// link is clicked.

// IsWebURL reports whether u is an absolute http or https address with a
// server name: the only kind of URL a source may hold.
func IsWebURL(u string) bool { return CheckSourceURL(u) == nil }

// CheckSourceURL accepts an empty URL (the source has none) and absolute
// http and https addresses with a server name; anything else gets a message
// that quotes it and says what to give instead.
func CheckSourceURL(u string) error {
	s := strings.TrimSpace(u)
	if s == "" {
		return nil
	}
	q := quoteURL(s)
	p, err := url.Parse(s)
	if err != nil {
		return Errorf(EINVALID, "the web address %s is not valid: copy it again from the browser's "+
			"address bar (it starts with https://), or leave the address empty", q)
	}
	scheme := strings.ToLower(p.Scheme)
	if p.Opaque != "" && p.Opaque[0] >= '0' && p.Opaque[0] <= '9' {
		scheme = "" // "example.org:8080/page" parses as the scheme "example.org"
	}
	switch scheme {
	case "http", "https":
	case "":
		return Errorf(EINVALID, "the web address %s has no https:// or http:// in front: write the full "+
			"address, e.g. https://%s, or leave the address empty", q, strings.TrimPrefix(shortURL(s), "//"))
	case "file":
		return Errorf(EINVALID, "%s is a file on this computer, not a web address: a source's address must "+
			"start with https:// or http://; import the file itself, or leave the address empty", q)
	default:
		return Errorf(EINVALID, "the address %s is a %s: address, not a web page: a source's address must "+
			"start with https:// or http://; give the page's web address, or leave the address empty",
			q, shortURL(scheme))
	}
	if p.Host == "" {
		return Errorf(EINVALID, "the web address %s has no server name: a web address looks like "+
			"https://example.org/page; give the page's full address, or leave the address empty", q)
	}
	return nil
}

// quoteURL quotes an address for a message, cut short: a data: address can
// be megabytes long. %q also escapes control characters.
func quoteURL(s string) string { return fmt.Sprintf("%q", shortURL(s)) }

func shortURL(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
