#!/bin/sh
# Two windows and a command line on one library at once (issue 14): while
# `parallax add` keeps adding reports and `parallax list` keeps reading,
# two windows each judge a row and type a note. Nobody may see "database
# is locked": every add and list must succeed, and both notes and verdicts
# must be in the library afterwards, which must pass its check.
#
# Usage: concurrent.sh BIN SEEDS
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SEEDS=$2
. "$(dirname "$0")/xwindow.sh"
fail() { echo "concurrent: FAIL: $*" >&2; cat "$tmp/log" "$tmp/log2" "$tmp/cli.err" 2>/dev/null | tail -20 >&2; exit 1; }
lib=$tmp/library.db

start_parallax "$SEEDS"/*.txt
first=$win
app1=$app
sleep 3
PARALLAX_DB="$lib" "$BIN" >"$tmp/log2" 2>&1 &
app2=$!
for i in $(seq 1 60); do
	[ "$(xdotool search --name '^Parallax' | wc -l)" -ge 2 ] && break
	sleep 0.5
done
second=$(xdotool search --name '^Parallax' | grep -v "^$first\$" | head -1)
[ -n "$second" ] || fail "the second window did not appear"
sleep 3

# The command line writes and reads all along.
mkdir "$tmp/in"
: > "$tmp/cli.err"
(
	for round in $(seq 1 8); do
		for i in $(seq 1 10); do
			{ cat "$SEEDS"/*.txt | head -n $((round * 3 + i)); echo "Round $round, report $i."; } > "$tmp/in/r$round-$i.txt"
		done
		PARALLAX_DB="$lib" "$BIN" add "$tmp"/in/r$round-*.txt >/dev/null 2>>"$tmp/cli.err" || echo "add failed" >>"$tmp/cli.err"
		PARALLAX_DB="$lib" "$BIN" list >/dev/null 2>>"$tmp/cli.err" || echo "list failed" >>"$tmp/cli.err"
	done
) &
cli=$!

note1="First window: the toll differs, 12 or 15"
note2="Second window: check the captain's name"
xdotool windowactivate --sync "$first" 2>/dev/null || true
xdotool key --window "$first" alt+Down alt+3 alt+n
sleep 0.3
xdotool type --window "$first" --delay 15 "$note1"
xdotool windowactivate --sync "$second" 2>/dev/null || true
xdotool key --window "$second" alt+Down alt+Down alt+2 alt+n
sleep 0.3
xdotool type --window "$second" --delay 15 "$note2"
wait "$cli"
sleep 2
kill "$app1" "$app2" 2>/dev/null || true
wait "$app1" "$app2" 2>/dev/null || true
app=""

if grep -qi 'locked\|busy\|failed' "$tmp/cli.err"; then fail "the command line saw: $(head -3 "$tmp/cli.err")"; fi
grep -qi 'database is locked\|panic' "$tmp/log" "$tmp/log2" && fail "a window logged a lock or a panic"
"$BIN" check --db "$lib" >/dev/null || fail "the library fails its check"
PARALLAX_DB="$lib" "$BIN" export --comparison 1 --format json --out "$tmp/memo.json" 2>/dev/null || fail "export failed"
grep -q "\"text\": *\"$note1\"" "$tmp/memo.json" || fail "the first window's note is not in the library"
grep -q "\"text\": *\"$note2\"" "$tmp/memo.json" || fail "the second window's note is not in the library"
n=$(PARALLAX_DB="$lib" "$BIN" list --json | grep -c '"id":')
echo "concurrent: ok (two windows' notes and verdicts kept; the command line added and listed 8 times, $n reports, no lock seen)"
