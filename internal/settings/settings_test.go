package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStrings(t *testing.T) {
	dir := t.TempDir()
	path := File(dir)
	if path != filepath.Join(dir, "attache", "settings.json") {
		t.Fatalf("File = %s", path)
	}
	if got := Strings(path); len(got) != 0 {
		t.Errorf("no file gave %v", got)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"paper": "US Letter", "count": 3, "theme": "Dark", "scheme": "uk"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	got := Strings(path)
	if got["paper"] != "US Letter" || got["theme"] != "Dark" || got[Scheme] != "uk" || len(got) != 3 {
		t.Errorf("got %v", got)
	}
	if err := os.WriteFile(path, []byte(`{"paper": "US Le`), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := Strings(path); len(got) != 0 {
		t.Errorf("a damaged file gave %v", got)
	}
}

func TestKeepOriginalsBytes(t *testing.T) {
	for v, want := range map[string]int64{
		"": 100 << 20, "0": 0, "25": 25 << 20, " 7 ": 7 << 20, "lots": 100 << 20, "-3": 100 << 20, "100000": 500 << 20,
	} {
		if got := KeepOriginalsBytes(v); got != want {
			t.Errorf("KeepOriginalsBytes(%q) = %d, want %d", v, got, want)
		}
	}
}

func TestParseKeepOriginalsMB(t *testing.T) {
	for typed, want := range map[string]string{"0": "0", " 250 ": "250", "500": "500"} {
		if got, err := ParseKeepOriginalsMB(typed); err != nil || got != want {
			t.Errorf("ParseKeepOriginalsMB(%q) = %q, %v", typed, got, err)
		}
	}
	for _, typed := range []string{"", "ten", "-1", "501", "2.5"} {
		if _, err := ParseKeepOriginalsMB(typed); err == nil || !strings.Contains(err.Error(), "from 0 (keep none) to 500") {
			t.Errorf("ParseKeepOriginalsMB(%q) = %v", typed, err)
		}
	}
}
