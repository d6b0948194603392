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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-watch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# shellcheck source=driver_lib.sh disable=SC1091
. "$srcdir/tests/bench/driver_lib.sh"
bench_driver bench_watch "${BENCH_WATCH:-}" || exit 1
# The driver makes its 64 MiB (sparse) file in $TMPDIR; keep it in ours.
TMPDIR=$tmp "$bin" ${BENCH_WATCH_REFRESHES:+"$BENCH_WATCH_REFRESHES"}
