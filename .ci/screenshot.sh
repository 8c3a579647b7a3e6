#!/bin/sh
# Refreshes the README's screenshot ($2): the real window under Xvfb on a
# fresh library, the built-in sample reports opened as a comparison from
# the command line, then the next flagged row selected (Alt+Shift+Down) so
# the picture shows highlights, a flag and its explanation.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
. "$(dirname "$0")/xwindow.sh"
start_parallax "$(dirname "$0")"/../assets/samples/*.txt
sleep 4
xdotool windowactivate --sync "$win" 2>/dev/null || true
xdotool key --window "$win" alt+shift+Down
sleep 1
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
echo "screenshot: wrote $OUT"
