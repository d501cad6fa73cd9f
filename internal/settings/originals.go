package settings

import (
	"fmt"
	"strconv"
	"strings"
)

// KeepOriginalsMB is the key of the largest PDF, in megabytes, that the
// library keeps with its source so that its pages can be shown after the
// file is moved (see docs/privacy.md): whole megabytes as text, as the
// app writes every setting; "0" keeps none.
const KeepOriginalsMB = "keep_originals_mb"

// DefaultKeepOriginalsMB is the limit when none is set: most reports are
// a few megabytes, and a scanned one rarely more than a hundred.
const DefaultKeepOriginalsMB = 100

// MaxKeepOriginalsMB bounds the setting well below what SQLite holds in
// one value (1 GB); imports refuse files over 64 MB in any case.
const MaxKeepOriginalsMB = 500

// KeepOriginalsBytes reads the KeepOriginalsMB value v into bytes for
// intake.Options.KeepOriginalBytes: the default for "" or a value it
// cannot read (the app's Settings dialog says what it takes), 0 for "0".
func KeepOriginalsBytes(v string) int64 {
	mb, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || mb < 0 {
		mb = DefaultKeepOriginalsMB
	}
	return int64(min(mb, MaxKeepOriginalsMB)) << 20
}

// ParseKeepOriginalsMB reads what the analyst typed for KeepOriginalsMB
// (the Settings dialog) into the value to store, or says what is wrong.
func ParseKeepOriginalsMB(typed string) (string, error) {
	mb, err := strconv.Atoi(strings.TrimSpace(typed))
	if err != nil || mb < 0 || mb > MaxKeepOriginalsMB {
		return "", fmt.Errorf("the largest PDF to keep is %q: give whole megabytes from 0 (keep none) to %d", strings.TrimSpace(typed), MaxKeepOriginalsMB)
	}
	return strconv.Itoa(mb), nil
}
