#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make export: writes the commits of build/linux back to patches/, one
# git format-patch mail per commit, and rewrites patches/series. Commits up
# to the tag "part1" go to patches/part1/, later ones to patches/part2/;
# without the tag everything is part 1. The output depends only on the
# commits, so exporting the same tree twice gives the same bytes.
#
# Usage: export.sh [DIR]   (DIR instead of patches/: used by make status)
. "$(dirname "$0")/lib.sh"

dest=${1:-$PATCHES}
[ -d "$TREE/.git" ] || die "no tree: run make tree"
if [ -z "${1:-}" ]; then
	dirty=$(tgit status --porcelain)
	[ -z "$dirty" ] || die "build/linux has uncommitted changes; commit them first:
$dirty"
fi
tgit merge-base --is-ancestor base HEAD || die "HEAD does not descend from base"

fp()
{
	tgit -c core.quotepath=off -c diff.noprefix=false -c diff.mnemonicprefix=false \
		-c diff.renames=false -c diff.algorithm=myers \
		format-patch -q --zero-commit --no-signature --full-index --no-numbered \
		--stat=72 --subject-prefix=PATCH "$@"
}

end1=HEAD
if tgit rev-parse -q --verify refs/tags/part1 > /dev/null; then
	tgit merge-base --is-ancestor part1 HEAD ||
		die "tag part1 is not in HEAD's history: move it to the last part-1 commit (git tag -f part1 SHA)"
	end1=part1
fi
n1=$(tgit rev-list --count base.."$end1")

mkdir -p "$dest"
rm -rf "$dest"/part1 "$dest"/part2
mkdir -p "$dest"/part1
fp -o "$dest"/part1 base.."$end1" > /dev/null
if [ "$end1" = part1 ] && [ "$(tgit rev-list --count part1..HEAD)" != 0 ]; then
	mkdir -p "$dest"/part2
	fp -o "$dest"/part2 --start-number $((n1 + 1)) part1..HEAD > /dev/null
fi

{
	echo "# The series, in apply order; make tree applies it to $SRCPKG."
	echo "# Part 1: checkpoint/restart. Part 2: ckpt_log."
	(cd "$dest" && find part1 part2 -name '*.patch' 2>/dev/null || true) | LC_ALL=C sort
} > "$dest"/series

# The cover letter ends with the shortlog and the diffstat of the series,
# as git format-patch --cover-letter has them: rewrite both, and the
# count in its subject.
cover=$dest/0000-cover-letter.patch
if [ -z "${1:-}" ] && [ -f "$cover" ]; then
	total=$(tgit rev-list --count base..HEAD)
	awk '/^[^ ].* \([0-9]+\):$/ {exit} {print}' "$cover" |
		sed -e "s|^Subject: \[PATCH 0/[0-9]*\]|Subject: [PATCH 0/$total]|" \
		    -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$cover.new"
	{
		echo
		tgit shortlog base..HEAD | sed -e '/^$/d' -e 's/^ \{6\}/  /'
		echo
		tgit -c core.quotepath=off diff --stat=72 base..HEAD
	} >> "$cover.new"
	mv "$cover.new" "$cover"
fi

if [ -z "${1:-}" ]; then
	echo "$(series_hash)" > "$TREE/.git/ckpt-series"
	rm -rf "$BUILD/synced"
	cp -a "$PATCHES" "$BUILD/synced"
	note "exported $(series_patches | wc -l) patches to patches/"
	git -C "$TOP" status --short -- patches
fi
