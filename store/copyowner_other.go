//go:build !unix

package store

import "os"

// claimCopy has no lock to take outside Unix-like systems.
func claimCopy(string) (*os.File, error) { return nil, nil }

// copyAbandoned goes by age alone outside Unix-like systems: a copy left
// for a day is taken as left by a crash.
func copyAbandoned(_ string, fi os.FileInfo) bool { return unclaimedAndOld(fi) }
