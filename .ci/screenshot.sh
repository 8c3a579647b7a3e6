#!/bin/sh
# Refreshes the README's screenshot ($2): the real window under Xvfb on a
# fresh library, the built-in sample reports opened as a comparison from
# the command line, then the next flagged row selected (Alt+Shift+Down),
# judged disputed (Alt+3) and given a note (Alt+N), so the picture shows
# highlights, a flag and its explanation, and the editor's verdict and note.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
. "$(dirname "$0")/xwindow.sh"
start_parallax "$(dirname "$0")"/../assets/samples/*.txt
sleep 4
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key --window "$win" alt+shift+Down
sleep 0.5
xdotool key --window "$win" alt+3 alt+n
sleep 0.3
xdotool type --window "$win" --delay 10 "Ledger says 15 dead, Meridian 12 a day earlier: ask police for the latest toll."
sleep 1
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
echo "screenshot: wrote $OUT"
