#!/bin/sh
# Refreshes the README's screenshots ($2 and $3, light and dark theme): the
# real window under Xvfb at 1366x768 as a new user finds it, the built-in
# sample reports in the library; the three are ticked and compared (Ctrl+K),
# then the next flagged row is selected (Alt+Shift+Down), judged disputed
# (Alt+3) and given a note (Alt+N), so the pictures show highlights, a flag
# and its explanation, a folded run, and the editor's verdict and note.
#
# The tick boxes are clicked where the sidebar draws them on a fresh window
# of that size (the window has no keyboard way to tick); the window title
# naming the comparison tells the clicks worked.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
LIGHT=$2
DARK=$3
CI=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$(dirname "$LIGHT")" "$(dirname "$DARK")"
for variant in light dark; do
	out=$LIGHT
	[ "$variant" = dark ] && out=$DARK
	(
		export FYNE_THEME=$variant
		. "$CI/xwindow.sh"
		start_parallax
		sleep 4
		for y in 383 445 507; do
			xdotool mousemove 18 "$y" click 1
			sleep 0.3
		done
		xdotool key --window "$win" ctrl+k
		sleep 3
		xdotool getwindowname "$win" | grep -q '^Parallax — ' || {
			echo "screenshot: the samples were not compared (title: $(xdotool getwindowname "$win"))" >&2
			import -window root "$out.failed.png"
			exit 1
		}
		xdotool key --window "$win" alt+shift+Down
		sleep 0.5
		xdotool key --window "$win" alt+3 alt+n
		sleep 0.3
		xdotool type --window "$win" --delay 10 "Ledger says 15 dead, Meridian 12 a day earlier: ask police for the latest toll."
		xdotool mousemove 683 5
		sleep 1
		import -window root "$out"
		echo "screenshot: wrote $out ($variant, $SCREEN)"
	)
done
