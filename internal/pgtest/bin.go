package pgtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// BinEnv names the folder holding initdb and postgres, for a PostgreSQL
// installed where Start does not look (a build from source, another
// version than the newest).
const BinEnv = "ATTACHE_PG_BIN"

// debianRoot is where Debian and Ubuntu install each major version's server
// programs (/usr/lib/postgresql/15/bin); they are not on PATH there.
const debianRoot = "/usr/lib/postgresql"

// howToGet ends every "not found" error: the tests fail rather than skip
// without a server, so the message must say how to get one.
const howToGet = "run `make deps`, or set " + BinEnv + " to the folder holding them"

// findBin returns the folder holding initdb and postgres: $ATTACHE_PG_BIN,
// else the newest Debian-style version, else the folder of initdb on PATH
// (Fedora, Arch, Homebrew).
func findBin() (string, error) {
	if dir := os.Getenv(BinEnv); dir != "" {
		if hasServer(dir) {
			return dir, nil
		}
		return "", fmt.Errorf("PostgreSQL server programs (initdb, postgres) not found in %s=%s: %s", BinEnv, dir, howToGet)
	}
	if dir := newestDebian(debianRoot); dir != "" {
		return dir, nil
	}
	if p, err := exec.LookPath("initdb"); err == nil && hasServer(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("PostgreSQL server programs (initdb, postgres) not found: %s", howToGet)
}

// newestDebian returns root/VERSION/bin for the highest VERSION that holds
// the server programs, or "". Versions compare as numbers: 9.6 < 10 < 15.
func newestDebian(root string) string {
	entries, err := os.ReadDir(root)
	if err != nil {
		return ""
	}
	best, bestVer := "", []int(nil)
	for _, e := range entries {
		ver, ok := parseVersion(e.Name())
		dir := filepath.Join(root, e.Name(), "bin")
		if !ok || !hasServer(dir) || (bestVer != nil && !versionLess(bestVer, ver)) {
			continue
		}
		best, bestVer = dir, ver
	}
	return best
}

func parseVersion(s string) ([]int, bool) {
	var ver []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 {
			return nil, false
		}
		ver = append(ver, n)
	}
	return ver, true
}

func versionLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// hasServer tells whether dir holds both programs Start runs.
func hasServer(dir string) bool {
	for _, name := range []string{"initdb", "postgres"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}
