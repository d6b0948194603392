#!/bin/sh
# history.sh: the undo history's cap (--history SIZE).  A fill bigger
# than the cap stays undoable while it is the newest step; the next
# step lets it go with a message; undo then stops at the newest step
# kept, and quitting without saving still restores the file, in direct
# and in preview mode.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

orig="$T_DIR/orig.bin"
i=0
while [ $i -lt 4096 ]; do
	printf '0123456789abcdef'
	i=$((i + 1))
done >"$orig"

# is_at FILE OFFSET N WANT WHAT: the N bytes at OFFSET become WANT
# (hex, no spaces) within T_TIMEOUT s.
is_at() {
	t_poll t_bytes_are "$1" "$2" "$3" "$4"
	a_got=$(t_bytes "$1" "$2" "$3")
	[ "$a_got" = "$4" ]
	t_ok $? "$5 (got $a_got, want $4)"
}

# fill_8k: selects 0x0000-0x1fff and fills it with aa.
fill_8k() {
	t_keys F9 Enter
	t_type 0x1fff
	t_keys Enter F12
	t_type aa
	t_keys Enter
	t_expect 'filled 8192 bytes' "$1: the 8 KiB fill is done"
}

for mode in -w -p; do
	f="$T_DIR/f$mode.bin"
	cp "$orig" "$f"
	t_start "$mode" --history 4k "$f"
	fill_8k "$mode"
	t_expect_not 'history is full' "$mode: the newest step is kept whole"
	t_keys BSpace
	t_expect 'undo: 0 unsaved' "$mode: the fill alone can be undone"
	t_expect_not 'history is full' "$mode: undo drops nothing"
	t_keys M-u
	t_expect 'redo: 8192 unsaved' "$mode: and redone"
	# Another step pushes the 8 KiB one out: it says so, once.
	t_keys Right
	t_type bb
	t_expect 'undo history is full: the oldest step can no longer be undone' \
	    "$mode: the next step lets the fill go, saying so"
	t_type c
	t_expect_not 'history is full' "$mode: the message goes with the next key"
	t_keys BSpace BSpace BSpace
	t_expect 'nothing to undo' "$mode: undo stops after the steps kept"
	t_expect '^00000000  aa aa' "$mode: the fill stays on screen"
	t_keys C-c
	t_wait_exit >/dev/null
	cmp -s "$f" "$orig"
	t_ok $? "$mode: quitting without saving restores every byte"
done

# A flush and then more steps than the cap: the saved bytes stay.
f="$T_DIR/saved.bin"
cp "$orig" "$f"
t_start -w --history 4k "$f"
fill_8k saved
t_keys F2
t_expect 'saved\|flushed' "saved: F2 flushes the fill"
t_keys Right
t_type bb
t_expect 'history is full' "saved: the fill's step is let go"
t_keys C-c
t_wait_exit >/dev/null
is_at "$f" 0 2 aaaa "saved: discard keeps what was flushed"
is_at "$f" 8192 2 3031 "saved: and rolls back what was not"

t_done
