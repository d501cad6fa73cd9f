package acceptance

import "syscall"

// dieWithTest makes a child (Xvfb, the app) die with the test process, in
// case it is killed before its cleanups run (go test's timeout).
func dieWithTest() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
