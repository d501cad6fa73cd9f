//go:build race

package app

// raceSlack is how many times slower the race detector makes the app's
// work: time limits that guard against a slow path (not the issue's
// targets, which the acceptance suite holds the real binary to) grow by it.
const raceSlack = 3
