#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make kernel: configures build/out from tinyconfig plus the series' config
# fragment, builds bzImage with ccache and installs the uapi headers into
# build/out/usr/include. The build directory is kept between runs, so a
# rebuild only compiles what changed.
#
# Usage: kernel.sh [extra make arguments, e.g. W=1 checkpoint/]
. "$(dirname "$0")/lib.sh"

fragments=("$TREE/$TESTDIR/config")
[ -n "$VARIANT" ] && fragments+=("$TREE/$TESTDIR/$VARIANT.config")
for f in "${fragments[@]}"; do
	[ -f "$f" ] || die "the series has no ${f#"$TREE"/}"
done
command -v ccache > /dev/null || "$TOP"/scripts/deps.sh

kmake()
{
	make -C "$TREE" O="$OUT" CC="ccache gcc" HOSTCC="ccache gcc" "$@"
}

# Reconfigure only when the fragment changed, so that a rebuild stays cheap
stamp=$OUT/.ckpt-config
want=$(cat "${fragments[@]}" | sha256sum | cut -d' ' -f1)
if [ ! -f "$OUT/.config" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	note "configuring ${OUT#"$TOP"/}: tinyconfig + ${fragments[*]#"$TREE"/}"
	mkdir -p "$OUT"
	kmake -s tinyconfig > /dev/null
	"$TREE"/scripts/kconfig/merge_config.sh -m -O "$OUT" "$OUT/.config" "${fragments[@]}" > /dev/null
	kmake -s olddefconfig
	# merge_config.sh -m does not check the result: a symbol whose
	# dependencies are missing silently drops out. Treat that as an error.
	bad=0
	while read -r line; do
		case $line in
		CONFIG_*=*)
			grep -qx "$line" "$OUT/.config" ||
				{ echo "config: $line requested, got: $(grep "^${line%%=*}=" "$OUT/.config" || echo unset)"; bad=1; }
			;;
		"# CONFIG_"*" is not set")
			sym=${line#\# }
			sym=${sym%% *}
			! grep -q "^$sym=" "$OUT/.config" ||
				{ echo "config: $sym requested off, but it is on"; bad=1; }
			;;
		esac
	done < <(cat "${fragments[@]}")
	[ "$bad" = 0 ] || { rm -f "$OUT/.config"; die "the config fragment does not hold"; }
	echo "$want" > "$stamp"
fi

if [ $# -gt 0 ]; then
	kmake -j"$(nproc)" "$@"
	exit
fi

note "building bzImage"
start=$(date +%s)
kmake -s -j"$(nproc)" bzImage
kmake -s headers
note "bzImage ready in $(($(date +%s) - start)) s: ${OUT#"$TOP"/}/arch/x86/boot/bzImage"
