//go:build !race

package app

// raceSlowdown scales the time limits of tests that measure how soon
// something happens: the race detector makes code several times slower.
const raceSlowdown = 1
