package export

import (
	"os"
	"testing"

	"github.com/attache/attache/internal/testfs"
)

// The preview's tests start the PDF engine, whose compiled code is cached:
// testfs keeps that cache (and every temporary file) out of $HOME and /tmp.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }
