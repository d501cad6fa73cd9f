package domain

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// Every field is filled by reflection, so a field added later is covered
// without touching this test: the clone must equal the original and share
// no pointer, slice or map with it, however deep.
func TestCloneCopiesEveryFieldAndSharesNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		orig  any
		clone func(any) any
	}{
		{"Briefing", &Briefing{}, func(v any) any { return v.(*Briefing).Clone() }},
		{"Block", &Block{}, func(v any) any { return v.(*Block).Clone() }},
		{"Excerpt", &Excerpt{}, func(v any) any { return v.(*Excerpt).Clone() }},
		{"Source", &Source{}, func(v any) any { return v.(*Source).Clone() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fill(reflect.ValueOf(tc.orig).Elem(), 0)
			c := tc.clone(tc.orig)
			if !reflect.DeepEqual(tc.orig, c) {
				t.Fatalf("the clone differs:\n%+v\n%+v", tc.orig, c)
			}
			if shared := sharedMemory(reflect.ValueOf(tc.orig), reflect.ValueOf(c), tc.name); len(shared) > 0 {
				t.Fatalf("the clone shares %v with the original", shared)
			}
		})
	}
}

// Editing a clone the way the composer does leaves the original as it was.
func TestEditingACloneLeavesTheOriginal(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	trashed, excerptTrashed := at, at
	orig := &Briefing{Title: "T", TrashedAt: &trashed, Blocks: []*Block{
		{ID: 1, Type: BlockCommentary, Text: "one"},
		{ID: 2, Type: BlockExcerpt, ExcerptID: 7, Excerpt: &Excerpt{ID: 7, Tags: []string{"ai"}, TrashedAt: &excerptTrashed}},
	}}
	c := orig.Clone()
	c.Title = "changed"
	*c.TrashedAt = at.Add(time.Hour)
	c.Blocks[0].Text = "changed"
	c.Blocks[1].Excerpt.Tags[0] = "changed"
	*c.Blocks[1].Excerpt.TrashedAt = at.Add(time.Hour)
	c.Blocks = append(c.Blocks[:1], &Block{ID: 3})
	if orig.Title != "T" || !orig.TrashedAt.Equal(at) || orig.Blocks[0].Text != "one" || orig.Blocks[1].ID != 2 ||
		orig.Blocks[1].Excerpt.Tags[0] != "ai" || !orig.Blocks[1].Excerpt.TrashedAt.Equal(at) {
		t.Fatalf("the original changed with its clone: %+v", orig)
	}
	if (*Briefing)(nil).Clone() != nil || (&Briefing{}).Clone().Blocks != nil {
		t.Fatal("nil and empty must clone as they are")
	}
	if got := (&Excerpt{Tags: []string{}}).Clone().Tags; got == nil {
		t.Fatal("an empty tag list cloned as nil")
	}
}

// fill gives every settable field of v a non-zero value: pointers point at
// filled values, slices and maps hold two filled elements.
func fill(v reflect.Value, depth int) {
	if depth > 8 {
		return
	}
	if v.Type() == reflect.TypeOf(time.Time{}) {
		v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(3 + depth))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(3 + depth))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.String:
		v.SetString(fmt.Sprint("x", depth))
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, depth+1)
		fill(e, depth+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	default:
		panic("fill: no value for " + v.Type().String())
	}
}

// sharedMemory names the paths at which a and b hold the same pointer,
// slice array or map. time.Time's location is shared by design.
func sharedMemory(a, b reflect.Value, path string) []string {
	if a.Type() == reflect.TypeOf(time.Time{}) {
		return nil
	}
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			return []string{path}
		}
		return sharedMemory(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return []string{path}
		}
		for i := range min(a.Len(), b.Len()) {
			out = append(out, sharedMemory(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
	case reflect.Map:
		if !a.IsNil() && a.Pointer() == b.Pointer() {
			return []string{path}
		}
		for _, k := range a.MapKeys() {
			if bv := b.MapIndex(k); bv.IsValid() {
				out = append(out, sharedMemory(a.MapIndex(k), bv, fmt.Sprintf("%s[%v]", path, k))...)
			}
		}
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				out = append(out, sharedMemory(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)...)
			}
		}
	}
	return out
}
