//go:build !unix

package app

import "io/fs"

// Elsewhere the temporary folder is already per user.
func ownedByMe(fs.FileInfo) bool { return true }
