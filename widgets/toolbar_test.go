package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newTestToolbar shows a toolbar of five labelled buttons, a separator,
// two icon-only buttons and a check box in an unpadded window.
func newTestToolbar(t *testing.T) (*Toolbar, map[string]*int, *widget.Check, fyne.Window) {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(k, dir+"/"+k)
	}
	test.NewTempApp(t)
	tb := NewToolbar()
	taps := map[string]*int{}
	add := func(label string, icon fyne.Resource, menu string) {
		n := new(int)
		taps[label+menu] = n
		tb.Add(widget.NewButtonWithIcon(label, icon, func() { *n++ }), menu)
	}
	for _, l := range []string{"Heading", "Commentary", "Judgment", "Excerpt…", "Versions…"} {
		add(l, theme.ContentAddIcon(), "")
	}
	tb.AddSeparator()
	add("", theme.MoveUpIcon(), "Move up")
	add("", theme.DeleteIcon(), "Delete block")
	check := tb.AddCheck(widget.NewCheck("Show the trash", nil))
	w := test.NewWindow(tb)
	w.SetPadded(false)
	t.Cleanup(w.Close)
	return tb, taps, check, w
}

// inRow are the toolbar's items laid out in its row, with their frames.
func checkRow(t *testing.T, tb *Toolbar) {
	t.Helper()
	objs := test.WidgetRenderer(tb).Objects()
	var prevEnd float32 = -1
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		p, s := o.Position(), o.Size()
		if p.X < 0 || p.X+s.Width > tb.Size().Width+0.5 {
			t.Fatalf("%T at %v size %v leaves the toolbar of width %v", o, p, s, tb.Size().Width)
		}
		if p.X < prevEnd-0.5 {
			t.Fatalf("%T at %v overlaps the item before it (ending at %v)", o, p, prevEnd)
		}
		prevEnd = p.X + s.Width
	}
}

func TestToolbarShowsEverythingWhenThereIsRoom(t *testing.T) {
	tb, _, _, w := newTestToolbar(t)
	w.Resize(fyne.NewSize(1600, 60))
	if len(tb.Overflowing()) != 0 || tb.MoreButton().Visible() {
		t.Fatalf("wide: %d items overflow, more shown %v", len(tb.Overflowing()), tb.MoreButton().Visible())
	}
	checkRow(t, tb)
}

func TestToolbarMovesWhatDoesNotFitIntoTheMoreMenu(t *testing.T) {
	tb, taps, check, w := newTestToolbar(t)
	w.Resize(fyne.NewSize(330, 60))
	over := tb.Overflowing()
	if len(over) == 0 || !tb.MoreButton().Visible() {
		t.Fatal("narrow: nothing overflows")
	}
	checkRow(t, tb)
	// The overflowing items are the last ones, in order, and not drawn.
	if over[len(over)-1] != check {
		t.Fatalf("the last item overflowing is %T", over[len(over)-1])
	}
	for _, o := range test.WidgetRenderer(tb).Objects() {
		for _, v := range over {
			if o == v {
				t.Fatalf("%T is in the menu and in the row", o)
			}
		}
	}
	// The menu lists them by their labels, and an item acts like its button.
	m := tb.menu()
	labels := map[string]*fyne.MenuItem{}
	for _, it := range m.Items {
		labels[it.Label] = it
	}
	for _, want := range []string{"Move up", "Delete block", "Show the trash"} {
		if labels[want] == nil {
			t.Fatalf("the menu has no %q: %v", want, m.Items)
		}
	}
	if m.Items[0].IsSeparator || m.Items[len(m.Items)-1].IsSeparator {
		t.Fatal("the menu starts or ends with a separator")
	}
	labels["Delete block"].Action()
	if *taps["Delete block"] != 1 {
		t.Fatal("the menu item did not act")
	}
	labels["Show the trash"].Action()
	if !check.Checked {
		t.Fatal("the menu's check item did not toggle the check box")
	}
	// Tapping the more button shows the menu.
	test.Tap(tb.MoreButton())
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("tapping … showed no menu")
	}
}

func TestToolbarMenuMirrorsDisabledAndHiddenItems(t *testing.T) {
	tb, _, _, w := newTestToolbar(t)
	w.Resize(fyne.NewSize(200, 60))
	var del *widget.Button
	for _, o := range tb.Overflowing() {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.DeleteIcon() {
			del = b
		}
	}
	if del == nil {
		t.Fatal("delete does not overflow at 200")
	}
	del.Disable()
	for _, it := range tb.menu().Items {
		if it.Label == "Delete block" && !it.Disabled {
			t.Fatal("a disabled button is enabled in the menu")
		}
	}
	del.Hide()
	tb.Refresh()
	for _, it := range tb.menu().Items {
		if it.Label == "Delete block" {
			t.Fatal("a hidden button is in the menu")
		}
	}
}

func TestToolbarShrinksToTheMoreButton(t *testing.T) {
	tb, _, _, _ := newTestToolbar(t)
	if got, more := tb.MinSize().Width, tb.MoreButton().MinSize().Width; got != more {
		t.Fatalf("min width %v, want the more button's %v", got, more)
	}
}

func TestToolbarRowGivesTheFieldItsWidthThenTheBarItsRoom(t *testing.T) {
	tb, _, _, _ := newTestToolbar(t)
	field := widget.NewEntry()
	field.SetPlaceHolder("Find in source (Ctrl+F)")
	row := NewToolbarRow(field, 220, tb)
	w := test.NewWindow(row)
	w.SetPadded(false)
	defer w.Close()
	w.Resize(fyne.NewSize(tb.FullWidth()+400, 60))
	if len(tb.Overflowing()) != 0 || field.Size().Width < 390 {
		t.Fatalf("wide: field %v, %d items overflow", field.Size().Width, len(tb.Overflowing()))
	}
	w.Resize(fyne.NewSize(500, 60))
	if field.Size().Width < 220 || len(tb.Overflowing()) == 0 {
		t.Fatalf("narrow: field %v, %d items overflow", field.Size().Width, len(tb.Overflowing()))
	}
	if fe, bx := field.Position().X+field.Size().Width, tb.Position().X; fe > bx || tb.Position().X+tb.Size().Width > 500.5 {
		t.Fatalf("field ends at %v, bar starts at %v, width %v", fe, bx, tb.Size().Width)
	}
}
