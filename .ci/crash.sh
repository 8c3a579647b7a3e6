#!/bin/sh
# The crash test `make test` runs (issue 14): bin/parallax is killed with
# SIGKILL at random moments, many times, and what it had acknowledged must
# have survived, in a library that passes its integrity check.
#
#   import  `add` of 40 files killed at a random moment of the time a whole
#           run takes on this machine, 15 times (a new library every third
#           time): every report `add` printed as added is in the library,
#           each once;
#   export  `compare --out` killed likewise, 15 times: the final path
#           is absent or a complete JSON file, never half of one, and no
#           temporary file is left in its place;
#   full    (where tmpfs can be mounted: root) a library on a 3 MB file
#           system, filled by `add` until the disk is full: the failing
#           file is named with the reason, every acknowledged report is
#           kept, the library is sound; an export to the full disk fails
#           and leaves the file that was at its path as it was; the disk
#           then made read-only: list still reads, add says why it cannot;
#   typing  the window on the seed reports, a note typed and the program
#           killed mid-word, 3 times: the stored note is a prefix of what
#           was typed (nothing garbled) and the library is sound.
#
# Usage: crash.sh BIN SEEDS
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SEEDS=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "crash: FAIL: $*" >&2; exit 1; }
rand() { awk -v max="$1" -v seed="$(od -An -N4 -tu4 /dev/urandom)" 'BEGIN { srand(seed); printf "%.3f", rand() * max }'; }
lib=$work/library.db
sound() { "$BIN" check --db "$lib" >/dev/null 2>&1 || fail "$1: the library fails its integrity check: $("$BIN" check --db "$lib" 2>&1)"; }

# Forty distinct reports, made from the seeds' sentences.
mkdir "$work/in"
i=0
cat "$SEEDS"/*.txt | tr -s '\n' '\n' | awk 'length > 60' > "$work/lines"
while [ $i -lt 40 ]; do
	awk -v k=$i 'NR % 40 == k || NR % 7 == k % 7' "$work/lines" > "$work/in/r$i.txt"
	echo "Report number $i of the crash test." >> "$work/in/r$i.txt"
	i=$((i + 1))
done

# How long a whole run takes here: the kills fall within it.
now() { date +%s.%N; }
took() { # command...: seconds it ran
	t0=$(now)
	"$@" >/dev/null 2>&1 || true
	awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'
}
import_time=$(took "$BIN" add --db "$work/probe.db" "$work"/in/*.txt)
export_time=$(took "$BIN" compare --format json --out "$work/probe.json" "$SEEDS"/*.txt)

killed=0
for round in $(seq 1 15); do
	# Every third round on a new library, the others adding to it.
	[ $((round % 3)) != 1 ] || rm -f "$lib" "$lib"-*
	"$BIN" add --db "$lib" "$work"/in/*.txt >"$work/add.out" 2>"$work/add.err" &
	pid=$!
	sleep "$(rand "$import_time")"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
	wait "$pid" 2>/dev/null || true
	sound "import round $round"
	"$BIN" list --db "$lib" --json > "$work/list.json"
	for id in $(sed -n 's/^added report \([0-9]*\):.*/\1/p' "$work/add.out"); do
		grep -q "\"id\": *$id," "$work/list.json" || fail "import round $round: report $id was acknowledged but is not in the library"
	done
done
n=$(grep -c '"id":' "$work/list.json")
[ "$n" -le 40 ] || fail "import: $n reports from 40 files (a file stored twice)"
echo "crash: import ok ($killed of 15 runs killed mid-import; every acknowledged report kept, none twice)"

killed=0
for round in $(seq 1 15); do
	rm -f "$work/memo.json"
	"$BIN" compare --format json --out "$work/memo.json" "$SEEDS"/*.txt 2>/dev/null &
	pid=$!
	sleep "$(rand "$export_time")"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
	wait "$pid" 2>/dev/null || true
	if [ -e "$work/memo.json" ]; then
		python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/memo.json" ||
			fail "export round $round: a partial file at the final path"
	fi
done
echo "crash: export ok ($killed of 15 runs killed; the final path was absent or whole each time)"

full=$work/full
mkdir "$full"
if mount -t tmpfs -o size=3m tmpfs "$full" 2>/dev/null; then
	trap 'umount "$full" 2>/dev/null; rm -rf "$work"' EXIT
	lib=$full/library.db
	echo "the memo that was there" > "$full/memo.json"
	mkdir "$work/big"
	for i in $(seq 1 60); do
		{ cat "$work/lines"; echo "Copy $i of the long report."; } > "$work/big/b$i.txt"
	done
	set +e
	"$BIN" add --db "$lib" "$work"/big/*.txt >"$work/add.out" 2>"$work/add.err"
	rc=$?
	set -e
	[ "$rc" = 1 ] || fail "full: add on a full disk exited $rc: $(tail -2 "$work/add.err")"
	grep -q 'panic\|goroutine' "$work/add.err" && fail "full: a panic: $(cat "$work/add.err")"
	grep -qi 'full\|no space' "$work/add.err" || fail "full: the failure does not say the disk is full: $(head -3 "$work/add.err")"
	sound "full"
	"$BIN" list --db "$lib" --json > "$work/list.json"
	for id in $(sed -n 's/^added report \([0-9]*\):.*/\1/p' "$work/add.out"); do
		grep -q "\"id\": *$id," "$work/list.json" || fail "full: report $id was acknowledged but is not in the library"
	done
	# Fill what is left, then export over the memo that was there.
	dd if=/dev/zero of="$full/filler" bs=64k 2>/dev/null || true
	set +e
	"$BIN" compare --format json --force --out "$full/memo.json" "$SEEDS"/*.txt 2>"$work/cmp.err"
	rc=$?
	set -e
	[ "$rc" = 1 ] || fail "full: export to a full disk exited $rc"
	[ "$(cat "$full/memo.json")" = "the memo that was there" ] || fail "full: the export damaged the file at its path"
	ls -a "$full" | grep -q '\.tmp$' && fail "full: a temporary file was left: $(ls -a "$full")"
	echo "crash: full disk ok ($(grep -c '^added report' "$work/add.out") reports added, then: $(head -1 "$work/add.err"))"
	# The same disk read-only: reading works, a write says why it cannot.
	rm -f "$full/filler"
	mount -o remount,ro "$full"
	"$BIN" list --db "$lib" >/dev/null 2>"$work/ro.err" || fail "read-only: list failed: $(cat "$work/ro.err")"
	set +e
	"$BIN" add --db "$lib" "$work/in/r1.txt" >/dev/null 2>"$work/ro.err"
	rc=$?
	set -e
	[ "$rc" = 1 ] && grep -q 'cannot be changed' "$work/ro.err" || fail "read-only: add exited $rc: $(cat "$work/ro.err")"
	echo "crash: read-only disk ok (list reads; add says: $(head -1 "$work/ro.err" | cut -c1-70)…)"
	umount "$full"
else
	echo "crash: full disk skipped (tmpfs cannot be mounted here: not root)"
fi

if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
	. "$(dirname "$0")/xwindow.sh"
	note="Toll differs between the wire and the article; ask the police for the latest list"
	for round in 1 2 3; do
		rm -f "$tmp/library.db"*
		rm -rf "$tmp/config"
		start_parallax "$SEEDS"/*.txt
		sleep 4
		xdotool windowactivate --sync "$win" 2>/dev/null || true
		xdotool key --window "$win" alt+Down alt+n
		sleep 0.3
		xdotool type --window "$win" --delay 25 "$note" &
		typer=$!
		sleep "$(rand 2.5)"
		kill -9 "$app"
		wait "$app" 2>/dev/null || true
		app=""
		kill "$typer" 2>/dev/null || true
		wait "$typer" 2>/dev/null || true
		lib=$tmp/library.db
		sound "typing round $round"
		PARALLAX_DB="$lib" "$BIN" export --comparison 1 --format json --out - > "$tmp/memo.json" ||
			fail "typing round $round: export failed"
		stored=$(python3 -c 'import json,sys
m = json.load(open(sys.argv[1]))
print("".join(n["text"] for r in m["rows"] for n in r.get("notes", [])))' "$tmp/memo.json")
		case "$note" in
		"$stored"*) ;;
		*) fail "typing round $round: stored note \"$stored\" is not what was typed" ;;
		esac
		echo "crash: typing round $round ok (${#stored} of ${#note} characters stored when killed)"
	done
fi
