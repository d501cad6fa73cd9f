package logx

import "testing"

func TestTilde(t *testing.T) {
	for _, c := range []struct{ msg, home, want string }{
		{"mkdir /home/ann/.local/share/attache/backups: permission denied", "/home/ann", "mkdir ~/.local/share/attache/backups: permission denied"},
		{"copy /home/ann/a.db to /home/ann/b.db", "/home/ann/", "copy ~/a.db to ~/b.db"},
		{"open /home/anna/a.db: no such file", "/home/ann", "open /home/anna/a.db: no such file"},
		{"backup of /home/ann failed", "/home/ann", "backup of ~ failed"},
		{"no path here", "/home/ann", "no path here"},
		{"\"/home/ann\": denied; /home/ann.old kept", "/home/ann", "\"~\": denied; /home/ann.old kept"},
		{"/srv/a.db is damaged", "", "/srv/a.db is damaged"},
		{"/srv/a.db is damaged", "/", "/srv/a.db is damaged"},
	} {
		if got := Tilde(c.msg, c.home); got != c.want {
			t.Errorf("Tilde(%q, %q) = %q, want %q", c.msg, c.home, got, c.want)
		}
	}
}
