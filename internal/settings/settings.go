// Package settings names the desktop app's settings file and reads it for
// the command line, so that both take their defaults (the export options,
// such as the paper size) from the same place. The app owns the file: it
// writes it, and reports it damaged; readers here only take what they can.
package settings

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// File is the settings file in the configuration folder configDir, as
// os.UserConfigDir gives it.
func File(configDir string) string {
	return filepath.Join(configDir, "attache", "settings.json")
}

// Keys the command line reads. The app writes them; the values are what
// the app's Settings dialog shows, checked by the reader, which passes
// over a value it cannot read.
const (
	// Scheme is the marking scheme new briefings take when the library
	// names none: a scheme's ID, "none", "us", "uk", "au", "nato", "eu" or
	// "tlp" (domain.LookupScheme). The library's default comes first.
	Scheme = "scheme"
)

// Strings reads the settings' text values from the file at path. A file
// that is missing, unreadable or damaged gives none, so the caller falls
// back on its defaults; the app says what is wrong with the file when it
// next starts.
func Strings(path string) map[string]string {
	out := map[string]string{}
	data, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	var values map[string]any
	if json.Unmarshal(data, &values) != nil {
		return out
	}
	for k, v := range values {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out
}
