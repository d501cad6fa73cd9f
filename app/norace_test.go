//go:build !race

package app

// raceSlack: see race_test.go.
const raceSlack = 1
