#!/bin/sh
#
# xxd.sh: `maphex --dump` with xxd's layout flags, and `maphex --revert`,
# against the real xxd.
#
# For many flag combinations (-c -g -e -b -u -p -i -d -o -n, as vim's own
# xxd tests use them), file lengths (0, 1, 15, 16, 17, odd sizes, a few
# KiB) and ranges (-s, -l), `maphex --dump FLAGS FILE` must print exactly
# what `xxd FLAGS FILE` prints (cmp).  --revert must write the same file
# as `xxd -r` for the same dump, both into a new file and over an
# existing one, must round-trip every layout it reads, and must leave
# zeros past the end as holes.  Exits 77 (skip) where xxd is missing.

: "${MAPHEX:?MAPHEX must name the maphex binary}"

if ! command -v xxd >/dev/null 2>&1; then
	echo "xxd.sh: xxd not found, skipping"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/maphex-xxd.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
failed=0
checked=0

fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# same ARGS...: `maphex --dump ARGS` and `xxd ARGS` print the same bytes.
same() {
	checked=$((checked + 1))
	if ! "$MAPHEX" --dump "$@" >"$tmp/ours" 2>"$tmp/err"; then
		fail "--dump $* exits non-zero: $(cat "$tmp/err")"
		return
	fi
	xxd "$@" >"$tmp/theirs" 2>/dev/null
	if ! cmp -s "$tmp/ours" "$tmp/theirs"; then
		fail "--dump $* differs from xxd $*"
		diff "$tmp/ours" "$tmp/theirs" | head -n 6
	fi
}

# refused ARGS...: xxd refuses ARGS and so does maphex, exit 2, one line.
refused() {
	checked=$((checked + 1))
	if xxd "$@" >/dev/null 2>&1; then
		fail "xxd accepts $*, the test is wrong"
	fi
	"$MAPHEX" --dump "$@" >"$tmp/ours" 2>"$tmp/err"
	st=$?
	if [ "$st" -ne 2 ] || [ -s "$tmp/ours" ] ||
	    [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
		fail "--dump $*: status $st, want 2 and one line of error"
	fi
}

cd "$tmp" || exit 99
# Files: every length that ends a line or a group early, random bytes.
head -c 8192 /dev/urandom >pool
for n in 0 1 2 3 4 5 7 8 9 12 13 15 16 17 31 32 33 48 63 64 65 100 255 \
    256 257 1000 4099; do
	head -c "$n" pool >"f$n"
done
printf 'abc\000\001\177\200\377 ~\n\t' >text
awk 'BEGIN { for (i = 0; i < 256; i++) printf "%c", i }' >all 2>/dev/null
cp "f1000" "9-name.bin"

layouts="
-c 8
-c 1
-c 3
-c 256
-c 0
-g 1
-g 3
-g 4
-g 8
-g 0
-g 16
-g 17
-c 12 -g 5
-e
-e -g 2
-e -g 8
-e -g 0
-e -c 5
-e -c 6
-e -c 6 -g 8
-e -c 12 -g 8
-e -c 3 -g 1
-b
-b -c 1
-b -c 16
-b -g 3
-b -c 256
-u
-u -e
-u -c 9 -g 3
-p
-p -c 0
-p -c 1
-p -c 7
-p -c 16
-p -c 1000
-u -p
-i
-i -c 1
-i -c 5
-i -c 0
-i -u
-i -n table
-i -n 9x-y.z
-d
-d -c 7
-d -o 1000
-d -o -5
-o 16
-o 0x7ffffff0
-o 0xfffffffffffffff0
-o -1
-o +32
-b -p
-p -b
-p -e
-e -i
-i -p
-b -i
-b -e -u
"

echo "$layouts" | while IFS= read -r flags; do
	[ -n "$flags" ] || continue
	for f in f0 f1 f15 f17 f257 all; do
		# shellcheck disable=SC2086
		same $flags "$f"
	done
	# shellcheck disable=SC2086
	same $flags -s 5 -l 40 f1000
	# shellcheck disable=SC2086
	same $flags -s -17 f1000
	# shellcheck disable=SC2086
	same $flags -s 2000 f1000
	echo "$failed $checked" >counts
done
read -r failed checked <counts

# Lengths and offsets at every residue, in the default layout and two
# others, and a -i name taken from the path.
for n in 0 1 15 16 17 33 4099; do
	for s in 0 1 15 17; do
		same -s "$s" -l "$n" f4099
		same -e -c 12 -s "$s" -l "$n" f4099
	done
done
same -b -c 5 f4099
same -i -c 7 f4099
same -p -c 5 -s 3 f4099
same -i 9-name.bin
same -i ./f17

refused -c 257 f17
refused -b -c 300 f17
refused -e -g 3 f17
refused -e -c 12 -g 6 f17

# --revert against xxd -r: new files, patched files, -s, -c, -p, junk.
revert_same() {
	checked=$((checked + 1))
	dump=$1
	shift
	cp "$base" ours
	cp "$base" theirs
	if ! "$MAPHEX" --revert "$dump" "$@" ours 2>err; then
		fail "--revert $dump $* exits non-zero: $(cat err)"
		return
	fi
	xxd -r "$@" "$dump" theirs
	if ! cmp -s ours theirs; then
		fail "--revert $dump $* differs from xxd -r"
		cmp ours theirs
	fi
}

xxd f1000 >d.hex
xxd -p f1000 >d.plain
xxd -c 32 f1000 >d.c32
xxd -s 100 -l 300 f4099 >d.part
printf '00000010: 4142 4344\n00000000: 3031 32  junk\nnot a line\n' \
    >d.junk
printf '00000020: 41\n00000040: 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051  ..\n' \
    >d.gap
printf '414243\n44 45\t46\n\n4748' >d.ps
for base in /dev/null f4099; do
	if [ "$base" = /dev/null ]; then
		: >empty
		base=empty
	fi
	revert_same d.hex
	revert_same d.plain -p
	revert_same d.c32 -c 32
	revert_same d.c32
	revert_same d.part
	revert_same d.part -s -100
	revert_same d.part -s 0x40
	revert_same d.junk
	revert_same d.gap
	revert_same d.ps -p
done

# Round trips: every layout that reads back gives back the bytes.
for f in f0 f1 f17 f4099 all; do
	for flags in "" "-c 32" "-g 4" "-u" "-p" "-p -c 0" "-u -p -c 7"; do
		checked=$((checked + 1))
		rm -f back
		rflags=
		case $flags in
		*-p*) rflags=-p ;;
		esac
		case $flags in
		*-c\ 32*) rflags="-c 32" ;;
		esac
		# shellcheck disable=SC2086
		"$MAPHEX" --dump $flags "$f" |
		    "$MAPHEX" --revert - $rflags back || fail "round trip $flags $f"
		[ -f back ] || : >back
		cmp -s back "$f" || fail "round trip $flags $f changes the bytes"
	done
done

# A dump of a sparse file restores sparse: the zeros become a hole.
checked=$((checked + 1))
rm -f sparse back
printf 'head' >sparse
dd if=/dev/zero of=sparse bs=1 count=0 seek=8388608 2>/dev/null
printf 'tail' >>sparse
"$MAPHEX" --dump sparse | "$MAPHEX" --revert - back
if ! cmp -s back sparse; then
	fail "sparse round trip changes the bytes"
elif [ "$(du -k back | cut -f1)" -gt 1024 ]; then
	fail "sparse round trip wrote the zeros: $(du -k back | cut -f1) KiB"
fi

# Bad input: one line, status 2 or 1, the file untouched.
checked=$((checked + 1))
cp f17 keep
printf '00000000: 4142\n' | "$MAPHEX" --revert - -s -1 keep 2>err
st=$?
if [ "$st" -ne 1 ] || [ "$(wc -l <err)" -ne 1 ] || ! cmp -s keep f17; then
	fail "--revert -s -1: status $st, $(cat err)"
fi
checked=$((checked + 1))
"$MAPHEX" --revert missing.hex out 2>err
st=$?
if [ "$st" -ne 2 ] || [ -e out ] || [ "$(wc -l <err)" -ne 1 ]; then
	fail "--revert of a missing dump: status $st, $(cat err)"
fi
checked=$((checked + 1))
mkdir adir
"$MAPHEX" --revert d.hex adir 2>err
st=$?
if [ "$st" -ne 1 ] || [ "$(wc -l <err)" -ne 1 ]; then
	fail "--revert into a directory: status $st, $(cat err)"
fi

echo "xxd.sh: $checked checks, $failed failed"
[ "$failed" -eq 0 ]
