#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make test: builds the selftests and tools of the series statically and
# runs them, with every built-in KUnit suite, in a QEMU guest. The last line
# is "N passed, N failed[, N skipped]".
#
# Usage: test.sh [-d|-B]   (-d: make demo, -B: make bench, on the terminal)
. "$(dirname "$0")/lib.sh"

# A program the series at this patch does not build must not run
rm -rf "$BIN"
mkdir -p "$BIN"
make -s -C "$TREE/$TESTDIR" OUTPUT="$BIN" KHDR_INCLUDES="-isystem $OUT/usr/include"

args=(-k "$OUT/arch/x86/boot/bzImage" -b "$BIN" -o "$VM")
case ${1:-} in
-d|-B)
	exec "$TREE/$TESTDIR/run_vm.sh" "${args[@]}" "$1" -t 300
	;;
esac
grep -q '^CONFIG_KUNIT=y' "$OUT/.config" && grep -q '_KUNIT_TEST=y' "$OUT/.config" && args+=(-u)
# The debug kernel is some four times slower, fault_test makes every
# allocation of three tasks' checkpoints and restarts fail in turn, and
# damage_test restarts some 4300 cut images for real (the guest ran 556 s)
[ "$VARIANT" = debug ] && args+=(-t 900 -a ckpt_test_timeout=300)
exec "$TREE/$TESTDIR/run_vm.sh" "${args[@]}"
