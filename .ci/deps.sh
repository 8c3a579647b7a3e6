#!/bin/sh
# Installs the Debian packages named in $PKGS that are missing. As root it
# runs apt-get; with sudo it uses sudo (asking for a password only when a
# terminal is there to answer); otherwise it prints the command to run and
# fails, so nobody is left guessing why the build broke.
set -eu
command -v dpkg-query >/dev/null 2>&1 || {
	echo "deps: not a Debian system; make sure these (or your system's equivalents) are installed: $PKGS" >&2
	exit 0
}
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
	SUDO="sudo"
else
	echo "deps: Parallax needs these Debian packages:$missing" >&2
	echo "deps: install them with: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
# A fresh machine has no package lists: update once before installing.
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
