#!/bin/sh
# The real-window test `make test` runs: bin/parallax under Xvfb on a
# temporary library with the three seed reports on its command line (so
# they open as a comparison), found with xdotool; Alt+Down (next
# difference) is sent; the screenshots before and after must not be blank
# and must differ, and the program must not have crashed.
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
echo "window: ok (window $win; $diff pixels changed by Alt+Down)"
