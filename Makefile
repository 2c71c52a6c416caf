# SPDX-License-Identifier: GPL-2.0
#
# Harness for the checkpoint/restart + ckpt_log patch series on Linux 6.12.
# patches/ is the source of truth; build/ holds the tree made from it, the
# kernel build and the test guest. See README.md.

SHELL := /bin/bash
S := scripts

.PHONY: all deps tree kernel test kernel-debug test-debug demo bench figures check \
	configs bisect export status clean distclean

all: test

deps:
	@$(S)/deps.sh

tree:
	@$(S)/tree.sh

kernel: tree
	@$(S)/kernel.sh

test: kernel
	@$(S)/test.sh

# The same suite on the debug kernel: lockdep, KASAN, UBSAN, kmemleak, ...
kernel-debug: tree
	@VARIANT=debug $(S)/kernel.sh

test-debug: kernel-debug
	@VARIANT=debug $(S)/test.sh

demo: kernel
	@$(S)/test.sh -d

bench: kernel
	@$(S)/test.sh -B

# Writes the logs and sizes Documentation/checkpoint/logging.txt quotes
figures: kernel
	@$(S)/figures.sh

check: kernel
	@$(S)/check.sh

# CONFIG_CHECKPOINT=n, each option of the series off, and 20 random configs
configs: kernel
	@$(S)/configs.sh

bisect: tree
	@$(S)/bisect.sh

export:
	@$(S)/export.sh

status:
	@$(S)/status.sh

# Keeps build/linux, which may hold unexported work, and ccache
clean:
	rm -rf build/out build/out-debug build/out-figures build/out-nockpt build/out-configs \
		build/bin build/vm build/vm-debug build/figures

distclean:
	@$(S)/status.sh --quiet || { $(S)/status.sh; echo "make export first, or rm -rf build"; exit 1; }
	rm -rf build
