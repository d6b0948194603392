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

bin=${BENCH_JOURNAL:-}
if [ -z "$bin" ]; then
	inc=-I.
	if [ ! -f config.h ]; then
		printf '#define _GNU_SOURCE 1\n#define HAVE_LINUX_FS_H 1\n' \
		    >"$tmp/config.h"
		inc="-I$tmp"
	fi
	bin=$tmp/bench_journal
	# $CC and the sources are word lists on purpose.
	# shellcheck disable=SC2046,SC2086
	if ! $CC -O2 "$inc" -I"$srcdir/src" \
	    "$srcdir/tests/bench/bench_journal.c" $(ls "$srcdir"/src/*.c |
	    grep -v '/main\.c$\|/ui_curses\.c$') -o "$bin" 2>"$tmp/cc.log"
	then
		sed 's/^/# /' "$tmp/cc.log" >&2
		echo "| journal | cannot build bench_journal.c | - | - | - |"
		exit 1
	fi
fi
# The driver makes its 64 MiB file in $TMPDIR; keep it in ours.
TMPDIR=$tmp "$bin" ${BENCH_JOURNAL_EDITS:+"$BENCH_JOURNAL_EDITS"}
