package cli_test

import (
	"os"
	"testing"

	"github.com/attache/attache/internal/testfs"
)

// Imported PDFs compile the PDF engine into a private cache, never
// ~/.cache, and nothing is left in the temporary folder.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }
