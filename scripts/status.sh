#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make status: exits non-zero, listing the files, when build/linux holds
# work that is not in patches/: uncommitted or untracked files, or commits
# that export to something other than patches/. With --quiet it only sets
# the exit status.
. "$(dirname "$0")/lib.sh"

quiet=${1:-}
say()
{
	[ "$quiet" = --quiet ] || echo "$@"
}

if [ ! -d "$TREE/.git" ]; then
	say "no tree at build/linux: nothing to lose"
	exit 0
fi

lost=0
# The kernel's .gitignore hides every dot-file, so a new .gitignore or the
# like in a directory of the series would be lost without notice: list them.
dirty=$(tgit status --porcelain)
hidden=$(tgit status --porcelain --ignored --untracked-files=all -- \
	checkpoint tools/testing/ckpt-log Documentation/checkpoint |
	grep -E '^!! (.*/)?\.[^/]+$' || true)
dirty=$(printf '%s\n%s' "$dirty" "$hidden" | sed '/^$/d')
if [ -n "$dirty" ]; then
	say "build/linux has changes that are not committed:"
	say "$dirty"
	lost=1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$TOP"/scripts/export.sh "$tmp" > /dev/null
if ! diff -r -q -x 0000-cover-letter.patch "$tmp" "$PATCHES" > "$tmp.diff" 2>&1; then
	if [ -d "$BUILD/synced" ] && diff -r -q "$tmp" "$BUILD/synced" > /dev/null 2>&1; then
		say "patches/ changed since build/linux was made; make tree brings it up to date"
	else
		say "build/linux has commits that are not in patches/ (make export writes them):"
		[ "$quiet" = --quiet ] || sed -e "s|$tmp|build/linux|g" -e "s|$PATCHES|patches|g" "$tmp.diff"
		lost=1
	fi
fi
rm -f "$tmp.diff"
[ "$lost" = 0 ] && say "build/linux and patches/ agree"
exit "$lost"
