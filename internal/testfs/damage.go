package testfs

import (
	"bytes"
	"os"
	"testing"
)

// DamagePages overwrites every 4 KiB page of the file at path that holds
// marker with garbage, as a failing disk would: the header and the schema
// stay readable, so the library opens and only reading those pages, or a
// full check, finds the damage.
func DamagePages(t testing.TB, path, marker string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	hit := 0
	for off := 0; off+page <= len(data); off += page {
		if !bytes.Contains(data[off:off+page], []byte(marker)) {
			continue
		}
		hit++
		for i := off; i < off+page; i++ {
			data[i] = byte(i*7 + 3)
		}
	}
	if hit == 0 {
		t.Fatalf("no page of %s holds %q", path, marker)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
