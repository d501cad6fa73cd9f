//go:build !linux

package pgtest

import "syscall"

// serverAccount: elsewhere the server programs run as the test's user
// (developers' machines; CI runs as root on Linux only).
func serverAccount() account { return account{} }

func (a account) procAttr() *syscall.SysProcAttr { return nil }

func (a account) canReach(string) bool { return true }
