#!/bin/sh
# The real-window test `make test` runs: bin/parallax under Xvfb on a
# temporary library with the three seed reports on its command line (so
# they open as a comparison), found with xdotool; Alt+Down (next
# difference) is sent; the screenshots before and after must not be blank
# and must differ, and the program must not have crashed. Then the editor's
# work must survive a crash: the row is judged disputed (Alt+3), a note is
# typed (Alt+N focuses it), the program is killed with SIGKILL a moment
# after the last key, and `parallax export` must find both in the library.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SEEDS=$2
. "$(dirname "$0")/xwindow.sh"
fail() { echo "window: FAIL: $*" >&2; cat "$tmp/log" >&2; exit 1; }

start_parallax "$SEEDS"/*.txt
sleep 4
import -window root "$tmp/start.png"
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key --window "$win" alt+Down
sleep 1
import -window root "$tmp/next.png"

kill -0 "$app" 2>/dev/null || fail "parallax exited"
grep -q 'panic:\|goroutine ' "$tmp/log" && fail "panic in the log"
# A blank or single-colour screen has (almost) no spread of grey levels.
for shot in start next; do
	sd=$(convert "$tmp/$shot.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
	awk "BEGIN { exit !($sd > 0.05) }" || fail "$shot screenshot is blank (grey level sd $sd)"
done
# Next difference selected a row: the screen changed.
diff=$(compare -metric AE "$tmp/start.png" "$tmp/next.png" null: 2>&1 || true)
[ "${diff%% *}" != 0 ] || fail "Alt+Down changed nothing on screen"

note="Toll differs: 12 or 15 dead, a day apart; ask the police spokesman for the latest list and check the spelling of the captain in both"
xdotool key --window "$win" alt+3 alt+n
sleep 0.3
xdotool type --window "$win" --delay 20 "$note"
sleep 1
kill -9 "$app"
wait "$app" 2>/dev/null || true
app=""
PARALLAX_DB="$tmp/library.db" "$BIN" export --comparison 1 --format json --out "$tmp/memo.json" 2>>"$tmp/log" ||
	fail "export after SIGKILL failed"
grep -q "\"text\": *\"$note\"" "$tmp/memo.json" || fail "the note typed before SIGKILL is not in the library"
grep -q '"verdict": *"disputed"' "$tmp/memo.json" || fail "the verdict given before SIGKILL is not in the library"
echo "window: ok (window $win; $diff pixels changed by Alt+Down; note and verdict kept through SIGKILL)"
