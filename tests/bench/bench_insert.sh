#!/bin/sh
#
# bench_insert.sh: inserting at offset 0 of a 1 GiB file: 1 byte (the
# whole file moves through the mapping) against 4096 bytes, block
# aligned, with fallocate's INSERT_RANGE (nothing moves) and without.
#
# A benchmark, not a test.  It builds bench_insert.c with $CC against
# the sources (config.h from the build dir it runs in), writes a 1 GiB
# file of real data in a temp dir on $TMPDIR's file system (removed on
# exit), and prints one row a case for tests/bench/run: the time into
# the page cache (nothing flushed) and the bytes moved.

srcdir=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
: "${CC:=cc}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-insert.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# row NAME RESULT: one table row.
row() {
	echo "| $1 | $2 | - | - | - |"
}

inc=-I.
if [ ! -f config.h ]; then
	printf '#define _GNU_SOURCE 1\n#define HAVE_LINUX_FS_H 1\n' \
	    >"$tmp/config.h"
	inc="-I$tmp"
fi
sources="$srcdir/tests/bench/bench_insert.c $srcdir/src/guard.c
$srcdir/src/io.c $srcdir/src/quote.c $srcdir/src/mapping.c
$srcdir/src/doc.c $srcdir/src/dirty.c $srcdir/src/journal.c"
# shellcheck disable=SC2086
if ! $CC -O2 "$inc" -I"$srcdir/src" $sources -o "$tmp/bench_insert" \
    2>"$tmp/cc.log"; then
	sed 's/^/# /' "$tmp/cc.log" >&2
	row "insert at 0 of 1 GiB" "cannot build bench_insert.c"
	exit 1
fi
if ! dd if=/dev/urandom of="$tmp/1g" bs=1048576 count=1024 \
    2>/dev/null; then
	row "insert at 0 of 1 GiB" "cannot write a 1 GiB file"
	exit 1
fi
if ! out=$("$tmp/bench_insert" "$tmp/1g"); then
	row "insert at 0 of 1 GiB" "bench_insert failed"
	exit 1
fi
printf '%s\n' "$out" | while read -r name secs moved shifted; do
	case $name in
	insert-1) what="insert 1 B at 0 of 1 GiB (moves the file)" ;;
	insert-4096-fallocate) what="insert 4 KiB at 0 of 1 GiB, block aligned" ;;
	*) what="insert 4 KiB at 0 of 1 GiB, fallocate off" ;;
	esac
	if [ "$shifted" = 1 ]; then
		how="fallocate INSERT_RANGE"
	else
		how="chunked move"
	fi
	row "$what" "$secs s, $moved B moved ($how)"
done
