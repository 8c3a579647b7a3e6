//go:build race

package ingest

// raceSlowdown scales the time limits of tests under the race detector,
// which makes the Go side of a reader several times slower.
const raceSlowdown = 4
