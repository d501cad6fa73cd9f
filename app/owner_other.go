//go:build !unix

package app

import "io/fs"

// privateToMe: elsewhere the temporary folder is already per user, and
// permission bits do not describe access.
func privateToMe(fs.FileInfo) bool { return true }
