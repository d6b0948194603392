#!/bin/sh
#
# bench_watch.sh: what watching for other writers adds to a refresh.
#
# Runs $BENCH_WATCH, the driver `make bench` builds from
# bench_watch.c (without it, it is built here with $CC against the
# sources, config.h from the build dir it runs in).  The driver prints
# the rows for tests/bench/run: a refresh of an unchanged file, and one
# after another writer changed a byte on screen, each against what a
# refresh did without the watch, on a 100x30 and a 300x100 screen.  A
# benchmark, not a test: it judges nothing.  $BENCH_WATCH_REFRESHES
# changes the number of refreshes.

srcdir=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
: "${CC:=cc}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-journal.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

bin=${BENCH_WATCH:-}
if [ -z "$bin" ]; then
	inc=-I.
	if [ ! -f config.h ]; then
		printf '#define _GNU_SOURCE 1\n#define HAVE_LINUX_FS_H 1\n' \
		    >"$tmp/config.h"
		inc="-I$tmp"
	fi
	bin=$tmp/bench_watch
	# $CC and the sources are word lists on purpose.
	# shellcheck disable=SC2046,SC2086
	if ! $CC -O2 "$inc" -I"$srcdir/src" \
	    "$srcdir/tests/bench/bench_watch.c" $(ls "$srcdir"/src/*.c |
	    grep -v '/main\.c$\|/ui_curses\.c$') -o "$bin" 2>"$tmp/cc.log"
	then
		sed 's/^/# /' "$tmp/cc.log" >&2
		echo "| watch | cannot build bench_watch.c | - | - | - |"
		exit 1
	fi
fi
# The driver makes its 64 MiB (sparse) file in $TMPDIR; keep it in ours.
TMPDIR=$tmp "$bin" ${BENCH_WATCH_REFRESHES:+"$BENCH_WATCH_REFRESHES"}
