package clocale

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// The test binary re-runs itself with a given environment, so init runs
// again and the child prints what it made of LC_MESSAGES.
func TestInitSetsCMessagesOnlyForCDotLocales(t *testing.T) {
	if os.Getenv("CLOCALE_CHILD") == "1" {
		fmt.Print("[" + os.Getenv("LC_MESSAGES") + "]")
		os.Exit(0)
	}
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"LANG=C.UTF-8"}, "[C]"},
		{[]string{"LANG=C.utf8"}, "[C]"},
		{[]string{"LANG=en_GB.UTF-8"}, "[]"},
		{[]string{"LANG=C.UTF-8", "LC_ALL=de_DE.UTF-8"}, "[]"},
		{[]string{"LANG=C.UTF-8", "LC_MESSAGES=fr_FR.UTF-8"}, "[fr_FR.UTF-8]"},
		{nil, "[]"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestInitSetsCMessagesOnlyForCDotLocales$")
		cmd.Env = append([]string{"CLOCALE_CHILD=1"}, c.env...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v", c.env, err)
		}
		if string(out) != c.want {
			t.Errorf("%v: LC_MESSAGES = %s, want %s", c.env, out, c.want)
		}
	}
}
