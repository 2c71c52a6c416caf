#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make configs: the series builds in the configs the build robots try first,
# each on top of the test kernel's config (build/out/.config):
#  - CONFIG_CHECKPOINT=n: a whole vmlinux, linked, so that the hooks in
#    upstream files compile away and nothing of the series is left undefined;
#  - CONFIG_CHECKPOINT_DEBUG=n, CONFIG_CHECKPOINT_KUNIT_TEST=n, and each of
#    CHECKPOINT_UNIX, CHECKPOINT_INET and CHECKPOINT_TTY off (through UNIX,
#    INET and UNIX98_PTYS, which they follow);
#  - CKPT_RANDCONFIGS (20) seeded random choices of the symbols the series'
#    code tests, CKPT_SEED_BASE + 1 and on, so that a failure can be
#    replayed with CKPT_RANDCONFIGS=1 CKPT_SEED_BASE=seed-1.
# All but the first build the objects of the files the series adds or
# touches that the config enables; a warning in a file of the series fails.
# They share one build directory, so that a config rebuilds what it changes.
. "$(dirname "$0")/lib.sh"

[ -f "$OUT/.config" ] || die "no test kernel config: run make kernel"
nockpt=$BUILD/out-nockpt
objs=$BUILD/out-configs
log=$BUILD/configs.log
: > "$log"

kmake()
{
	make -C "$TREE" CC="ccache gcc" HOSTCC="ccache gcc" "$@"
}

# The symbols the series' code tests that the test config can turn off;
# not those CONFIG_CHECKPOINT depends on (PROC_FS, MULTIUSER, POSIX_TIMERS,
# SYSVIPC), which turn it off
SYMS=(CHECKPOINT_DEBUG CHECKPOINT_KUNIT_TEST UNIX INET UNIX98_PTYS
      IPC_NS USER_NS UTS_NS PID_NS POSIX_MQUEUE ANON_VMA_NAME RSEQ KEYS FUTEX
      SECCOMP FILE_LOCKING ADVISE_SYSCALLS IA32_EMULATION FTRACE
      SYSCTL MEMFD_CREATE HUGETLBFS TMPFS AUDIT)

# A config: the test config with "SYM=y|n ..." applied, in $2
configure()
{
	local dir=$1 sym val
	shift
	mkdir -p "$dir"
	cp "$OUT/.config" "$dir/.config"
	for kv in "$@"; do
		sym=${kv%=*}
		val=${kv#*=}
		if [ "$val" = y ]; then
			"$TREE"/scripts/config --file "$dir/.config" -e "$sym"
		else
			"$TREE"/scripts/config --file "$dir/.config" -d "$sym"
		fi
	done
	kmake -s O="$dir" olddefconfig >> "$log" 2>&1
}

# The series' kernel .c files the config builds in, as objects. A file in a
# directory the series adds is there when the directory is; elsewhere, the
# Makefile statement that names its object says: obj-y, or obj-$(CONFIG_X)
# with X on. (kbuild builds an object it is asked for, even one the config
# leaves out, so the question is the Makefile's.)
series_objects()
{
	local dir=$1 f d o sym
	for f in $(tgit diff --name-only base..HEAD -- '*.c' | grep -v "^$TESTDIR/"); do
		d=$(dirname "$f")
		o=$(basename "${f%.c}.o")
		sym=$(sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$TREE/$d/Makefile" |
		      grep -E "^\s*obj-[^ ]*\s*[+:]?=.*[[:space:]=]$o([[:space:]]|$)" | head -n 1 |
		      sed -n 's/^\s*obj-\$(\(CONFIG_[A-Z0-9_]*\)).*/\1/p' || true)
		[ -z "$sym" ] || grep -q "^$sym=y" "$dir/.config" || continue
		# checkpoint/ itself comes in with CONFIG_CHECKPOINT, which holds
		echo "$d/$o"
	done
}

# Fails on an error, or on a warning in a file of the series
build_objects()
{
	local name=$1 out warn n
	shift
	configure "$objs" "$@"
	if ! grep -q '^CONFIG_CHECKPOINT=y' "$objs/.config"; then
		echo "  $name: CONFIG_CHECKPOINT did not hold"
		return 1
	fi
	mapfile -t built < <(series_objects "$objs")
	if ! out=$(kmake O="$objs" -j"$(nproc)" "${built[@]}" 2>&1); then
		echo "$out" | grep -E 'error|Error' | head -n 30
		echo "  $name: does not build"
		return 1
	fi
	echo "$out" >> "$log"
	# kbuild prints what it compiles, and the warnings with it
	warn=$(echo "$out" | grep -F -f <(tgit diff --name-only base..HEAD -- '*.c' '*.h' |
					  grep -v "^$TESTDIR/") | grep 'warning:' || true)
	if [ -n "$warn" ]; then
		echo "$warn"
		echo "  $name: warnings in the series' files"
		return 1
	fi
	echo "  $name: ${#built[@]} files of the series built; on: $(grep -o '^CONFIG_CHECKPOINT_[A-Z_]*=y' \
		"$objs/.config" | sed 's/CONFIG_CHECKPOINT_//; s/=y//' | tr '\n' ' ')"
}

start=$(date +%s)
fail=0

note "CONFIG_CHECKPOINT=n: vmlinux"
configure "$nockpt" CHECKPOINT=n
if grep -q '^CONFIG_CHECKPOINT=y' "$nockpt/.config"; then
	echo "  CONFIG_CHECKPOINT stayed on"
	fail=1
elif ! out=$(kmake -s O="$nockpt" -j"$(nproc)" vmlinux 2>&1); then
	echo "$out" | tail -n 30
	echo "  CONFIG_CHECKPOINT=n: vmlinux does not build"
	fail=1
else
	# The system calls are sys_ni stubs; nothing else of the series is left
	left=$(nm "$nockpt/vmlinux" | grep -E ' [TtDdBbRr] (ckpt_|n_tty_ckpt_)' || true)
	if [ -n "$left" ]; then
		echo "$left" | head -n 20
		echo "  CONFIG_CHECKPOINT=n: the series left $(echo "$left" | wc -l) symbols in vmlinux"
		fail=1
	else
		echo "  vmlinux linked, no symbol of the series in it," \
		     "$(nm "$nockpt/vmlinux" | grep -c -E ' [TtWw] __[a-z0-9_]*sys_(checkpoint|restart)$') syscall stubs"
	fi
fi

note "each option of the series off"
for c in CHECKPOINT_DEBUG=n CHECKPOINT_KUNIT_TEST=n UNIX=n INET=n UNIX98_PTYS=n; do
	build_objects "$c" "$c" || fail=1
done

n=${CKPT_RANDCONFIGS:-20}
seed0=${CKPT_SEED_BASE:-20261205}
note "$n random choices of ${#SYMS[@]} symbols"
for i in $(seq 1 "$n"); do
	seed=$((seed0 + i))
	mapfile -t choice < <(python3 -c '
import random, sys
r = random.Random(int(sys.argv[1]))
for s in sys.argv[2:]:
    print(s + "=" + r.choice("yn"))' "$seed" "${SYMS[@]}")
	build_objects "seed $seed" "${choice[@]}" ||
		{ echo "  choices: ${choice[*]}"; fail=1; }
done

note "configs built in $(($(date +%s) - start)) s"
[ "$fail" = 0 ] || die "a config does not build"
