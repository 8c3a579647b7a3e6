# Shared by window.sh and screenshot.sh (sourced, not run): start Xvfb with
# a screen of $SCREEN (default 1366x768, the most common laptop screen) and
# bin/parallax on a temporary library and preferences with the files given,
# and wait for the window, which sizes itself to the screen. Sets $tmp, $win
# and DISPLAY; cleans up on exit.
tmp=$(mktemp -d)
SCREEN=${SCREEN:-1366x768}
# A display :90-:98 no X server holds (its lock file gone): a subshell's $$
# is its parent's, so two runs in a row would otherwise take the same number
# while the first server is still letting go of it.
n=$(( 90 + $$ % 9 ))
for i in 0 1 2 3 4 5 6 7 8; do
	[ -e "/tmp/.X$n-lock" ] || break
	n=$(( 90 + (n - 89) % 9 ))
done
DISPLAY_NUM=:$n
Xvfb "$DISPLAY_NUM" -screen 0 "${SCREEN}x24" >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
	if [ -n "$app" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
	kill "$xvfb" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export DISPLAY="$DISPLAY_NUM"
# Fyne keeps preferences (window size, theme, last comparison) under the
# user's config directory: a fresh one, so every run starts as a new user's.
export XDG_CONFIG_HOME="$tmp/config"
export LANG=en_US.UTF-8
# Wait for the X server to answer (a loaded machine takes more than a second).
for i in $(seq 1 50); do
	xdotool getdisplaygeometry >/dev/null 2>&1 && break
	sleep 0.2
done
start_parallax() { # files...
	PARALLAX_DB="$tmp/library.db" "$BIN" "$@" >"$tmp/log" 2>&1 &
	app=$!
	for i in $(seq 1 60); do
		xdotool search --name '^Parallax' >/dev/null 2>&1 && break
		sleep 0.5
	done
	win=$(xdotool search --name '^Parallax' | head -1)
	[ -n "$win" ] || { echo "no Parallax window appeared; log:" >&2; cat "$tmp/log" >&2; exit 1; }
	xdotool windowmove "$win" 0 0 2>/dev/null || true
}
