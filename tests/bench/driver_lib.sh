#!/bin/sh
# driver_lib.sh: what the scripts that run a C benchmark driver
# (bench_journal.sh, bench_watch.sh) share, sourced by them.

# bench_driver NAME PREBUILT: sets bin to PREBUILT, the driver `make
# bench` built, when it is given; else builds tests/bench/NAME.c with
# $CC against the sources (config.h from the build dir it runs in, or
# a minimal one) into $tmp/NAME.  Needs srcdir and tmp.  When the build
# fails, prints the compiler's lines as comments and a table row that
# says so, and returns 1.
bench_driver() {
	bin=$2
	[ -n "$bin" ] && return 0
	inc=-I.
	if [ ! -f config.h ]; then
		printf '#define _GNU_SOURCE 1\n#define HAVE_LINUX_FS_H 1\n' \
		    >"$tmp/config.h"
		inc="-I$tmp"
	fi
	bin=$tmp/$1
	# $CC and the sources are word lists on purpose.
	# shellcheck disable=SC2046,SC2086
	if ! $CC -O2 "$inc" -I"$srcdir/src" \
	    "$srcdir/tests/bench/$1.c" $(ls "$srcdir"/src/*.c |
	    grep -v '/main\.c$\|/ui_curses\.c$') -o "$bin" \
	    $(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8) \
	    -lm -pthread 2>"$tmp/cc.log"
	then
		sed 's/^/# /' "$tmp/cc.log" >&2
		echo "| ${1#bench_} | cannot build $1.c | - | - | - |"
		return 1
	fi
}
