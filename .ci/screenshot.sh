#!/bin/sh
# Takes a screenshot of the real window under Xvfb: a fresh temporary library
# (so the built-in sample reports load, as a new user sees them), the first
# report selected, then `import -window root` into $2.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
tmp=$(mktemp -d)
DISPLAY_NUM=:$(( 90 + $$ % 9 ))
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() {
	if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
	kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
app=""
trap cleanup EXIT
export DISPLAY="$DISPLAY_NUM"
sleep 1
PARALLAX_DB="$tmp/library.db" "$BIN" &
app=$!
# Wait for the window to map, then give it a moment to load the samples.
for i in $(seq 1 60); do
	xdotool search --name '^Parallax' >/dev/null 2>&1 && break
	sleep 0.5
done
win=$(xdotool search --name '^Parallax' | head -1)
[ -n "$win" ] || { echo "screenshot: no Parallax window appeared" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800 2>/dev/null || true
sleep 3
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
echo "screenshot: wrote $OUT"
