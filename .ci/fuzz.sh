#!/bin/sh
# Runs every fuzz target of the module (func FuzzXxx in a _test.go file)
# for FUZZTIME each (default 30s): `make fuzz`; with FUZZPKGS (a pattern
# of package folders) only those, as the short pass of `make test` runs
# the parsers' targets. The seed corpus of each target is its f.Add calls plus any
# files under its package's testdata/fuzz/FuzzXxx/, committed: every crash
# a run finds is written there by go test, to be kept as a regression.
set -eu
GO=${GO:-go}
TAGS=${TAGS:-ci sqlite_fts5}
FUZZTIME=${FUZZTIME:-30s}
FUZZPKGS=${FUZZPKGS:-.}
fail=0
for file in $(git ls-files '*_test.go' | grep -E "$FUZZPKGS"); do
	dir=./$(dirname "$file")
	for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
		echo "fuzz $dir $target ($FUZZTIME)"
		if ! $GO test -tags "$TAGS" -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" "$dir" >"${TMPDIR:-/tmp}/fuzz.out" 2>&1; then
			cat "${TMPDIR:-/tmp}/fuzz.out"
			fail=1
		fi
	done
done
exit $fail
