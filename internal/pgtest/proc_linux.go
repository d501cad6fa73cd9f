package pgtest

import (
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// serverAccount returns the account initdb and postgres run as. Both
// refuse to run as root, so root runs them as nobody; anyone else runs
// them as themselves.
func serverAccount() account {
	if os.Geteuid() != 0 {
		return account{}
	}
	a := account{other: true, uid: 65534, gid: 65534}
	if u, err := user.Lookup("nobody"); err == nil {
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 == nil && err2 == nil {
			a.uid, a.gid = uint32(uid), uint32(gid)
		}
	}
	return a
}

// procAttr runs a server program as a. Pdeathsig asks the server for an
// immediate shutdown (SIGQUIT) if the test process dies without calling
// Stop (go test's -timeout, a crash), so no postgres outlives the tests;
// Go sets it after switching user, which would otherwise clear it. Linux
// sends it when the thread that started the child ends, which Go threads
// do only under runtime.LockOSThread: do not Start from such a goroutine.
// The empty Groups drops root's supplementary groups along with its uid.
func (a account) procAttr() *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Pdeathsig: syscall.SIGQUIT}
	if a.other {
		attr.Credential = &syscall.Credential{Uid: a.uid, Gid: a.gid, Groups: []uint32{}}
	}
	return attr
}

// canReach tells whether a may pass through every folder from / to dir,
// as postgres must to reach its data folder and socket. Checked on the
// permission bits: a 0700 folder of root's (testfs.Main's TMPDIR, a home)
// shuts nobody out.
func (a account) canReach(dir string) bool {
	if !a.other {
		return true
	}
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	for p := dir; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return false
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok {
			return false
		}
		perm := fi.Mode().Perm()
		switch {
		case st.Uid == a.uid:
			perm &= 0o100
		case st.Gid == a.gid:
			perm &= 0o010
		default:
			perm &= 0o001
		}
		if perm == 0 {
			return false
		}
		if p == filepath.Dir(p) {
			return true
		}
	}
}
