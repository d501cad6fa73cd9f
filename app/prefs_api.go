package app

import "fyne.io/fyne/v2"

// The fyne.Preferences methods of prefs. Values read back from the file
// are JSON's (numbers float64, lists []any) and are converted; a value of
// another type reads as absent.

var _ fyne.Preferences = (*prefs)(nil)

// value reads key as a T, or fallback.
func value[T any](p *prefs, key string, fallback T) T {
	v, ok := p.get(key)
	if !ok {
		return fallback
	}
	if t, ok := convert[T](v); ok {
		return t
	}
	return fallback
}

// convert turns a stored value into a T, if it is one.
func convert[T any](v any) (T, bool) {
	if t, ok := v.(T); ok {
		return t, true
	}
	var zero T
	var out any
	switch any(zero).(type) {
	case int:
		f, ok := v.(float64)
		if !ok || f != float64(int(f)) {
			return zero, false
		}
		out = int(f)
	case []bool:
		out = listOf[bool](v)
	case []float64:
		out = listOf[float64](v)
	case []int:
		out = listOf[int](v)
	case []string:
		out = listOf[string](v)
	}
	t, ok := out.(T)
	return t, ok
}

// listOf converts a list read from JSON; nil (not a list of E) if it
// cannot.
func listOf[E any](v any) any {
	l, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]E, 0, len(l))
	for _, x := range l {
		e, ok := convert[E](x)
		if !ok {
			return nil
		}
		out = append(out, e)
	}
	return out
}

func (p *prefs) Bool(key string) bool                      { return value(p, key, false) }
func (p *prefs) BoolWithFallback(key string, fb bool) bool { return value(p, key, fb) }
func (p *prefs) SetBool(key string, v bool)                { p.set(key, v) }
func (p *prefs) BoolList(key string) []bool                { return value[[]bool](p, key, nil) }
func (p *prefs) BoolListWithFallback(key string, fb []bool) []bool {
	return value(p, key, fb)
}
func (p *prefs) SetBoolList(key string, v []bool) { p.set(key, v) }
func (p *prefs) Float(key string) float64         { return value(p, key, 0.0) }
func (p *prefs) FloatWithFallback(key string, fb float64) float64 {
	return value(p, key, fb)
}
func (p *prefs) SetFloat(key string, v float64) { p.set(key, v) }
func (p *prefs) FloatList(key string) []float64 { return value[[]float64](p, key, nil) }
func (p *prefs) FloatListWithFallback(key string, fb []float64) []float64 {
	return value(p, key, fb)
}
func (p *prefs) SetFloatList(key string, v []float64) { p.set(key, v) }
func (p *prefs) Int(key string) int                   { return value(p, key, 0) }
func (p *prefs) IntWithFallback(key string, fb int) int {
	return value(p, key, fb)
}
func (p *prefs) SetInt(key string, v int) { p.set(key, v) }
func (p *prefs) IntList(key string) []int { return value[[]int](p, key, nil) }
func (p *prefs) IntListWithFallback(key string, fb []int) []int {
	return value(p, key, fb)
}
func (p *prefs) SetIntList(key string, v []int) { p.set(key, v) }
func (p *prefs) String(key string) string       { return value(p, key, "") }
func (p *prefs) StringWithFallback(key, fb string) string {
	return value(p, key, fb)
}
func (p *prefs) SetString(key string, v string) { p.set(key, v) }
func (p *prefs) StringList(key string) []string { return value[[]string](p, key, nil) }
func (p *prefs) StringListWithFallback(key string, fb []string) []string {
	return value(p, key, fb)
}
func (p *prefs) SetStringList(key string, v []string) { p.set(key, v) }

// RemoveValue forgets key (and saves).
func (p *prefs) RemoveValue(key string) {
	if _, ok := p.get(key); ok {
		p.change(func(m map[string]any) { delete(m, key) })
	}
}

// AddChangeListener runs listener after every change.
func (p *prefs) AddChangeListener(listener func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.listeners = append(p.listeners, listener)
}

// ChangeListeners lists the listeners added.
func (p *prefs) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]func(){}, p.listeners...)
}

// settingsApp is the fyne.App the UI uses: Fyne's own, with the settings
// kept in prefs instead of Fyne's preferences file.
type settingsApp struct {
	fyne.App
	prefs *prefs
}

func (a settingsApp) Preferences() fyne.Preferences { return a.prefs }
