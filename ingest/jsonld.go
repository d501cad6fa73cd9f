package ingest

import (
	"encoding/json"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// ldArticle is what a page's schema.org JSON-LD says about its article.
type ldArticle struct {
	typ, headline, altHeadline, description string
	published, modified, url, lang, section string
	publisher                               string
	authors                                 []string
}

var articleTypes = set("article", "newsarticle", "report", "blogposting", "scholarlyarticle",
	"analysisnewsarticle", "opinionnewsarticle", "reportagenewsarticle", "backgroundnewsarticle",
	"reviewnewsarticle", "askpublicnewsarticle", "techarticle", "liveblogposting", "socialmediaposting")

// parseJSONLD finds the first article object in the page's JSON-LD blocks,
// whether top-level, in an array or in an @graph. Sites often ship JSON that
// is not quite valid; such blocks are skipped, not fatal.
func parseJSONLD(blocks []string) (ldArticle, bool) {
	for _, raw := range blocks {
		raw = strings.TrimSpace(raw)
		raw = strings.TrimSuffix(strings.TrimPrefix(raw, "<!--"), "-->")
		raw = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(raw), "//<![CDATA["), "//]]>")
		var v any
		if json.Unmarshal([]byte(raw), &v) != nil {
			// Raw line breaks inside strings are the usual breakage.
			fixed := strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(raw)
			if json.Unmarshal([]byte(fixed), &v) != nil {
				continue
			}
		}
		if obj := findArticle(v, 0); obj != nil {
			return readArticle(obj), true
		}
	}
	return ldArticle{}, false
}

func findArticle(v any, depth int) map[string]any {
	if depth > 6 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if a := findArticle(e, depth+1); a != nil {
				return a
			}
		}
	case map[string]any:
		for _, t := range strs(x["@type"]) {
			if i := strings.LastIndexAny(t, "/:"); i >= 0 {
				t = t[i+1:]
			}
			if articleTypes[strings.ToLower(t)] {
				return x
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if a := findArticle(x[k], depth+1); a != nil {
				return a
			}
		}
	}
	return nil
}

func readArticle(o map[string]any) ldArticle {
	a := ldArticle{
		typ:         first(strs(o["@type"])),
		headline:    first(strs(o["headline"])),
		altHeadline: first(strs(o["alternativeHeadline"])),
		description: first(strs(o["description"])),
		published:   first(strs(o["datePublished"])),
		modified:    first(strs(o["dateModified"])),
		url:         first(strs(o["url"])),
		lang:        first(strs(o["inLanguage"])),
		section:     first(strs(o["articleSection"])),
		publisher:   first(names(o["publisher"])),
		authors:     names(o["author"]),
	}
	if a.headline == "" {
		a.headline = first(strs(o["name"]))
	}
	if a.published == "" {
		a.published = first(strs(o["dateCreated"]))
	}
	if len(a.authors) == 0 {
		a.authors = names(o["creator"])
	}
	if a.url == "" {
		a.url = first(ids(o["mainEntityOfPage"]))
	}
	return a
}

// strs reads a string, number or list of them; markup entities are decoded
// because CMS plugins often write "&#8217;" into JSON.
func strs(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := oneLine(html.UnescapeString(x)); s != "" {
			out = append(out, s)
		}
	case float64:
		out = append(out, strconv.FormatFloat(x, 'f', -1, 64))
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, strs(s)...)
			}
		}
	}
	return out
}

// names reads people or organisations: "Jane Doe", {"name": "Jane Doe"} or a
// list of either.
func names(v any) []string {
	switch x := v.(type) {
	case string:
		return splitAuthors(oneLine(html.UnescapeString(x)))
	case map[string]any:
		return strs(x["name"])
	case []any:
		var out []string
		for _, e := range x {
			if _, isList := e.([]any); !isList {
				out = append(out, names(e)...)
			}
		}
		return out
	}
	return nil
}

func ids(v any) []string {
	if m, ok := v.(map[string]any); ok {
		if s := strs(m["@id"]); len(s) > 0 {
			return s
		}
		return strs(m["url"])
	}
	return strs(v)
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
