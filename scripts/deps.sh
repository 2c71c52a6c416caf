#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Installs the Debian packages the harness needs, if any is missing.
. "$(dirname "$0")/lib.sh"

pkgs=(
	linux-source-6.12 xz-utils git make gcc libc6-dev bc flex bison
	libelf-dev libssl-dev cpio perl python3 python3-ply python3-git
	ccache qemu-system-x86 busybox-static gcc-s390x-linux-gnu
)
# Not gcc-multilib: Debian 12 cannot install it beside gcc-s390x-linux-gnu,
# so the 32-bit test program (compat32) is built without a C library.

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0

[ "$(id -u)" = 0 ] || die "missing packages: ${missing[*]}; install them as root"
note "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
