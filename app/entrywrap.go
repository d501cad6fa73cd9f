package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7.1's word-wrapping Entry cannot hold its caret after a space
// typed at the end of the text where the line wraps: its rows leave the
// wrapped space out, and the caret falls back before it (cf.
// fyne-io/fyne#2698). The next letter then went in front of the space:
// "answer withfurther …", the space at the end of the text.
//
// stuckSpace remembers, per entry, the offset of such a space; the next
// letter typed there is put after it instead (typeRune). UI goroutine only.
var stuckSpace = map[*widget.Entry]int{}

// typeRune types r into e as Entry does, mending the stuck space.
func typeRune(e *widget.Entry, r rune) {
	if p, ok := stuckSpace[e]; ok {
		delete(stuckSpace, e)
		if text := []rune(e.Text); r != ' ' && e.SelectedText() == "" && e.CursorTextOffset() == p &&
			p == len(text)-1 && text[p] == ' ' {
			typeAfterSpace(e, r)
			return
		}
	}
	want := -1
	if e.MultiLine && e.Wrapping != fyne.TextWrapOff && e.SelectedText() == "" {
		want = e.CursorTextOffset() + 1
	}
	e.TypedRune(r)
	if r == ' ' && want > 0 && e.CursorTextOffset() == want-1 {
		stuckSpace[e] = want - 1
	}
}

// typeAfterSpace puts r after the stuck space that ends e's text, the
// caret before that space: r first, then a space before it (which the
// Entry places right, mid-text), then the old space at the end goes.
func typeAfterSpace(e *widget.Entry, r rune) {
	e.TypedRune(r)                                 // "X" r " ", caret after r
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // before r
	e.TypedRune(' ')                               // "X " r " ", caret before r
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete}) // the old space
}

// TypedRune: see typeRune.
func (e *blockEntry) TypedRune(r rune) { typeRune(&e.Entry, r) }

// TypedRune: see typeRune.
func (e *summaryEntry) TypedRune(r rune) { typeRune(&e.Entry, r) }

// TypedRune: see typeRune.
func (e *dialogEntry) TypedRune(r rune) { typeRune(&e.Entry, r) }
