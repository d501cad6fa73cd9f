package ingest

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Elements whose content is never article text.
var skipElems = set("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
	"embed", "canvas", "video", "audio", "button", "select", "textarea", "input", "head", "title")

// Page furniture: dropped too when the page is read without readability.
var chromeElems = set("nav", "header", "footer", "aside", "form", "menu", "dialog")

// Void elements never get an end tag, so they must not open a skipped region.
var voidElems = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
	"param", "source", "track", "wbr")

// Elements that end the current paragraph.
var blockElems = set("p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
	"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "thead",
	"tbody", "tfoot", "caption", "figure", "figcaption", "hr", "address", "details", "summary",
	"fieldset", "form", "center", "hgroup", "body", "html", "pre", "li", "tr")

// paraWriter gathers text into paragraphs the way a browser lays it out:
// runs of HTML white space are one space, block elements start a new
// paragraph, <br> is a line break, <pre> keeps its spacing.
type paraWriter struct {
	paras  []string
	cur    strings.Builder
	space  bool // white space seen since the last word
	pre    int
	prefix string // list marker waiting for the item's first text
	lists  []int  // item counters of open lists; -1 for unordered
	cells  int    // cells written in the current table row
}

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

func (w *paraWriter) text(s string) {
	if w.pre > 0 {
		w.cur.WriteString(s)
		return
	}
	for _, r := range s {
		if isHTMLSpace(r) {
			w.space = true
			continue
		}
		if w.space && w.cur.Len() > 0 {
			w.cur.WriteByte(' ')
		}
		w.space = false
		w.cur.WriteRune(r)
	}
}

func (w *paraWriter) lineBreak() {
	w.cur.WriteByte('\n')
	w.space = false
}

func (w *paraWriter) flush() {
	lines := strings.Split(w.cur.String(), "\n")
	w.cur.Reset()
	w.space = false
	for i, l := range lines {
		if w.pre > 0 {
			lines[i] = strings.TrimRight(l, " \t")
		} else {
			lines[i] = strings.Trim(l, " \t")
		}
	}
	p := strings.Trim(strings.Join(lines, "\n"), "\n")
	if strings.TrimSpace(p) == "" {
		return
	}
	w.paras = append(w.paras, w.prefix+p)
	w.prefix = ""
}

// start handles an opening tag; it returns false for elements to skip.
func (w *paraWriter) start(tag string, skipChrome bool) bool {
	if skipElems[tag] || (skipChrome && chromeElems[tag]) {
		return false
	}
	switch tag {
	case "br":
		w.lineBreak()
		return true
	case "td", "th":
		if w.cells > 0 {
			w.text(" | ")
		}
		w.cells++
		return true
	case "img", "wbr":
		return true
	}
	if !blockElems[tag] {
		return true
	}
	w.flush()
	switch tag {
	case "ul", "menu":
		w.lists = append(w.lists, -1)
	case "ol":
		w.lists = append(w.lists, 0)
	case "li":
		w.prefix = Bullet
		if n := len(w.lists); n > 0 && w.lists[n-1] >= 0 {
			w.lists[n-1]++
			w.prefix = strconv.Itoa(w.lists[n-1]) + ". "
		}
	case "pre":
		w.pre++
	case "tr":
		w.cells = 0
	}
	return true
}

func (w *paraWriter) end(tag string) {
	if !blockElems[tag] {
		return
	}
	w.flush()
	switch tag {
	case "ul", "ol", "menu":
		if len(w.lists) > 0 {
			w.lists = w.lists[:len(w.lists)-1]
		}
	case "pre":
		if w.pre > 0 {
			w.pre--
		}
	}
}

// nodeParagraphs lays out the text of a parsed tree, such as the article
// readability found. html.Parse refuses trees over 512 deep, so the
// recursion is bounded.
func nodeParagraphs(n *html.Node) []string {
	w := &paraWriter{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			return
		case html.ElementNode:
			if !w.start(n.Data, false) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			w.end(n.Data)
		}
	}
	walk(n)
	w.flush()
	return w.paras
}

// tokenParagraphs lays out a whole page from its token stream, without
// building a tree: the fallback for pages readability cannot handle (too
// deep, too large, or no article found). Page furniture is skipped.
func tokenParagraphs(text string, skipChrome bool) []string {
	w := &paraWriter{}
	z := html.NewTokenizer(strings.NewReader(text))
	skip := map[string]int{}
	skipping := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			w.flush()
			return w.paras
		case html.TextToken:
			if skipping == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == "body": // </head> may be omitted
				skipping -= skip["head"]
				skip["head"] = 0
			case voidElems[tag]:
				if skipping == 0 {
					w.start(tag, skipChrome)
				}
			case skipElems[tag] || skipChrome && chromeElems[tag]:
				skip[tag]++
				skipping++
			case skipping == 0:
				w.start(tag, skipChrome)
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if skipping == 0 {
				w.start(string(name), skipChrome)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skip[tag] > 0 {
				skip[tag]--
				skipping--
			} else if skipping == 0 {
				w.end(tag)
			}
		}
	}
}
