//go:build !linux

package acceptance

import "syscall"

func dieWithTest() *syscall.SysProcAttr { return nil }
