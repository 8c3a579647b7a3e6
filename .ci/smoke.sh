#!/bin/sh
# Smoke test of the built command line, as a new user would try it: add,
# list, duplicate, binary file, search, show, remove, bad input. Runs on a
# temporary library and needs no display.
set -eu
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PARALLAX_DB="$tmp/library.db"
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
expect_fail() { # command must fail (1, or 2 for a usage mistake) with a message and no panic trace
	if "$@" >"$tmp/out" 2>"$tmp/err"; then fail "expected failure: $*"; fi
	grep -q 'goroutine\|panic:' "$tmp/err" && fail "panic trace from: $*"
	[ "$(wc -l <"$tmp/err")" -ge 1 ] || fail "no message from: $*"
	return 0
}
count() { "$BIN" list --json | grep -c '"id"' || true; }

printf 'Ferry capsizes on Lake Aru\nThe ferry sank on Tuesday morning, officials said.\n' >"$tmp/a.txt"
printf '# Rescue continues\n\nDivers searched the **lake** through the night.\n' >"$tmp/b.md"
"$BIN" add "$tmp/a.txt" "$tmp/b.md" --outlet "Smoke Wire" >"$tmp/out" || fail "add"
[ "$(count)" = 2 ] || fail "list after add: $(count) reports"
"$BIN" list | grep -q 'Ferry capsizes on Lake Aru' || fail "list shows no title"
"$BIN" add "$tmp/a.txt" >"$tmp/out" || fail "re-add exit code"
grep -q 'already in the library' "$tmp/out" || fail "duplicate not reported"
[ "$(count)" = 2 ] || fail "duplicate stored"
printf 'bin\000ary' >"$tmp/c.bin"
expect_fail "$BIN" add "$tmp/c.bin"
grep -q 'binary' "$tmp/err" || fail "binary file message: $(cat "$tmp/err")"
[ "$(count)" = 2 ] || fail "binary stored"
"$BIN" search lake | grep -q 'Rescue continues' || fail "search"
id=$("$BIN" list --json | sed -n 's/.*"id": \([0-9]*\).*/\1/p' | head -1)
"$BIN" show "$id" >"$tmp/out" || fail "show"
expect_fail "$BIN" show 99999
expect_fail "$BIN" show abc
expect_fail "$BIN" frobnicate
expect_fail "$BIN" add "$tmp/missing.txt"
"$BIN" remove "$id" >/dev/null || fail "remove"
[ "$(count)" = 1 ] || fail "remove left $(count)"
SEEDS="$(dirname "$0")/../../shared/seeds"
if [ -d "$SEEDS" ]; then
	"$BIN" add "$SEEDS"/*.txt >/dev/null || fail "add seeds"
	"$BIN" search jordan | grep -c '^[0-9]' | grep -q 3 || fail "search jordan finds fewer than 3 seeds"
fi
# Real file kinds, as an editor's folder holds them: every readable kind is
# added and read back clean, the refused ones say why, and a transcript's
# claims keep their times in a comparison.
FIX="$(dirname "$0")/../app/ingest/testdata"
mkdir -p "$tmp/story/sub"
cp "$FIX/html/news.html" "$FIX/mhtml/chrome.mhtml" "$FIX/docx/ferry.docx" "$FIX/pdf/columns.pdf" \
	"$FIX/eml/release-plain.eml" "$tmp/story/"
cp "$FIX/subtitles/ferry.srt" "$FIX/pdf/scanned.pdf" "$FIX/refused/encrypted.docx" "$tmp/story/sub/"
cp "$FIX/html/news.html" "$tmp/story/page-saved-as.txt"
export PARALLAX_DB="$tmp/kinds.db"
expect_fail "$BIN" add --recursive "$tmp/story"
[ "$(grep -c '^added report' "$tmp/out")" = 6 ] || fail "mixed folder: $(cat "$tmp/out" "$tmp/err")"
grep -q 'already in the library' "$tmp/out" || fail "the page saved as .txt was not read as the same page"
grep -q 'scanned.pdf: no text layer' "$tmp/err" || fail "scanned PDF message: $(cat "$tmp/err")"
grep -q 'encrypted.docx: .*encrypted' "$tmp/err" || fail "encrypted Word message: $(cat "$tmp/err")"
for id in $("$BIN" list --json | sed -n 's/.*"id": \([0-9]*\).*/\1/p'); do
	"$BIN" show --json "$id" >"$tmp/show" || fail "show --json $id"
	grep -q '<div\|<p>\|&amp;\|-->' "$tmp/show" && fail "markup or timing in report $id: $(head -c 400 "$tmp/show")"
done
"$BIN" compare --format json "$tmp/story/sub/ferry.srt" "$tmp/story/ferry.docx" >"$tmp/cmp" || fail "compare srt and docx"
grep -q '"time": *"00:' "$tmp/cmp" || fail "transcript claims have no time"

# The command line as polite as the window: help for every command on
# stdout, usage mistakes exit 2 in one line, no Fyne locale complaint under
# the locales of containers and servers, one line without a display, no PDF
# on a terminal, and a line saying where an export was written.
"$BIN" --help >"$tmp/help" 2>"$tmp/err" || fail "parallax --help"
[ -s "$tmp/err" ] && fail "parallax --help wrote to stderr: $(cat "$tmp/err")"
cmds=$(sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' "$tmp/help")
[ "$(echo "$cmds" | wc -w)" -ge 10 ] || fail "parallax --help lists: $cmds"
for c in $cmds; do
	"$BIN" "$c" --help >"$tmp/out" 2>"$tmp/err" || fail "$c --help exit code"
	grep -q "^Usage: parallax $c" "$tmp/out" || fail "$c --help: $(head -1 "$tmp/out")"
	[ -s "$tmp/err" ] && fail "$c --help wrote to stderr"
done
set +e
"$BIN" list --bogus >"$tmp/out" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q 'usage: parallax list' "$tmp/err" ||
	fail "unknown option: exit $rc, $(cat "$tmp/err")"
for loc in LANG=C.UTF-8 LC_ALL=C.UTF-8 LANG=C LC_ALL=POSIX LANG=POSIX.UTF-8 LANG=de_DE.UTF-8 LANG=pt_BR LANG=de_DE@euro; do
	env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$loc" "$BIN" list >/dev/null 2>"$tmp/err" || fail "list under $loc"
	[ -s "$tmp/err" ] && fail "stderr under $loc: $(cat "$tmp/err")"
done
env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$BIN" version >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ] ||
	fail "stderr with no locale: $(cat "$tmp/err")"
if env -u DISPLAY -u WAYLAND_DISPLAY LANG=C.UTF-8 "$BIN" >"$tmp/out" 2>"$tmp/err"; then fail "the window opened without a display"; fi
[ "$(cat "$tmp/err")" = "parallax: no display to open the window on (DISPLAY is not set); the subcommands work without one: parallax --help" ] ||
	fail "no display: $(cat "$tmp/err")"
if command -v script >/dev/null; then
	set +e
	script -qec "'$BIN' compare --format pdf '$tmp/a.txt' '$tmp/b.md'" /dev/null >"$tmp/out" 2>&1; rc=$?
	set -e
	[ "$rc" = 1 ] && grep -q 'a PDF is not shown in a terminal; give --out FILE (or redirect)' "$tmp/out" ||
		fail "PDF to a terminal: exit $rc, $(head -c 300 "$tmp/out")"
fi
"$BIN" compare --format pdf "$tmp/a.txt" "$tmp/b.md" | head -c 5 | grep -q '%PDF-' || fail "PDF to a pipe"
"$BIN" compare --format html --out "$tmp/memo.html" "$tmp/a.txt" "$tmp/b.md" 2>"$tmp/err" || fail "compare --out"
grep -q "^Wrote $tmp/memo.html ([0-9]* rows\?, 2 reports)\.\$" "$tmp/err" || fail "compare --out says: $(cat "$tmp/err")"
echo "smoke: 1 passed, 0 failed"
