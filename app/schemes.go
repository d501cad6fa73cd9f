package app

import (
	"github.com/attache/attache/domain"
)

// prefScheme is the settings file's key for the default marking scheme;
// the command line reads the same key as its default.
const prefScheme = "scheme"

// markingText is a marking as the analyst reads it: its banner, or None.
func markingText(m domain.Marking) string {
	if m == "" {
		return noMarking
	}
	return m.Banner()
}

// settingScheme is the scheme the settings give new briefings; none if
// unset or unknown.
func (u *UI) settingScheme() *domain.Scheme {
	s, err := domain.LookupScheme(u.app.Preferences().String(prefScheme))
	if err != nil {
		return domain.SchemeOf(domain.SchemeNone)
	}
	return s
}

// defaultScheme is the library's default scheme if it has one, else the
// settings' (see loadLibraryScheme for the library's, read off the UI
// goroutine).
func (u *UI) defaultScheme() *domain.Scheme {
	if u.libScheme != "" {
		return domain.SchemeOf(u.libScheme)
	}
	return u.settingScheme()
}

// excerptScheme is the scheme whose marks an excerpt of a source marked
// src is offered: the source's, else the open briefing's, else the default.
func (u *UI) excerptScheme(src domain.Marking) *domain.Scheme {
	if k, err := src.Read(); err == nil && !k.IsZero() {
		return k.Scheme
	}
	if b := u.briefings; b != nil && b.composer != nil && b.composer.d != nil {
		if s := b.composer.d.b.SchemeDef(); s.Marks() {
			return s
		}
	}
	return u.defaultScheme()
}

// loadLibraryScheme reads the library's default scheme off the UI
// goroutine, then runs then (if not nil) on it.
func (u *UI) loadLibraryScheme(then func()) {
	background(func() {
		id, err := u.lib.DefaultScheme(u.ctx)
		u.do(func() {
			if err == nil {
				u.libScheme = id
			}
			if then != nil {
				then()
			}
		})
	})
}
