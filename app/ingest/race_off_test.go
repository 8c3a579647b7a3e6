//go:build !race

package ingest

// raceEnabled is true when the tests run with the race detector, which
// slows them about tenfold.
const raceEnabled = false
