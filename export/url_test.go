package export

import (
	"strings"
	"testing"
)

// A source stored before addresses were checked may hold a javascript: or
// data: "URL"; the Markdown export shows it as text, never as a link.
func TestMarkdownLinksOnlyWebAddresses(t *testing.T) {
	b := mdBundle(t)
	bad := []string{"javascript:alert(1)", "JAVASCRIPT:alert(2)", "data:text/html,<b>x</b>", "file:///etc/passwd",
		"vbscript:msgbox(3)"}
	for i, s := range b.Sources {
		s.URL = bad[i%len(bad)]
	}
	for _, u := range bad {
		b.Sources[0].URL = u
		out := mdWrite(t, b)
		for _, l := range strings.Split(out, "\n") {
			low := strings.ToLower(l)
			for _, scheme := range []string{"<javascript:", "<data:", "<file:", "<vbscript:", "](javascript:", "](data:"} {
				if strings.Contains(low, scheme) {
					t.Errorf("URL %q: the export links it: %q", u, l)
				}
			}
		}
	}
	if got := mdLink("javascript:alert(1)"); got != "javascript:alert(1)" {
		t.Errorf("mdLink(javascript:…) = %q, want plain text", got)
	}
	if got := mdLink("https://example.org/x"); got != "<https://example.org/x>" {
		t.Errorf("mdLink(https:…) = %q, want an autolink", got)
	}
}
