# SPDX-License-Identifier: GPL-2.0
# Shared by the harness scripts: where things are, and small helpers.
# Sourced, not run.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
TREE=$BUILD/linux
# VARIANT=debug: the debug kernel (lockdep, KASAN, ...), in its own build
# directory, so that switching costs nothing
VARIANT=${VARIANT:-}
OUT=$BUILD/out${VARIANT:+-$VARIANT}
BIN=$BUILD/bin
VM=$BUILD/vm${VARIANT:+-$VARIANT}
PATCHES=$TOP/patches
SERIES=$PATCHES/series
TARBALL=/usr/src/linux-source-6.12.tar.xz
SRCPKG=linux-source-6.12
TESTDIR=tools/testing/ckpt-log

# The identity of the base commit, fixed so that every tree gets the same one
BASE_IDENT=(-c user.name=base -c user.email=base@localhost)
export GIT_COMMITTER_NAME="ckpt-log tree" GIT_COMMITTER_EMAIL="tree@localhost"

# Debian's python3 has the modules scripts/ needs; a pyenv one may not
export PATH=/usr/bin:/bin:/usr/sbin:/sbin:$PATH

# What the kernel build sees, fixed so that ccache hits across checkouts
export ARCH=x86_64
export KBUILD_BUILD_TIMESTAMP="2026-01-01 00:00:00 UTC"
export KBUILD_BUILD_USER=ckpt KBUILD_BUILD_HOST=ckpt
export CCACHE_DIR=${CCACHE_DIR:-/root/.cache/ccache}
export CCACHE_BASEDIR=$BUILD
export CCACHE_NOHASHDIR=1

die()
{
	echo "$(basename "$0"): $*" >&2
	exit 1
}

note()
{
	echo "== $*"
}

tgit()
{
	git -C "$TREE" "$@"
}

# The patch files in apply order, as paths relative to patches/
series_patches()
{
	[ -f "$SERIES" ] || return 0
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$SERIES"
}

# A digest of the series and every patch in it
series_hash()
{
	(cd "$PATCHES" && cat series $(series_patches)) | sha256sum | cut -d' ' -f1
}

base_version()
{
	dpkg-query -W -f='${Version}' "$SRCPKG" 2>/dev/null || echo unknown
}
