#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make check: the static checks of the series.
#  1. Every patch has a subject "area: summary", a body and a Signed-off-by.
#  2. The series applies to base exactly: no fuzz, no offset.
#  3. scripts/checkpatch.pl --strict finds no error, warning or check. The
#     one warning allowed is FILE_PATH_CHANGES ("does MAINTAINERS need
#     updating?") for new files that a MAINTAINERS entry of the series
#     already covers, when the commit message says so.
#  4. scripts/kernel-doc finds nothing to warn about in the new kernel files.
#  5. The new kernel code builds with W=1 without a warning (but those
#     scripts/w1-upstream.txt lists, which upstream files have already).
#  6. scripts/get_maintainer.pl names the CHECKPOINT/RESTART entry on
#     every patch.
#  7. The system calls build for s390 with Debian's cross compiler
#     (scripts/s390.sh).
#  8. patches/0000-cover-letter.patch counts and lists every patch.
#  9. What Documentation/checkpoint/logging.txt quotes of the tree holds:
#     each function:line of a quoted record logs there, the release, sizes
#     and counts are current (scripts/figures.py).
. "$(dirname "$0")/lib.sh"

[ -d "$TREE/.git" ] || die "no tree: run make tree"
fail=0
problem()
{
	echo "FAIL: $*"
	fail=1
}

mapfile -t patches < <(series_patches)
[ ${#patches[@]} -gt 0 ] || die "patches/series is empty"

note "1. subjects, bodies and sign-offs"
for p in "${patches[@]}"; do
	f=$PATCHES/$p
	subject=$(sed -n '/^Subject: /{N;s/\n / /;p;q}' "$f" | head -n 1)
	echo "$subject" | grep -Eq '^Subject: \[PATCH\] [A-Za-z0-9/_.,-]+: [a-z].+' ||
		problem "$p: subject is not '[PATCH] area: summary': $subject"
	# The body: between the headers' blank line and the '---' that starts
	# the diffstat, without trailers
	body=$(awk 'h && /^---$/ {exit} h {print} /^$/ && !h {h=1}' "$f" |
	       grep -Ev '^(Signed-off-by|Reviewed-by|Acked-by|Tested-by|Cc|Link|Fixes):' | grep -c '[^[:space:]]' || true)
	[ "$body" -ge 2 ] || problem "$p: the commit message has no body"
	grep -Eq '^Signed-off-by: .+ <[^>]+@[^>]+>$' "$f" || problem "$p: no Signed-off-by"
done

note "2. the series applies to base exactly"
idx=$(mktemp)
trap 'rm -f "$idx" "$idx".*' EXIT
GIT_INDEX_FILE=$idx tgit read-tree base
for p in "${patches[@]}"; do
	if ! out=$(GIT_INDEX_FILE=$idx tgit apply --cached -v "$PATCHES/$p" 2>&1); then
		problem "$p does not apply: $(echo "$out" | grep '^error' | head -n 3)"
		break
	fi
	if echo "$out" | grep -Eq 'offset|fuzz'; then
		problem "$p applies only at an offset: $(echo "$out" | grep -E 'offset|fuzz' | head -n 3)"
	fi
done

note "3. checkpatch.pl --strict"
covered()
{
	# Is every file the patch adds under an F: pattern of a MAINTAINERS
	# entry that names ckpt-log or checkpoint?
	local f=$1 file pat ok
	for file in $(awk '/^diff --git/ {f = substr($4, 3)} /^new file mode/ {print f}' "$f"); do
		ok=0
		while read -r pat; do
			# shellcheck disable=SC2254 # F: patterns are globs
			case $file in $pat*) ok=1 ;; esac
		done < <(awk '/^CHECKPOINT/ {e=1} e && /^$/ {e=0} e && /^F:/ {print $2}' "$TREE/MAINTAINERS")
		[ "$ok" = 1 ] || return 1
	done
}
for p in "${patches[@]}"; do
	f=$PATCHES/$p
	out=$(cd "$TREE" && scripts/checkpatch.pl --strict --show-types --no-summary --quiet "$f" 2>&1 || true)
	rest=$(echo "$out" | grep -E '^(ERROR|WARNING|CHECK):' || true)
	if echo "$rest" | grep -q 'WARNING:FILE_PATH_CHANGES:' && covered "$f" &&
	   grep -q 'covered by the MAINTAINERS entry' "$f"; then
		rest=$(echo "$rest" | grep -v 'WARNING:FILE_PATH_CHANGES:' || true)
	fi
	if [ -n "$rest" ]; then
		problem "$p: checkpatch.pl --strict:"
		echo "$out"
	fi
	if echo "$out" | grep -q 'Traceback'; then
		problem "$p: a checkpatch helper crashed:"
		echo "$out" | grep -A3 Traceback
	fi
done

note "4. kernel-doc on the new kernel files"
mapfile -t new < <(cat "${patches[@]/#/$PATCHES/}" | awk '/^new file mode/ {print f} /^diff --git/ {f=$4}' |
	sed 's|^b/||' | grep -E '\.[ch]$' | grep -v "^$TESTDIR/" | LC_ALL=C sort -u)
for file in "${new[@]}"; do
	[ -f "$TREE/$file" ] || { problem "$file is in the series but not in build/linux: run make tree"; continue; }
	out=$(cd "$TREE" && scripts/kernel-doc -none -Wall "$file" 2>&1)
	[ -z "$out" ] || { problem "kernel-doc $file:"; echo "$out"; }
done

note "5. W=1 build of the new kernel code"
# The directories of the new .c files, and the objects of the changed ones.
# kernel/sys_ni.o is always among the goals: kbuild matches "checkpoint/"
# against its "check%" targets, which need no .config, and builds a lone
# checkpoint/ goal without one; any other goal turns the config back on.
changed=$(cat "${patches[@]/#/$PATCHES/}" | sed -n 's|^+++ b/\(.*\.c\)$|\1|p' | grep -v "^$TESTDIR/" | LC_ALL=C sort -u)
goals=(kernel/sys_ni.o)
for file in $changed; do
	# A whole directory only when the series creates it
	if printf '%s\n' "${new[@]}" | grep -qx "$file" &&
	   ! tgit cat-file -e "base:$(dirname "$file")" 2>/dev/null; then
		goals+=("$(dirname "$file")/")
	else
		goals+=("${file%.c}.o")
	fi
done
mapfile -t goals < <(printf '%s\n' "${goals[@]}" | LC_ALL=C sort -u)
# An upstream file the series touches may have W=1 warnings of its own:
# scripts/w1-upstream.txt lists them, one fixed string a line, and only
# those are let through.
known=$TOP/scripts/w1-upstream.txt
if ! out=$("$TOP"/scripts/kernel.sh W=1 "${goals[@]}" 2>&1); then
	problem "W=1 build of ${goals[*]} failed:"
	echo "$out" | tail -n 30
elif out=$(echo "$out" | grep -v -F -f "$known"); echo "$out" | grep -q 'warning:'; then
	problem "W=1 warnings in ${goals[*]}:"
	echo "$out" | grep -A5 'warning:'
else
	# Nothing to compile when a check before this one built them with W=1
	echo "$out" | { grep -E '^\s+CC\s' || echo "  (up to date)"; } | sed 's/^/  /'
fi

note "6. get_maintainer.pl names the CHECKPOINT/RESTART entry"
for p in "${patches[@]}"; do
	out=$(cd "$TREE" && scripts/get_maintainer.pl --no-git --no-git-fallback \
		--sections "$PATCHES/$p" 2>&1 || true)
	echo "$out" | grep -q '^CHECKPOINT/RESTART$' ||
		problem "$p: get_maintainer.pl does not name CHECKPOINT/RESTART: $(echo "$out" | head -n 3)"
done

note "7. s390: the system call table builds"
"$TOP"/scripts/s390.sh || problem "the s390 build of the system call table"

note "8. the cover letter lists the series"
cover=$PATCHES/0000-cover-letter.patch
if [ ! -f "$cover" ]; then
	problem "no patches/0000-cover-letter.patch"
else
	grep -q "^Subject: \[PATCH 0/${#patches[@]}\] " "$cover" ||
		problem "the cover letter's subject does not count ${#patches[@]} patches"
	for p in "${patches[@]}"; do
		subject=$(sed -n '/^Subject: /{N;s/\n / /;p;q}' "$PATCHES/$p" | head -n 1 |
			  sed 's/^Subject: \[PATCH\] //')
		grep -qxF "  $subject" "$cover" ||
			problem "the cover letter does not list: $subject"
	done
fi

note "9. the figures logging.txt quotes are the tree's"
if ! out=$(python3 "$TOP"/scripts/figures.py check "$TREE"); then
	problem "stale figures (make figures writes them):"
	echo "$out"
fi

if [ "$fail" = 0 ]; then
	note "make check: all ${#patches[@]} patches pass"
else
	note "make check: FAILED"
fi
exit "$fail"
