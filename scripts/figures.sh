#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make figures: writes into build/linux's Documentation/checkpoint/logging.txt
# what it quotes, produced from the tree:
#  - the logs of section 3, from a run of make demo (demo.sh);
#  - the debug call sites and text sizes of section 6, from the test kernel
#    and a build of the series' objects with ckpt_dbg() compiled out.
# Fold the change into the patch that carries the document. make check
# fails when a quoted function:line, release, size or count no longer
# matches the tree (scripts/figures.py check).
. "$(dirname "$0")/lib.sh"

fig=$BUILD/figures
nodbg=$BUILD/out-figures
mkdir -p "$fig"

note "running the demo for the logs it shows"
"$TOP"/scripts/test.sh -d > "$fig/demo.txt" 2>&1 || die "make demo failed: $fig/demo.txt"

# The series' objects, its KUnit tests aside, relative to a build directory
objects()
{
	(cd "$1" && ls checkpoint/*.o arch/x86/kernel/checkpoint*.o ipc/checkpoint*.o \
		net/unix/checkpoint.o net/ipv4/checkpoint.o drivers/tty/checkpoint.o 2>/dev/null |
		grep -v -e '_test\.o$' -e 'built-in' -e '\.mod\.o$')
}

text()
{
	(cd "$1" && size $(objects "$OUT") | awk 'NR > 1 { s += $1 } END { print s }')
}

note "building the series' objects with ckpt_dbg() compiled out"
hdr=$TREE/include/linux/checkpoint_log.h
cp -p "$hdr" "$fig/checkpoint_log.h"
trap 'cp -p "$fig/checkpoint_log.h" "$hdr"' EXIT
# The records' arguments are still type-checked, and no code is left
python3 - "$hdr" <<'EOF'
import re, sys
p = sys.argv[1]
s = open(p).read()
s, n = re.subn(r'#define ckpt_dbg\(ctx, subsys, fmt, \.\.\.\)\s*\\\n(.*?\\\n)*?\} while \(0\)\n',
               '#define ckpt_dbg(ctx, subsys, fmt, ...)\t\t\t\t\t\\\n'
               'do {\t\t\t\t\t\t\t\t\t\\\n'
               '\tif (0)\t\t\t\t\t\t\t\t\\\n'
               '\t\tckpt_log_record(ctx, CKPT_LOG_DEBUG, subsys, 0, __func__,\t\\\n'
               '\t\t\t\t__LINE__, fmt, ##__VA_ARGS__);\t\t\\\n'
               '} while (0)\n', s, flags=re.S)
if n != 1:
    sys.exit('figures: no ckpt_dbg() macro to compile out')
open(p, 'w').write(s)
EOF
mkdir -p "$nodbg"
cp "$OUT/.config" "$nodbg/.config"
make -s -C "$TREE" O="$nodbg" CC="ccache gcc" HOSTCC="ccache gcc" olddefconfig
mapfile -t objs < <(objects "$OUT")
make -s -C "$TREE" O="$nodbg" CC="ccache gcc" HOSTCC="ccache gcc" -j"$(nproc)" "${objs[@]}"
cp -p "$fig/checkpoint_log.h" "$hdr"
trap - EXIT

sites=$(tgit grep -h -E '^\s+ckpt_dbg\(' -- checkpoint arch/x86/kernel ipc net/unix \
	net/ipv4 drivers/tty | wc -l)
{
	echo "sites=$sites"
	echo "with=$(text "$OUT")"
	echo "nodbg=$(text "$nodbg")"
	echo "vmlinux=$(size "$OUT/vmlinux" | awk 'NR == 2 { print $4 }')"
	echo "log=$(size "$OUT/checkpoint/log.o" | awk 'NR == 2 { print $1 }')"
} > "$fig/sizes"
sed 's/^/  /' "$fig/sizes"

python3 "$TOP"/scripts/figures.py apply "$TREE" "$fig/demo.txt" "$fig/sizes"
tgit diff --stat -- Documentation/checkpoint/logging.txt
python3 "$TOP"/scripts/figures.py check "$TREE" ||
	die "the figures written do not check"
note "figures written to ${TREE#"$TOP"/}/Documentation/checkpoint/logging.txt"
