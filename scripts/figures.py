#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The figures Documentation/checkpoint/logging.txt quotes, against the tree.

  figures.py apply TREE DEMO SIZES   rewrite the document from a make demo
                                     transcript and the measured sizes
  figures.py check TREE              exit 1, saying why, when a figure the
                                     document quotes no longer matches TREE

A quoted log is a line "  $ COMMAND" followed by the output of COMMAND, its
records folded to 72 columns. apply takes each such output from the demo
transcript, where demo.sh printed "$ COMMAND" before running it. check
needs no build: each function:line a quoted record names must be a line of
that function that logs a record, the release, argsize and logmask of a
header record must be those of the tree, and the count of debug call sites
must be current. The timings of make bench are measurements, dated in the
document, and not checked.
"""
import re
import subprocess
import sys
import textwrap

DOC = 'Documentation/checkpoint/logging.txt'
WIDTH = 72
# Where the series' code is: the files that may define a quoted function
CODE = ['checkpoint', 'arch/x86/kernel', 'ipc', 'net/unix', 'net/ipv4',
        'drivers/tty']
LOG_CALL = re.compile(r'\bckpt_(dbg|err|warn|log_record|log_marker)\b|__LINE__')


def git(tree, *args):
    return subprocess.run(['git', '-C', tree] + list(args), check=True,
                          capture_output=True, text=True).stdout


def quoted_blocks(lines):
    """(index of the "  $ " line, command, index after its output)"""
    i = 0
    while i < len(lines):
        m = re.match(r'^  \$ (.*)$', lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].strip() and \
                not lines[j].startswith('  $ '):
            j += 1
        yield i, m.group(1).strip(), j
        i = j


def command_of(line):
    """The command of a transcript or document "$ " line, comment dropped"""
    return re.sub(r'\s+#.*$', '', line).strip()


def demo_outputs(path):
    """{command: [output lines]} of a demo transcript"""
    out, cmd = {}, None
    for raw in open(path, errors='replace'):
        line = re.sub(r'\x1b\[[0-9;]*m', '', raw).rstrip('\r\n')
        if line.startswith('$ '):
            cmd = command_of(line[2:])
            out[cmd] = []
        elif cmd is None:
            continue
        elif not line or line.startswith('== '):
            cmd = None
        elif re.match(r'^\s*\[\s*\d+\.\d+\]', line) or \
                re.match(r'^  (counter: \d+|\(pid \d+ killed\)|exit status \d+)$', line):
            continue	# the kernel log on the console, the demo's own words
        elif line.startswith('  ') and not line.startswith('   '):
            cmd = None
        else:
            out[cmd].append(line)
    return out


def fold(line):
    """A record as the document quotes it: folded, continuation indented"""
    m = re.match(r'^((?:>> |   )?)(.*)$', line)
    lead = '  ' + m.group(1)
    return textwrap.wrap(m.group(2), WIDTH, initial_indent=lead,
                         subsequent_indent=' ' * (len(lead) + 4),
                         break_long_words=False, break_on_hyphens=False)


def apply(tree, demo, sizes):
    path = f'{tree}/{DOC}'
    lines = open(path).read().split('\n')
    outputs = demo_outputs(demo)
    new, last, missing = [], 0, []
    for i, cmd, end in quoted_blocks(lines):
        new += lines[last:i + 1]
        last = end
        if command_of(cmd) not in outputs:
            missing.append(cmd)
            new += lines[i + 1:end]
            continue
        for out in outputs[command_of(cmd)]:
            new += fold(out)
    new += lines[last:]
    text = '\n'.join(new)
    if missing:
        sys.exit(f'figures: demo.sh does not run: {", ".join(missing)}')

    s = dict(kv.split('=') for kv in open(sizes).read().split())
    subst = [
        (r'with the \d+ debug call sites', f'with the {s["sites"]} debug call sites'),
        (r'(objects with the \d+ debug call sites: +)\d+', rf'\g<1>{s["with"]}'),
        (r'(objects with ckpt_dbg\(\) compiled out: +)\d+', rf'\g<1>{s["nodbg"]}'),
        (r'(vmlinux \(text\+data\+bss\): +)\d+', rf'\g<1>{s["vmlinux"]}'),
        (r'(checkpoint/log\.o, the whole log core: +)\d+', rf'\g<1>{s["log"]}'),
        (r'cost about [\d.]+ KiB of text, [\d.]+% of',
         f'cost about {(int(s["with"]) - int(s["nodbg"])) / 1024:.1f} KiB of text, '
         f'{100 * (int(s["with"]) - int(s["nodbg"])) / int(s["vmlinux"]):.2f}% of'),
    ]
    for pat, rep in subst:
        text, n = re.subn(pat, rep, text)
        if not n:
            sys.exit(f'figures: {DOC} has no "{pat}"')
    open(path, 'w').write(text)


def function_lines(tree, func):
    """(file, first line, last line) of the definition of @func"""
    try:
        hits = git(tree, 'grep', '-n', '-E', rf'^[a-z].*[ *]{func}\(', '--',
                   *[f'{d}/*.c' for d in CODE])
    except subprocess.CalledProcessError:
        return None
    for hit in hits.splitlines():
        path, num, text = hit.split(':', 2)
        src = open(f'{tree}/{path}').read().split('\n')
        start = int(num)
        # A declaration, on one line or more, ends before any body opens
        head = start - 1
        while head < len(src) and src[head] != '{' and not src[head].rstrip().endswith(';'):
            head += 1
        if head < len(src) and src[head] != '{':
            continue
        for end in range(start, len(src)):
            if src[end] == '}':
                return path, start, end + 1, src
    return None


def check(tree):
    doc = open(f'{tree}/{DOC}').read()
    lines = doc.split('\n')
    problems = []

    # Each function:line a quoted record names logs a record there
    for i, cmd, end in quoted_blocks(lines):
        block = ' '.join(lines[i + 1:end])
        for func, num in re.findall(r'\b(ckpt_[a-z0-9_]+):(\d+)\b', block):
            where = function_lines(tree, func)
            if not where:
                problems.append(f'"{func}:{num}": no function {func}()')
                continue
            path, start, last, src = where
            num = int(num)
            if not start <= num <= last:
                problems.append(f'"{func}:{num}": {func}() is lines {start}-{last} of {path}')
            elif not LOG_CALL.search(src[num - 1]):
                problems.append(f'"{func}:{num}": {path}:{num} logs no record: {src[num - 1].strip()}')

    # The header records: this tree's release, struct size and "all"
    make = subprocess.run(['make', '-s', '-C', tree, 'kernelversion'],
                          capture_output=True, text=True).stdout.strip()
    uapi = open(f'{tree}/include/uapi/linux/checkpoint.h').read()
    size = re.search(r'#define CKPT_ARGS_SIZE_VER0\s+(\d+)', uapi).group(1)
    bits = [int(b) for b in re.findall(r'#define CKPT_LOG_[A-Z]+\s+\(1ULL << (\d+)\)', uapi)
            if int(b) < 63]
    page = int(re.search(r'#define CKPT_LOG_PAGE\s+\(1ULL << (\d+)\)', uapi).group(1))
    every = sum(1 << b for b in bits) & ~(1 << page)
    for m in re.finditer(r'release=(\S+)', doc):
        if not m.group(1).rstrip('+').startswith(make):
            problems.append(f'release={m.group(1)}: the tree is {make}')
    for m in re.finditer(r'argsize=(\d+)', doc):
        if m.group(1) != size:
            problems.append(f'argsize={m.group(1)}: CKPT_ARGS_SIZE_VER0 is {size}')
    for m in re.finditer(r'logmask=(0x[0-9a-f]+)', doc):
        if int(m.group(1), 16) not in (every, every | (1 << page)):
            problems.append(f'logmask={m.group(1)}: CKPT_LOG_ALL is {every:#x}')

    # The counts
    sites = git(tree, 'grep', '-c', '-E', r'^\s+ckpt_dbg\(', '--',
                *[f'{d}/*.c' for d in CODE])
    nsites = sum(int(x.rsplit(':', 1)[1]) for x in sites.splitlines())
    for m in re.finditer(r'with the (\d+) debug call sites', doc):
        if int(m.group(1)) != nsites:
            problems.append(f'"{m.group(0)}": the tree has {nsites}')

    for p in problems:
        print(f'{DOC}: {p}')
    return 1 if problems else 0


def main():
    if len(sys.argv) == 5 and sys.argv[1] == 'apply':
        apply(*sys.argv[2:])
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == 'check':
        return check(sys.argv[2])
    sys.exit(__doc__)


if __name__ == '__main__':
    sys.exit(main())
