#!/bin/sh
# cli.sh: the non-interactive command line.  --help, --version, --keys
# (every key name it prints is in the man page), usage errors (exit 2
# and one line on stderr), refusing to run without a terminal, --dump
# of an empty file, and the --find exit statuses.  Needs no terminal;
# skips (77) when $MAPHEX is not built.
set -u

if [ -z "${MAPHEX:-}" ] || [ ! -x "$MAPHEX" ]; then
	echo "cli.sh: MAPHEX is not set to a built maphex; skipping"
	exit 77
fi
LC_ALL=C
export LC_ALL

# The man page source, next to this script or to the terminal tests.
man="$(dirname "$0")/../doc/maphex.1"
if [ ! -f "$man" ] && [ -n "${TESTLIB:-}" ]; then
	man="$(dirname "$TESTLIB")/../../doc/maphex.1"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
checks=0
fails=0

ok() {
	checks=$((checks + 1))
	if [ "$1" = 0 ]; then
		printf 'ok: %s\n' "$2"
	else
		printf 'FAIL: %s\n' "$2"
		fails=$((fails + 1))
	fi
}

# run ARGS...: runs maphex with stdin from /dev/null; stdout in
# $tmp/out, stderr in $tmp/err, exit status in $status.
run() {
	"$MAPHEX" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	status=$?
}

lines() {
	wc -l <"$1" | tr -d ' '
}

# usage_error WHAT ARGS...: exit 2, exactly one line on stderr that
# starts with "maphex:", nothing on stdout.
usage_error() {
	u_what=$1
	shift
	run "$@"
	[ "$status" = 2 ]
	ok $? "$u_what: exit 2 (got $status)"
	[ "$(lines "$tmp/err")" = 1 ] && grep -q '^maphex: ' "$tmp/err"
	ok $? "$u_what: one line on stderr: $(head -n 3 "$tmp/err" | tr '\n' '|')"
	[ ! -s "$tmp/out" ]
	ok $? "$u_what: nothing on stdout"
}

# --help and -h.
run --help
ok "$([ "$status" = 0 ]; echo $?)" "--help exits 0"
[ ! -s "$tmp/err" ]
ok $? "--help writes nothing on stderr"
cp "$tmp/out" "$tmp/help"
for opt in -r --readonly -p --preview -w --write -c --columns -m \
    --maximize -s --seek -l --length --dump --find --hex -i --revert \
    -g -e -u -b -d -o -n \
    --ignore-case --keys -h --help -V --version; do
	grep -q -- "$opt\\([^a-z-]\\|\$\\)" "$tmp/help"
	ok $? "--help mentions $opt"
done
# And every long option the man page documents.
if [ -f "$man" ]; then
	sed -n 's/\\-/-/g; /^\.SH OPTIONS/,/^\.SH /p' "$man" |
	    grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/manopts"
	while IFS= read -r opt; do
		grep -q -- "$opt\\([^a-z-]\\|\$\\)" "$tmp/help"
		ok $? "--help mentions $opt (from the man page)"
	done <"$tmp/manopts"
fi
run -h
cmp -s "$tmp/out" "$tmp/help" && [ "$status" = 0 ]
ok $? "-h is --help"

# --version and -V.
run --version
[ "$status" = 0 ] && [ "$(lines "$tmp/out")" = 1 ] &&
    grep -q '^maphex [0-9][0-9]*\.[0-9][0-9]*' "$tmp/out"
ok $? "--version: exit 0, one line 'maphex X.Y': $(cat "$tmp/out")"
version=$(cat "$tmp/out")
if [ -f "$man" ]; then
	grep -q "^\\.TH .*\"$version\"" "$man"
	ok $? "the man page's header names the same version ($version)"
fi
run -V
[ "$status" = 0 ] && [ "$(cat "$tmp/out")" = "$version" ]
ok $? "-V is --version"

# --keys: every key name it prints is in the man page's KEYS section.
run --keys
[ "$status" = 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]
ok $? "--keys exits 0 and lists the keys"
cp "$tmp/out" "$tmp/keys"
if [ ! -f "$man" ]; then
	echo "skip: no man page at $man"
else
	# The man page's key names: the .B lines of KEYS, split at commas
	# and bullets, groff escapes removed, one a line.
	sed -n '/^\.SH KEYS/,/^\.SH /p' "$man" | sed -n 's/^\.B //p' |
	    sed 's/\\(bu/\n/g; s/, /\n/g; s/\\-/-/g; s/\\//g' |
	    sed 's/^ *//; s/ *$//' | grep -v '^$' | sort -u >"$tmp/mankeys"
	# --keys lines: "command  KEYS (read-only also: KEYS): help".
	while IFS= read -r line; do
		cmd=${line%% *}
		rest=${line#"$cmd"}
		rest=" $(printf '%s\n' "$rest" | sed 's/^ *//')"
		case $rest in
		*" (read-only also: "*)
			keys="${rest%%" (read-only also: "*}, $(printf '%s\n' \
			    "$rest" | sed 's/.*(read-only also: \([^)]*\)): .*/\1/')"
			;;
		*)
			keys=${rest%%": "*}
			;;
		esac
		printf '%s\n' "$keys" | sed 's/, /\n/g' |
		    sed 's/^ *//; s/ *$//' | grep -v '^$' |
		    while IFS= read -r key; do
			printf '%s\t%s\n' "$cmd" "$key"
		    done
	done <"$tmp/keys" >"$tmp/pairs"
	[ -s "$tmp/pairs" ]
	ok $? "--keys output parses into command / key pairs"
	while IFS="$(printf '\t')" read -r cmd key; do
		grep -qxF -- "$key" "$tmp/mankeys"
		ok $? "man page lists key '$key' ($cmd)"
	done <"$tmp/pairs"
fi

# Usage errors.
f="$tmp/file.bin"
printf 'hello, world\n' >"$f"
usage_error "an unknown long option" --bogus "$f"
usage_error "an unknown short option" -z "$f"
usage_error "-r and -w together" -r -w "$f"
usage_error "-r and -p together" -r -p "$f"
usage_error "-c 0" -c 0 "$f"
usage_error "-c -5" -c -5 "$f"
grep -q "^maphex: -c wants 1 to 4096 bytes a row, not '-5'$" "$tmp/err"
ok $? "-c -5 names the range, as -c 0 does"
usage_error "-c not a number" -c many "$f"
usage_error "-c without a value" "$f" -c
usage_error "no FILE" -r
usage_error "no arguments at all"
usage_error "two FILEs" "$f" "$f"
usage_error "--find without a pattern" --find

# conflict WANT ARGS...: a usage error whose line says WANT (both
# options named).
conflict() {
	c_want=$1
	shift
	usage_error "$*" "$@"
	grep -q -- "$c_want" "$tmp/err"
	ok $? "$*: says '$c_want': $(cat "$tmp/err")"
}
conflict 'choose one of --find and --dump' --find x --dump "$f"
conflict 'choose one of --dump and --find' --dump --find x "$f"
conflict 'choose one of --dump and --keys' --dump --keys
for o in -r -p -w -m; do
	conflict "$o has no meaning with --find" --find x "$o" "$f"
done
for o in -r -w -m; do
	conflict "$o has no meaning with --dump" --dump "$o" "$f"
done
conflict '-c has no meaning with --find' --find x -c 8 "$f"
conflict '-c wants at most 256' --dump -c 300 "$f"
conflict '-g wants a power of 2 with -e' --dump -e -g 3 "$f"
conflict '-g has no meaning with --find' --find x -g 4 "$f"
conflict '-e has no meaning with --revert' --revert "$f" -e "$f"
conflict '-g goes with --dump' -g 2 "$f"
conflict '-o goes with --find' -o 16 "$f"
conflict 'choose one of --dump and --revert' --dump --revert "$f" "$f"
conflict '-s has no meaning with --find' --find x -s 4 "$f"
conflict '-l has no meaning with --find' --find x -l 4 "$f"
conflict '--hex has no meaning with --dump' --dump --hex "$f"
conflict '-l goes with --dump' -l 4 "$f"
conflict '-l goes with --dump' --length 4 -r "$f"
conflict '--hex goes with --find' --hex "$f"
conflict '-i goes with --find' -i "$f"
conflict '--history has no meaning with --dump' --dump --history 1M "$f"
for size in 0 12Q M -1 1MB2 99999999999999999999k; do
	conflict "--history wants a size such as 64M or 1G, not '$size'" \
	    --history "$size" "$f"
done
# A good size passes the parser: the run stops only at the terminal.
for size in 1 64k 64K 1M 1MiB 2g 512MB; do
	run --history "$size" "$f"
	[ "$status" = 2 ] && grep -q 'not a terminal' "$tmp/err"
	ok $? "--history $size is a size: $(cat "$tmp/err")"
done
# --help, then --version, wins over whatever else is given.
for args in "--help --version" "--version --help" "--dump --help $f" \
    "-r --help" "--find x -h $f"; do
	run $args
	cmp -s "$tmp/out" "$tmp/help" && [ "$status" = 0 ]
	ok $? "--help wins: maphex $args"
done
for args in "-s 1 --version" "--dump --version $f" "--keys -V"; do
	run $args
	[ "$status" = 0 ] && [ "$(cat "$tmp/out")" = "$version" ]
	ok $? "--version wins: maphex $args"
done
conflict '--keys takes no FILE' --keys "$f"
run --dump -s 2 -l 3 "$f"
[ "$status" = 0 ] && [ "$(lines "$tmp/out")" = 1 ] && [ ! -s "$tmp/err" ]
ok $? "--dump takes -s and -l"
run --find L -i "$f"
[ "$status" = 0 ] && [ "$(cat "$tmp/out" | tr '\n' ' ')" = "2 3 10 " ]
ok $? "--find takes -i"

# Open errors: one line naming the path, the reason and what to do.
# Control bytes in the path are escaped, never sent raw.
mkdir "$tmp/adir"
usage_error "a missing file" --dump "$tmp/missing"
grep -q "$tmp/missing: cannot open: No such file.*(check the path)" \
    "$tmp/err"
ok $? "a missing file says to check the path: $(cat "$tmp/err")"
usage_error "a directory" --dump "$tmp/adir"
grep -q "$tmp/adir: is a directory (" "$tmp/err"
ok $? "a directory says what to do: $(cat "$tmp/err")"
usage_error "an empty path" --dump ''
grep -q "^maphex: '': empty path (" "$tmp/err"
ok $? "an empty path shows as '': $(cat "$tmp/err")"
esc=$(printf '\033')
usage_error "a path with a newline and an escape" --dump "$tmp/q
y$esc"
grep -q "$tmp/q\\\\ny\\\\x1b: cannot open" "$tmp/err" &&
    ! grep -q "$esc" "$tmp/err"
ok $? "the path's control bytes are escaped: $(cat "$tmp/err")"
usage_error "a pattern with an escape" --find "a${esc}b" --hex "$f"
! grep -q "$esc" "$tmp/err" && grep -q 'a\\x1bb' "$tmp/err"
ok $? "a bad pattern is escaped too: $(cat "$tmp/err")"
if [ -w /dev/full ]; then
	"$MAPHEX" --find l "$f" >/dev/full 2>"$tmp/err"
	status=$?
	[ "$status" = 2 ] && [ "$(lines "$tmp/err")" = 1 ] &&
	    grep -q '^maphex: standard output: cannot write' "$tmp/err"
	ok $? "--find >/dev/full names standard output: $(cat "$tmp/err")"
	"$MAPHEX" --dump "$f" >/dev/full 2>"$tmp/err"
	status=$?
	[ "$status" = 1 ] && [ "$(lines "$tmp/err")" = 1 ] &&
	    grep -q "^maphex: standard output: cannot write the dump of $f" \
	    "$tmp/err"
	ok $? "--dump >/dev/full names standard output: $(cat "$tmp/err")"
fi

# Not a terminal: refused with a message naming the path.
"$MAPHEX" "$f" </dev/null >/dev/null 2>"$tmp/err"
status=$?
[ "$status" = 2 ]
ok $? "maphex FILE </dev/null >/dev/null exits 2 (got $status)"
[ "$(lines "$tmp/err")" = 1 ] && grep -q "$f" "$tmp/err" &&
    grep -qi 'terminal' "$tmp/err"
ok $? "with one line naming the path and saying why: $(cat "$tmp/err")"
"$MAPHEX" -r "$f" </dev/null >"$tmp/out" 2>/dev/null
[ ! -s "$tmp/out" ]
ok $? "and nothing on stdout (no terminal garbage)"

# --dump of an empty file prints nothing.
: >"$tmp/empty"
run --dump "$tmp/empty"
[ "$status" = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]
ok $? "--dump of an empty file prints nothing and exits 0"
run --dump "$f"
[ "$status" = 0 ] && grep -q '^00000000: 6865 6c6c 6f2c 2077 6f72 6c64 0a' \
    "$tmp/out"
ok $? "--dump of a small file prints the xxd line"

# --find exit statuses: 0 found, 1 not found, 2 error.
run --find world "$f"
[ "$status" = 0 ] && [ "$(cat "$tmp/out")" = 7 ]
ok $? "--find: found exits 0 and prints the offset (got $status)"
run --find absent "$f"
[ "$status" = 1 ] && [ ! -s "$tmp/out" ]
ok $? "--find: not found exits 1 and prints nothing (got $status)"
run --find world "$tmp/missing"
[ "$status" = 2 ] && [ "$(lines "$tmp/err")" = 1 ]
ok $? "--find: a missing file exits 2 with one line (got $status)"
run --find '6' --hex "$f"
[ "$status" = 2 ] && [ "$(lines "$tmp/err")" = 1 ]
ok $? "--find: a malformed hex pattern exits 2 with one line (got $status)"
run --find WORLD -i "$f"
[ "$status" = 0 ] && [ "$(cat "$tmp/out")" = 7 ]
ok $? "--find -i ignores case"
run --find '77 6f ?? 6c' --hex "$f"
[ "$status" = 0 ] && [ "$(cat "$tmp/out")" = 7 ]
ok $? "--find PATTERN --hex, as in the synopsis"

# The first screen of -s (in tmux, where there is one): the cursor's row
# at the top, but never rows left empty past the end of the file.  The
# terminal tests' library drives tmux: a server of its own for each run
# and waits bounded by the clock, not by sleeps.
if command -v tmux >/dev/null 2>&1; then
	# shellcheck source-path=SCRIPTDIR source=term/lib.sh disable=SC1091
	. "${TESTLIB:-$(dirname "$0")/term/lib.sh}"
	trap 't_cleanup; rm -rf "$tmp"' EXIT
	head -c 4096 /dev/zero >"$tmp/pages.bin"
	# top_is OFFSET: the screen, kept in $tmp/screen, is drawn (the
	# status line is up) with OFFSET on its first row.
	top_is() {
		t_screen >"$tmp/screen"
		sed -n 1p "$tmp/screen" | grep -q "^$1 " &&
		    grep -q READ-ONLY "$tmp/screen"
	}
	# first_row TOP ARGS...: sets got to the offset on the first screen
	# row of maphex -r ARGS pages.bin in a 100x30 terminal (29 rows of
	# data), once TOP is there (up to T_TIMEOUT s) and the screen is
	# still; the screen is left in $tmp/screen.  maphex quits before
	# its terminal goes, so none is left behind.  Not run in $(...):
	# t_start keeps its tmux socket in the shell's variables.
	first_row() {
		f_top=$1
		shift
		t_start -r "$@" "$tmp/pages.bin"
		t_poll top_is "$f_top"
		t_idle
		t_screen >"$tmp/screen"
		t_keys q
		t_wait_exit >/dev/null
		got=$(sed -n '1s/ .*//p' "$tmp/screen")
	}
	# 4096 bytes are 256 rows; the last 29 start at 0xe30.
	for s in end-16 -16 -1 end 0xff0 0xe30; do
		first_row 00000e30 -s "$s"
		[ "$got" = 00000e30 ] && grep -q '^00000ff0 ' "$tmp/screen"
		ok $? "-s $s shows the last screenful, full (top row $got)"
	done
	first_row 00000100 -s 0x100
	[ "$got" = 00000100 ] && grep -q '0x00000100 (256)' "$tmp/screen"
	ok $? "-s 0x100 puts the cursor's row at the top (top row $got)"
	first_row 00000e20 -s 0xe20
	[ "$got" = 00000e20 ]
	ok $? "-s 0xe20, one row above the last screenful (top row $got)"
	first_row 00000f18 -c 8 -s -8
	[ "$got" = 00000f18 ] && grep -q '^00000ff8 ' "$tmp/screen" &&
	    grep -q '0x00000ff8 (4088)' "$tmp/screen"
	ok $? "-c 8 -s -8: the last screenful of 8-byte rows (top row $got)"

	# An unknown TERM: one line, exit 2.  newterm() leaks the screen
	# it allocated when it fails; that leak is ncurses', so a
	# sanitizer build is told to ignore it.
	printf 'leak:new_prescr\n' >"$tmp/lsan.supp"
	lsan="suppressions=$tmp/lsan.supp:print_suppressions=0"
	real=$MAPHEX
	MAPHEX="LSAN_OPTIONS=$lsan TERM=nosuchterm $real"
	t_launch "$f"
	MAPHEX=$real
	status=$(t_wait_exit)
	cp "$T_DIR/stderr" "$tmp/err" 2>/dev/null
	[ "$status" = 2 ] && [ "$(lines "$tmp/err")" = 1 ] &&
	    grep -q "^maphex: .*'nosuchterm'.*set TERM" "$tmp/err"
	ok $? "TERM=nosuchterm: exit 2 with one line: $(cat "$tmp/err")"
else
	echo "skip: no tmux for the first screen of -s and TERM"
fi

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
