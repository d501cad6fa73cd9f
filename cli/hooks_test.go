package cli

import (
	"context"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// SetExportWriter has exports call fn with the format's name, the file
// and the options the writer would be given, instead of writing, until
// the test ends. The test must not be parallel: the writer is shared.
func SetExportWriter(t testing.TB, fn func(format, out string, opts export.Options) error) {
	was := writeExport
	writeExport = func(_ context.Context, f *export.Format, out string, _ *domain.Bundle, opts export.Options) error {
		return fn(f.Name, out, opts)
	}
	t.Cleanup(func() { writeExport = was })
}

// SetTemplateWriter has 'attache template' call fn instead of writing,
// until the test ends; likewise not in parallel tests.
func SetTemplateWriter(t testing.TB, fn func(out string) error) {
	was := writeTemplate
	writeTemplate = func(_ context.Context, out string) error { return fn(out) }
	t.Cleanup(func() { writeTemplate = was })
}
