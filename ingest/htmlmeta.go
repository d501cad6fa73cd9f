package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

const maxJSONLD = 4 << 20 // JSON-LD kept per page; more is not metadata

// pageMeta is the metadata a page declares in its markup.
type pageMeta struct {
	lang, title, canonical string
	meta                   map[string][]string // lower-case name, property or itemprop → content
	jsonLD                 []string
}

// scanHTMLMeta reads <html lang>, <title>, <meta>, <link rel=canonical> and
// JSON-LD scripts from the token stream: unlike a tree it cannot be defeated
// by deep nesting and takes time in proportion to the page.
func scanHTMLMeta(text string) pageMeta {
	pm := pageMeta{meta: map[string][]string{}}
	z := html.NewTokenizer(strings.NewReader(text))
	var title strings.Builder
	inTitle, inLD, inSVG, titleDone := false, false, 0, false
	ldSize := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			pm.title = title.String()
			return pm
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if _, seen := attrs[string(k)]; !seen {
					attrs[string(k)] = string(v)
				}
			}
			switch string(name) {
			case "html":
				pm.lang = attrs["lang"]
				if pm.lang == "" {
					pm.lang = attrs["xml:lang"]
				}
			case "svg":
				if tt == html.StartTagToken {
					inSVG++
				}
			case "title":
				inTitle = tt == html.StartTagToken && inSVG == 0 && !titleDone
			case "meta":
				pm.addMeta(attrs)
			case "link":
				if hasToken(attrs["rel"], "canonical") && pm.canonical == "" {
					pm.canonical = strings.TrimSpace(attrs["href"])
				}
			case "script":
				inLD = tt == html.StartTagToken &&
					strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json")
			}
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case inLD && ldSize < maxJSONLD:
				raw := string(z.Raw())
				ldSize += len(raw)
				pm.jsonLD = append(pm.jsonLD, raw)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "title":
				titleDone = titleDone || inTitle
				inTitle = false
			case "script":
				inLD = false
			case "svg":
				inSVG = max(inSVG-1, 0)
			}
		}
	}
}

func (pm *pageMeta) addMeta(attrs map[string]string) {
	content, ok := attrs["content"]
	content = strings.TrimSpace(content)
	if !ok || content == "" {
		return
	}
	for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
		if key := strings.ToLower(strings.TrimSpace(attrs[k])); key != "" {
			pm.meta[key] = append(pm.meta[key], content)
		}
	}
}

// get returns the first non-empty content among the keys, with its key.
func (pm *pageMeta) get(keys ...string) (string, string) {
	for _, k := range keys {
		for _, v := range pm.meta[k] {
			if v = oneLine(v); v != "" {
				return v, k
			}
		}
	}
	return "", ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// stripSiteSuffix takes " | Site" (or "Site | ") off a page title when the
// site's name is known; an unknown suffix might be part of the title.
func stripSiteSuffix(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", ": "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(title, site+sep); ok && strings.TrimSpace(t) != "" && sep != ": " {
			return strings.TrimSpace(t)
		}
	}
	return title
}
