#!/bin/sh
#
# bench_edit.sh: bytes written to disk by saving a one-byte edit of a
# 1 GiB file, in direct mode (msync of the dirty page) and in preview
# mode (pwrite of the dirty range, then fsync).
#
# A benchmark, not a test.  It runs $BENCH_SAVE, the driver `make bench`
# builds from bench_save.c; without it, it builds bench_save.c with $CC
# against the sources (config.h from the build dir it runs in).  It makes a 1 GiB file in
# a temp dir (sparse, with 1 MiB of real data around the edited byte, so
# the save needs no block allocation), and prints one markdown table row
# a mode for tests/bench/run.  The number judged is the driver's
# /proc/self/io write_bytes over edit + save: Linux charges dirtied
# pages (not msync/fsync write-back) to the process, so the edit is in
# the window; the bytes passed to msync/pwrite and the sectors the whole
# device wrote meanwhile (fs journal and other writers included) are
# shown beside it.  See bench_save.c for the details.  The temp dir and
# the 1 GiB file are removed on exit.

srcdir=$(cd "$(dirname "$0")/../.." && pwd) || exit 1
: "${CC:=cc}"
target=4096

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-bench-edit.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# row MODE TEXT [VERDICT]: one table row.
row() {
	echo "| save 1 byte of 1 GiB ($1) | $2 | - | ${3:-failed} |" \
	    "<= one page ($target B) |"
}

inc=-I.
if [ ! -f config.h ]; then
	# Run by hand outside a build dir: a config.h that will do.
	printf '#define _GNU_SOURCE 1\n#define HAVE_LINUX_FS_H 1\n' \
	    >"$tmp/config.h"
	inc="-I$tmp"
fi
sources="$srcdir/tests/bench/bench_save.c $(ls "$srcdir"/src/*.c |
    grep -v '/main\.c$\|/ui_curses\.c$')"
save_bin=${BENCH_SAVE:-$tmp/bench_save}
# $CC and $sources are word lists on purpose (CC="ccache gcc").
# shellcheck disable=SC2086
if [ -z "${BENCH_SAVE:-}" ] && ! $CC -O2 "$inc" -I"$srcdir/src" -DBENCH_WRAP \
    -Wl,--wrap=msync,--wrap=pwrite,--wrap=pwrite64 $sources \
    -o "$tmp/bench_save" 2>"$tmp/cc.log" &&
    ! $CC -O2 "$inc" -I"$srcdir/src" $sources -o "$tmp/bench_save" \
    2>"$tmp/cc.log"; then
	sed 's/^/# /' "$tmp/cc.log" >&2
	row direct "cannot build bench_save.c"
	row preview "cannot build bench_save.c"
	exit 1
fi

mib=1048576
off=$((512 * mib + 12345))
status=0
for mode in direct preview; do
	file="$tmp/1g"
	rm -f "$file"
	if ! dd if=/dev/zero of="$file" bs=$mib count=0 seek=1024 \
	    2>/dev/null ||
	    ! dd if=/dev/urandom of="$file" bs=$mib seek=512 count=1 \
	    conv=notrunc 2>/dev/null; then
		row "$mode" "cannot write $file"
		status=1
		continue
	fi
	if ! out=$("$save_bin" "$file" "$mode" "$off"); then
		row "$mode" "bench_save failed"
		status=1
		continue
	fi
	# shellcheck disable=SC2086
	set -- $out
	wb=$1 sys=$2 dev=$3
	[ "$sys" -ge 0 ] && sys="$sys B" || sys="not counted"
	[ "$dev" -ge 0 ] && dev="$dev B" || dev="unknown"
	if [ "$wb" -lt 0 ]; then
		row "$mode" "no /proc/self/io (syscalls: $sys; device: $dev)"
		continue
	fi
	verdict=ok
	[ "$wb" -le "$target" ] || verdict=over
	row "$mode" "$wb B written (syscalls: $sys; device: $dev)" "$verdict"
	rm -f "$file"
done
exit "$status"
