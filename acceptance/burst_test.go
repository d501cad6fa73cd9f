package acceptance

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The typing-burst kill test: an analyst types without pausing, the app is
// killed (SIGKILL: a crash, a power cut) at a random moment, and the
// library must hold all but the last moments of the typing.

// burstDelay is xdotool's --delay: it comes out at about 12 characters a
// second (xdotool waits half of it after each press and release), a fast
// but human rate that never pauses long enough for a pause-only autosave
// timer to fire.
const burstDelay = 160 * time.Millisecond

// maxLoss is the most typing a crash may lose: the autosave runs at most
// a second after the first unsaved change, and the save itself takes a
// moment.
const maxLoss = 1200 * time.Millisecond

// burstText is what is typed: lowercase words, no key needing Shift, long
// enough for any kill time of the test.
func burstText() string {
	var b strings.Builder
	for i := 0; b.Len() < 400; i++ {
		fmt.Fprintf(&b, " word%02d", i%100)
	}
	return b.String()
}

// releaseKeys releases every key the typing and the test use. The kill of
// a typing xdotool can leave one held on the X server: a modifier, or a
// letter that the server then repeats, so that the test's next Ctrl+3
// reaches the new app as Ctrl+O and opens the Import dialog.
func (s *session) releaseKeys() {
	s.t.Helper()
	keys := []string{"keyup", "Control_L", "Control_R", "Shift_L", "Shift_R", "Alt_L", "Alt_R", "Super_L", "space", "period"}
	for _, r := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		keys = append(keys, string(r))
	}
	s.xdotool(keys...)
}

// burstTrials is how many kills each test makes: ATTACHE_BURST_TRIALS, or 3.
func burstTrials() int {
	if n, err := strconv.Atoi(os.Getenv("ATTACHE_BURST_TRIALS")); err == nil && n > 0 {
		return n
	}
	return 3
}

// burst is one trial's measurement.
type burst struct {
	before  string        // the field's text when the typing started
	got     string        // the field's text just before the kill
	shown   int           // characters typed that the app showed then
	saved   int           // characters of those the library held after the kill
	perChar time.Duration // measured time per keystroke
	typing  time.Duration // from the first keystroke to the kill
	unseen  time.Duration // from reading the field to the kill: typing not counted in shown
}

// lost is how much typing the kill cost, in time.
func (b burst) lost() time.Duration {
	return time.Duration(max(0, b.shown-b.saved))*b.perChar + b.unseen
}

func (b burst) String() string {
	return fmt.Sprintf("killed after %.1f s of typing: %d of %d characters saved, %.2f s lost",
		b.typing.Seconds(), b.saved, b.shown, b.lost().Seconds())
}

// typeBurst types continuously into the focused field of the app and kills
// the app at a random moment between 3 and 6 seconds in. field reads the
// typed field's text from the probe; it returns the number of characters
// typed into it (beyond before), read just before the kill, and the time
// per character measured from that.
func (s *session) typeBurst(before string, field func(*tree) *node) burst {
	s.t.Helper()
	text := burstText()
	s.do("type continuously at one key every %s", burstDelay)
	typist := exec.Command("xdotool", "type", "--delay", strconv.Itoa(int(burstDelay/time.Millisecond)), "--", text)
	typist.Env = []string{fmt.Sprintf("DISPLAY=:%d", s.display)}
	typist.SysProcAttr = dieWithTest()
	start := time.Now()
	if err := typist.Start(); err != nil {
		s.fail("starting xdotool: %v", err)
	}
	defer func() { _ = typist.Process.Kill(); _ = typist.Wait() }()
	at := 3*time.Second + rand.N(3*time.Second)
	time.Sleep(at - 150*time.Millisecond)
	read, got := s.readField(field)
	killed := time.Now()
	s.do("kill the app (SIGKILL) %.1f s into the typing", killed.Sub(start).Seconds())
	s.signal(syscall.SIGKILL)
	<-s.appDone
	s.app = nil
	shown := len(got) - len(before)
	if !strings.HasPrefix(got, before) || shown < 10 {
		s.fail("after %.1f s of typing the field reads %q, not %q and at least 10 characters of %q",
			killed.Sub(start).Seconds(), got, before, text)
	}
	return burst{before: before, got: got, shown: shown, perChar: read.Sub(start) / time.Duration(shown), typing: killed.Sub(start), unseen: killed.Sub(read)}
}

// settle waits for the library to hold what the field shows (a short
// text, so the cursor is at its end), and returns it: the start of a
// trial. The text is read back rather than assumed, as xdotool now and
// then drops a keystroke.
func (s *session) settle(field func(*tree) *node, saved func() string) string {
	s.t.Helper()
	text := ""
	s.waitLibrary("what the field shows", func() bool {
		tr, err := s.probe()
		if err != nil {
			return false
		}
		n := field(tr)
		if n == nil {
			return false // rebuilt after a save, say: look again
		}
		text = n.Text
		return text != "" && saved() == text
	})
	return text
}

// readField reads the text of the field being typed into, now, and when
// the reading began; the field may be missing for a moment (rebuilt after
// a save), so it is looked for during a second.
func (s *session) readField(field func(*tree) *node) (time.Time, string) {
	s.t.Helper()
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
		at := time.Now()
		if tr, err := s.probe(); err == nil {
			if n := field(tr); n != nil {
				return at, n.Text
			}
		}
	}
	s.fail("the field being typed into is not on the screen")
	return time.Time{}, ""
}

// readBack records what the library holds after the kill: the field's
// text as it was at some moment of the typing, so a beginning of what the
// app showed before the kill. (xdotool now and then drops a keystroke, so
// what was typed is read from the app, not from what was sent.)
func (s *session) readBack(b *burst, saved string) {
	s.t.Helper()
	if !strings.HasPrefix(saved, b.before) || !strings.HasPrefix(b.got, saved) {
		s.fail("the library holds %q: not a moment of the typing, which went from %q to %q", saved, b.before, b.got)
	}
	b.saved = len(saved) - len(b.before)
}

// reportBursts logs the trials and fails if any lost more than maxLoss.
func reportBursts(t *testing.T, what string, trials []burst) {
	t.Helper()
	losses := make([]time.Duration, len(trials))
	for i, b := range trials {
		losses[i] = b.lost()
		t.Logf("%s, trial %d: %s", what, i+1, b)
	}
	slices.Sort(losses)
	t.Logf("%s: typing lost by a kill over %d trials: min %.2f s, median %.2f s, max %.2f s",
		what, len(trials), losses[0].Seconds(), losses[len(losses)/2].Seconds(), losses[len(losses)-1].Seconds())
	for i, b := range trials {
		if b.lost() > maxLoss {
			t.Errorf("%s, trial %d: %s; at most %s may be lost", what, i+1, b, maxLoss)
		}
	}
}

// prepareBurst makes a briefing with a commentary block and an excerpt
// with a note, through the command line.
func prepareBurst(s *session) {
	prepareExcerpt(s)
	s.cli("briefing", "new", "--title", "Burst")
	s.cli("briefing", "add", "1", "--commentary", "Opening line.")
}

// commentaryRow matches the commentary's text, in its row or the editor:
// "Opening line.", then "Opening line. Trial N. word00 …".
func commentaryRow(n *node) bool {
	return strings.Contains(n.Text, "Opening") || strings.Contains(n.Text, "Trial") || strings.Contains(n.Text, "word0")
}

// commentaryField is the block editor's field once it shows the
// commentary.
func commentaryField(tr *tree) *node {
	e := editorEntry(tr)
	if e == nil || !commentaryRow(e) {
		return nil
	}
	return e
}

// Typing into a commentary block without a pause, killed at a random
// moment: the library holds all but the last ~second of it.
func TestTypingBurstSurvivesKill(t *testing.T) {
	s := start(t, prepareBurst)
	var trials []burst
	for i := range burstTrials() {
		if i > 0 {
			// The kill can leave a key held on the X server (a typing
			// xdotool cut off): released, or the next app reads "O" as
			// Ctrl+O and opens the Import dialog.
			s.releaseKeys()
			s.startApp()
			time.Sleep(time.Second) // the window places itself again just after it shows
		}
		s.showView("Briefings")
		s.do("open the briefing and its commentary block")
		s.clickOn("the briefing's row", typ("Label"), textPrefix("Burst"), inLayer("content"), shown())
		// Matched loosely: a trial after a restart lost a key of its setup
		// typing to a modifier left held by the kill, which the
		// measurement copes with, as it reads the text back first.
		s.clickOn("the commentary's row", typeAmong("Label", "Text"), commentaryRow, inLayer("content"), shown())
		s.waitFor("the block editor shows the commentary", 5*time.Second, func(tr *tree) bool { return commentaryField(tr) != nil })
		s.click(commentaryField(s.tree()))
		s.replaceText(fmt.Sprintf("Opening line. Trial %d.", i+1))
		// From here the field is the block editor's, whatever the typing
		// made of its text.
		text := s.settle(editorEntry, func() string { return s.briefing(1).Blocks[0]["text"].(string) })
		b := s.typeBurst(text, editorEntry)
		s.do("read the commentary back")
		s.readBack(&b, s.briefing(1).Blocks[0]["text"].(string))
		trials = append(trials, b)
	}
	reportBursts(t, "commentary", trials)
}

// noteField is the excerpt form's note field.
func noteField(tr *tree) *node { return entryBeside(tr, "Note") }

// The same for an excerpt's note in the Excerpts view.
func TestTypingBurstInNoteSurvivesKill(t *testing.T) {
	s := start(t, prepareBurst)
	quote := s.excerpts()[0].Quote
	var trials []burst
	for i := range burstTrials() {
		if i > 0 {
			// The kill can leave a key held on the X server (a typing
			// xdotool cut off): released, or the next app reads "O" as
			// Ctrl+O and opens the Import dialog.
			s.releaseKeys()
			s.startApp()
			time.Sleep(time.Second) // the window places itself again just after it shows
		}
		s.showView("Excerpts")
		s.do("select the excerpt")
		s.clickOn("the excerpt's row", typ("Label"), textContains(quote), inLayer("content"), shown())
		s.waitFor("the note field", 5*time.Second, func(tr *tree) bool { return noteField(tr) != nil })
		s.fieldBeside("Note")
		s.replaceText(fmt.Sprintf("Trial %d.", i+1))
		note := s.settle(noteField, func() string { return s.excerpts()[0].Note })
		b := s.typeBurst(note, noteField)
		s.do("read the note back")
		s.readBack(&b, s.excerpts()[0].Note)
		trials = append(trials, b)
	}
	reportBursts(t, "excerpt note", trials)
}
