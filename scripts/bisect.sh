#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bisect: checks that the series bisects. Checks out every patch of
# build/linux in turn, builds the kernel and runs the QEMU suite at that
# patch, and goes back to the tip. Patches before the QEMU runner exists
# are only built. Stops at the first patch that fails.
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no tree: run make tree"
[ -z "$(tgit status --porcelain)" ] || die "build/linux has uncommitted changes"
tip=$(tgit rev-parse --abbrev-ref HEAD)
[ "$tip" != HEAD ] || tip=$(tgit rev-parse HEAD)
trap 'tgit checkout -q "$tip"' EXIT

n=0
for c in $(tgit rev-list --reverse base..HEAD); do
	n=$((n + 1))
	tgit checkout -q "$c"
	note "patch $n: $(tgit log -1 --format=%s "$c")"
	if [ ! -f "$TREE/$TESTDIR/config" ]; then
		# Before the runner: build with the fragment of the tip, which
		# kernel.sh finds in the tree; it is removed again right after
		mkdir -p "$TREE/$TESTDIR"
		tgit show "$tip:$TESTDIR/config" > "$TREE/$TESTDIR/config"
		ok=1
		"$TOP"/scripts/kernel.sh > "$BUILD/bisect.log" 2>&1 || ok=
		rm -f "$TREE/$TESTDIR/config"
		rmdir -p --ignore-fail-on-non-empty "$TREE/$TESTDIR" 2>/dev/null || true
		[ -n "$ok" ] || { tail -n 30 "$BUILD/bisect.log"; die "patch $n does not build"; }
		echo "   builds"
		continue
	fi
	"$TOP"/scripts/kernel.sh > "$BUILD/bisect.log" 2>&1 ||
		{ tail -n 30 "$BUILD/bisect.log"; die "patch $n does not build"; }
	rm -rf "$BIN"
	out=$("$TOP"/scripts/test.sh 2>&1) ||
		{ echo "$out" | tail -n 30; die "patch $n fails its tests"; }
	echo "   $(echo "$out" | tail -n 1)"
done
note "all $n patches build, and pass the tests that exist at each"
