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
expect_fail() { # command must exit 1 with one line on stderr and no panic trace
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
expect_fail "$BIN" add "$tmp/story"
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
echo "smoke: 1 passed, 0 failed"
