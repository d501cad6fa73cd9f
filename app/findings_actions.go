package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/integrity"
)

// goTo puts the caret on a finding's words, selected: in the block's
// editor, or in the bottom line.
func (p *checksPanel) goTo(f integrity.Finding, at int) {
	c := p.c
	if at < 0 {
		if c.ui.win != nil {
			c.ui.win.Canvas().Focus(c.summary)
		}
		// The bottom line into sight, its label above it: under open
		// details it is below the view's top.
		c.doc.ScrollToHeader(c.summaryField.Position().Y - widget.NewLabel("Bottom line up front").MinSize().Height - theme.Padding())
		c.summary.CursorRow, c.summary.CursorColumn = 0, 0
		caretTo(c.summary, f.Start, false)
		caretTo(c.summary, f.End, true)
		return
	}
	c.editBlockAt(at, f.Start)
	if c.editor != nil && c.editor.blk.Type != domain.BlockExcerpt {
		caretTo(c.editor.text, f.End, true)
	}
}

// caretTo moves an entry's caret right to text offset target, selecting
// with shift, as the keys would. It counts by the entry's own offset, not
// by key presses: a Right at a wrapped line's end passes the space the
// wrap took as well, so n presses can go n+1 characters.
func caretTo(e offsetEntry, target int, shift bool) {
	if shift {
		e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		defer e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	for range target + 1 { // bounded: each press moves at least one
		if e.CursorTextOffset() >= target {
			return
		}
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
}

// offsetEntry is a keyedEntry that says where its caret is in its text.
type offsetEntry interface {
	keyedEntry
	CursorTextOffset() int
}

// keyedEntry is an entry as the keys reach it.
type keyedEntry interface {
	KeyDown(*fyne.KeyEvent)
	KeyUp(*fyne.KeyEvent)
	TypedKey(*fyne.KeyEvent)
}

// askDismiss asks for an optional note, then keeps the dismissal: the
// finding leaves the view at once, and stays gone while the same words
// stand in the same block.
func (p *checksPanel) askDismiss(f integrity.Finding) {
	msg := "“" + f.Words + "” will not be flagged again while these words stand in this block. “Show dismissed” brings it back."
	p.c.ui.askLine(lineQuestion{title: "Dismiss this finding", intro: msg,
		hint: "Why (optional): “the source’s own words”, “agreed with the desk”", ok: "Dismiss", icon: theme.ConfirmIcon(), width: 520},
		func(note string) { p.dismiss(f, note) })
}

// dismiss keeps a dismissal in the library and drops the finding.
func (p *checksPanel) dismiss(f integrity.Finding, note string) {
	c := p.c
	if c.d == nil {
		return
	}
	u := c.ui
	d := &domain.Dismissal{BriefingID: c.d.b.ID, Key: f.Key, Code: string(f.Code), Words: f.Words, Note: note}
	background(func() {
		err := u.lib.Dismiss(u.ctx, d)
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			if c.d == nil || c.d.b.ID != d.BriefingID {
				return
			}
			for i, x := range p.findings {
				if x.Key == f.Key {
					p.findings = append(p.findings[:i:i], p.findings[i+1:]...)
					break
				}
			}
			p.dismissed = append(p.dismissed, d)
			p.show()
			p.checkLater()
		})
	})
}

// undismiss brings a dismissed finding back.
func (p *checksPanel) undismiss(d *domain.Dismissal) {
	u := p.c.ui
	background(func() {
		err := u.lib.Undismiss(u.ctx, d.BriefingID, d.Key)
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			for i, x := range p.dismissed {
				if x.Key == d.Key {
					p.dismissed = append(p.dismissed[:i:i], p.dismissed[i+1:]...)
					break
				}
			}
			p.show()
			p.checkLater()
		})
	})
}

// checkRow is one line of the checks: an icon and wrapped words, tapped
// to go where the check points (when it points somewhere).
type checkRow struct {
	widget.BaseWidget
	icon  *widget.Icon
	label *widget.Label
	tap   func()
}

func newCheckRow(icon fyne.Resource, text string, tap func()) *checkRow {
	r := &checkRow{icon: widget.NewIcon(icon), label: widget.NewLabel(text), tap: tap}
	r.label.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *checkRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, r.label))
}

// Tapped goes where the check points.
func (r *checkRow) Tapped(*fyne.PointEvent) {
	if r.tap != nil {
		r.tap()
	}
}

// Cursor is a pointing hand over a row that goes somewhere.
func (r *checkRow) Cursor() desktop.Cursor {
	if r.tap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
