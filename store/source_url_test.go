package store

import (
	"context"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// The app's source form saves through UpdateSource: a javascript: address
// typed there is refused with the reason, and the stored one stays.
func TestUpdateSourceRefusesOtherURLSchemes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := &domain.Source{Title: "T", Text: "Some text.", URL: "https://example.org/a"}
	if _, err := s.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	edit := *src
	edit.URL = "javascript:alert(1)"
	_, err := s.UpdateSource(ctx, nil, &edit)
	if err == nil || !strings.Contains(domain.ErrorMessage(err), "javascript: address") {
		t.Fatalf("UpdateSource = %v", err)
	}
	got, err := s.Source(ctx, src.ID)
	if err != nil || got.URL != "https://example.org/a" {
		t.Fatalf("stored URL %q (%v)", got.URL, err)
	}
	bad := &domain.Source{Title: "U", Text: "Other text.", URL: "data:text/html,x"}
	if _, err := s.CreateSource(ctx, bad); err == nil {
		t.Fatal("CreateSource stored a data: URL")
	}
}
