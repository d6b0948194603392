#!/bin/sh
#
# bench_journal.sh: the journal under many scattered edits.
#
# Runs $BENCH_JOURNAL, the driver `make bench` builds from
# bench_journal.c (without it, it is built here with $CC against the
# sources, config.h from the build dir it runs in).  The driver prints
# the rows for tests/bench/run: 100,000 one-byte edits at random offsets
# against the same edits in order, undo-all of them, undoing them one
# by one, and the heap the journal holds per changed byte.  A
# benchmark, not a test: it judges nothing.  $BENCH_JOURNAL_EDITS
# changes the number of edits.

srcdir=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
: "${CC:=cc}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-journal.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# shellcheck source=driver_lib.sh disable=SC1091
. "$srcdir/tests/bench/driver_lib.sh"
bench_driver bench_journal "${BENCH_JOURNAL:-}" || exit 1
# The driver makes its 64 MiB file in $TMPDIR; keep it in ours.
TMPDIR=$tmp "$bin" ${BENCH_JOURNAL_EDITS:+"$BENCH_JOURNAL_EDITS"}
