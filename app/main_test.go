package app

import (
	"os"
	"testing"

	"github.com/attache/attache/internal/testfs"
)

func TestMain(m *testing.M) {
	background = func(f func()) { f() }
	os.Exit(testfs.Main(m)) // rescued briefings and caches stay out of /tmp and ~/.cache
}
