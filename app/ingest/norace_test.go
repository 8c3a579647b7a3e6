//go:build !race

package ingest

// raceSlowdown scales the time limits of tests (see race_test.go).
const raceSlowdown = 1
