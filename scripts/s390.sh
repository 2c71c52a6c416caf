#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make check, step 7: the series' system calls build for s390 with Debian's
# s390x cross compiler. s390 has no CONFIG_CHECKPOINT, so what the series
# adds there is the syscall table: build the table and sys_ni.o of an s390
# tinyconfig kernel in build/out-s390 (entry.o holds the table), and check
# that the uapi numbers, the table entries (64-bit and compat) and the
# sys_ni stubs are all there.
. "$(dirname "$0")/lib.sh"

export ARCH=s390
OUT=$BUILD/out-s390
CROSS=s390x-linux-gnu-
command -v ${CROSS}gcc > /dev/null || "$TOP"/scripts/deps.sh

kmake()
{
	make -C "$TREE" O="$OUT" CROSS_COMPILE=$CROSS CC="ccache ${CROSS}gcc" \
		HOSTCC="ccache gcc" "$@"
}

fail=0
problem()
{
	echo "FAIL: s390: $*"
	fail=1
}

if [ ! -f "$OUT/.config" ]; then
	mkdir -p "$OUT"
	kmake -s tinyconfig > /dev/null
fi
kmake -s -j"$(nproc)" arch/s390/kernel/entry.o kernel/sys_ni.o

# Whole: nm piped into grep -q would fail on SIGPIPE under pipefail
entry=$(${CROSS}nm "$OUT"/arch/s390/kernel/entry.o)
sys_ni=$(${CROSS}nm "$OUT"/kernel/sys_ni.o)
for call in checkpoint:463 restart:464; do
	name=${call%:*}
	nr=${call#*:}
	grep -Eq "^#define __NR_$name[[:space:]]+$nr\$" \
		"$OUT"/arch/s390/include/generated/uapi/asm/unistd_64.h ||
		problem "no __NR_$name $nr in asm/unistd_64.h"
	grep -q "^SYSCALL(sys_$name,sys_$name)\$" \
		"$OUT"/arch/s390/include/generated/asm/syscall_table.h ||
		problem "no sys_$name in the syscall table"
	grep -q " U __s390x_sys_$name\$" <<< "$entry" ||
		problem "the syscall table does not reference __s390x_sys_$name"
	grep -Eq " [WwTt] __s390x_sys_$name\$" <<< "$sys_ni" ||
		problem "sys_ni.o does not define __s390x_sys_$name"
done
[ "$fail" = 0 ] && echo "  s390: __NR_checkpoint 463, __NR_restart 464, table and sys_ni stubs build"
exit "$fail"
