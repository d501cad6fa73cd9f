package ingest

import (
	"os"
	"testing"

	"github.com/attache/attache/internal/testfs"
)

// The PDF engine's compiled code goes to a private cache, never ~/.cache.
func TestMain(m *testing.M) { os.Exit(testfs.Main(m)) }
