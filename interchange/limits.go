package interchange

import (
	"fmt"
	"reflect"
	"strings"
)

// Limits on single values, beside the entry limits in json_read.go: a
// briefing file is checked as strictly as a file import, so nothing enters
// the library by this door that the importers would refuse.
const (
	maxSourceText = 64 << 20 // as ingest.DefaultMaxBytes
	maxFieldBytes = 1 << 20  // any other text: a title, a note, a judgment
	maxListItems  = 1_000    // tags on an excerpt, authors of a source
)

// checkValues refuses NUL characters (search stops at them and the file
// importers refuse them), text over the limits and overlong lists in every
// text field of v, a jsonBriefing, jsonSource or jsonBlock.
func checkValues(where string, v any) error {
	rv := reflect.ValueOf(v)
	rt := rv.Type()
	for i := range rt.NumField() {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		f := rv.Field(i)
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				continue
			}
			f = f.Elem()
		}
		switch f.Kind() {
		case reflect.String:
			limit := maxFieldBytes
			if name == "text" && rt == reflect.TypeFor[jsonSource]() {
				limit = maxSourceText
			}
			if err := checkText(f.String(), limit); err != nil {
				return invalidAt(where, "%q %s", name, err)
			}
		case reflect.Slice:
			if f.Type().Elem().Kind() != reflect.String {
				continue
			}
			if f.Len() > maxListItems {
				return invalidAt(where, "%q has %s entries, more than the %s Attaché keeps: this is not a real list; shorten it", name, thousands(f.Len()), thousands(maxListItems))
			}
			for j := range f.Len() {
				if err := checkText(f.Index(j).String(), maxFieldBytes); err != nil {
					return invalidAt(where, "%q entry %d %s", name, j+1, err)
				}
			}
		}
	}
	return nil
}

func checkText(s string, limit int) error {
	if len(s) > limit {
		return fmt.Errorf("is %.1f MiB long, more than the %d MiB allowed: it is not a real value; remove it or cut it down", float64(len(s))/(1<<20), limit>>20)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("holds a NUL character (\\u0000), which no text in a briefing can hold: delete it in a text editor")
	}
	return nil
}
