package domain

import (
	"strings"
	"testing"
)

func TestCheckSourceURL(t *testing.T) {
	for _, ok := range []string{"", "  ", "https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG", "http://10.0.0.1:8080/x",
		" https://example.org/padded "} {
		if err := CheckSourceURL(ok); err != nil {
			t.Errorf("CheckSourceURL(%q) = %v, want accepted", ok, err)
		}
	}
	for bad, want := range map[string]string{
		"javascript:alert(1)":                    `the address "javascript:alert(1)" is a javascript: address, not a web page`,
		"JavaScript:alert(document.cookie)":      "is a javascript: address",
		"data:text/html,<script>x</script>":      "is a data: address",
		"vbscript:msgbox":                        "is a vbscript: address",
		"file:///etc/passwd":                     `"file:///etc/passwd" is a file on this computer`,
		"example.org/page":                       "has no https:// or http:// in front: write the full address, e.g. https://example.org/page",
		"example.org:8080/page":                  "has no https:// or http:// in front",
		"//example.org/page":                     "e.g. https://example.org/page",
		"https://":                               "has no server name",
		"http:///path":                           "has no server name",
		"https://exa mple.org/%zz":               "is not valid",
		"javascript:" + strings.Repeat("a", 500): "…",
	} {
		err := CheckSourceURL(bad)
		if err == nil {
			t.Errorf("CheckSourceURL(%q) accepted it", bad)
			continue
		}
		msg := ErrorMessage(err)
		if !strings.Contains(msg, want) || !strings.Contains(msg, "leave the address empty") {
			t.Errorf("CheckSourceURL(%q) = %q, want it to say %q and what to do", bad, msg, want)
		}
		if len(msg) > 400 {
			t.Errorf("message of %d bytes quotes the whole address", len(msg))
		}
	}
}

// Every entrance that stores a source validates it: the rule is part of
// Validate, so no source with another scheme reaches the library.
func TestSourceValidateRefusesOtherSchemes(t *testing.T) {
	s := &Source{Title: "T", Text: "x", Kind: KindArticle, URL: "javascript:alert(1)"}
	if err := s.Validate(); err == nil || ErrorCode(err) != EINVALID {
		t.Fatalf("Validate = %v", err)
	}
	s.URL = "https://example.org/"
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}
