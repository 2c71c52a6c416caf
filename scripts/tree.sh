#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make tree: extracts Debian's linux-source-6.12 into build/linux as a git
# repository whose first commit, tagged "base", is the pristine source,
# then applies patches/series on top, one commit per patch. A patch that
# does not apply exactly (git never fuzzes; an offset counts as a failure
# too) stops it, naming the patch and the file.
#
# The tree is rebuilt only when patches/ changed since it was last made or
# exported, and never while it holds work that is not in patches/.
. "$(dirname "$0")/lib.sh"

"$TOP"/scripts/deps.sh
[ -f "$TARBALL" ] || die "$TARBALL is missing; install $SRCPKG"

hash=$(series_hash)
version=$(base_version)

if [ -d "$TREE/.git" ] && [ "$(cat "$TREE/.git/ckpt-series" 2>/dev/null)" = "$hash" ]; then
	note "tree is up to date: $SRCPKG $version with $(series_patches | wc -l) patches"
	exit 0
fi

if [ -d "$TREE/.git" ]; then
	if [ -z "${FORCE:-}" ] && ! "$TOP"/scripts/status.sh --quiet; then
		"$TOP"/scripts/status.sh || true
		die "build/linux holds work that is not in patches/: run make export, or FORCE=1 make tree to drop it"
	fi
	note "resetting build/linux to base"
	tgit checkout -q --detach base
	tgit reset -q --hard base
	tgit clean -q -fdx
else
	note "extracting $TARBALL ($SRCPKG $version)"
	rm -rf "$TREE" "$TREE.tmp"
	mkdir -p "$TREE.tmp"
	tar -xf "$TARBALL" -C "$TREE.tmp" --strip-components=1
	# Debian's .gitignore ends by ignoring the whole top level ("/*"), which
	# would hide every new file from git: drop that packaging-only block.
	python3 - "$TREE.tmp/.gitignore" <<-'PY'
	import sys
	path = sys.argv[1]
	text = open(path).read()
	cut = text.find('\n#\n# Debian packaging')
	if cut >= 0:
	    open(path, 'w').write(text[:cut].rstrip('\n') + '\n')
	PY
	git -C "$TREE.tmp" init -q -b series
	git -C "$TREE.tmp" add -A -f .
	GIT_AUTHOR_DATE="2026-01-01 00:00:00 +0000" GIT_COMMITTER_DATE="2026-01-01 00:00:00 +0000" \
		git -C "$TREE.tmp" "${BASE_IDENT[@]}" commit -q -m "base: $SRCPKG $version"
	git -C "$TREE.tmp" tag base
	mv "$TREE.tmp" "$TREE"
fi

note "applying $(series_patches | wc -l) patches to $SRCPKG $version"
tgit tag -d part1 > /dev/null 2>&1 || true
last_part1=
for p in $(series_patches); do
	f=$PATCHES/$p
	[ -f "$f" ] || die "patches/series names $p, which does not exist"
	if ! out=$(tgit apply --check -v "$f" 2>&1); then
		file=$(echo "$out" | sed -n 's/^error: patch failed: \(.*\):[0-9]*$/\1/p;s/^error: \(.*\): No such file.*/\1/p' | head -n 1)
		echo "$out" | grep -E '^error' >&2
		die "$p does not apply: ${file:-see above}"
	fi
	if echo "$out" | grep -q 'offset'; then
		file=$(echo "$out" | awk '/^Checking patch /{f=$3} /offset/{print f; exit}' | sed 's/\.\.\.$//')
		echo "$out" | grep 'offset' >&2
		die "$p applies only at an offset in $file: refresh it"
	fi
	tgit am -q --committer-date-is-author-date "$f" ||
		{ tgit am --abort; die "$p: git am failed"; }
	case $p in part1/*) last_part1=$(tgit rev-parse HEAD) ;; esac
done
tgit checkout -q -B series
# "part1" marks the end of part 1 once part 2 has begun: make export uses it
if series_patches | grep -q '^part2/'; then
	tgit tag part1 "$last_part1"
fi

echo "$hash" > "$TREE/.git/ckpt-series"
rm -rf "$BUILD/synced"
cp -a "$PATCHES" "$BUILD/synced"
note "base: $SRCPKG $version; tree ready at build/linux"
