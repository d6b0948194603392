#!/bin/sh
# inspector.sh: the data inspector pane through the real binary.  Opens
# a file, shows the pane (Esc-D) below the bytes on a 100-column
# terminal and beside them on a wider one, moves the cursor and the
# pane's rows, reads values off the screen, writes a u32 and an f64
# through the pane's prompt, undoes both, follows an integer row, and
# checks the file's bytes with cmp after each step.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

orig="$T_DIR/orig.bin"
i=0
while [ $i -lt 16 ]; do
	printf '0123456789abcdef'
	i=$((i + 1))
done >"$orig"
f="$T_DIR/f.bin"
cp "$orig" "$f"

# is_at FILE OFFSET N WANT WHAT: the bytes become WANT within
# T_TIMEOUT s.
is_at() {
	t_poll t_bytes_are "$1" "$2" "$3" "$4"
	t_ok $? "$5 (got $(t_bytes "$1" "$2" "$3"), want $4)"
}

same() {
	cmp -s "$1" "$2"
	t_ok $? "$3"
}

# row N: line N (1-based) of the screen.
row() {
	t_screen | sed -n "${1}p"
}

t_start "$f"
t_expect ' DIRECT  ' "the file opens in direct mode"
t_expect_not 'inspector' "no inspector before Esc-D"
t_keys M-d
t_expect 'inspector, little-endian at 0x0' "Esc-D shows the inspector"
# 100 columns cannot hold a row of bytes and the pane: it goes below.
row 16 | grep -q 'inspector, little-endian'
t_ok $? "on 100 columns the pane is below the bytes: $(row 16)"
t_expect '^ u8 *48 *$' "the u8 row reads the '0' at offset 0"
t_expect '^ u32 *858927408' "the u32 row reads '0123' little-endian"

t_keys Right Right Right Right
t_expect 'inspector, little-endian at 0x4' "the pane follows the cursor"
t_expect '^ u16 *13620' "u16 at 4 is '45' little-endian"

# Wide enough: the pane moves beside the bytes.
t_resize 140 30
t_expect '^00000000  30 31 32 .*|0123456789abcdef| *inspector' \
    "on 140 columns the pane is beside the bytes"
t_expect 'u24 *3552564' "u24 at 4 reads '456' little-endian"

# Tab to the pane; pick the u32 row; write 0x11223344 at 4.
t_keys Tab Tab
t_expect '\[inspector\]' "two Tabs reach the inspector pane"
t_keys Down Down Down Down Down Down Down
t_keys Enter
t_expect 'u32le at 0x4:' "Return on the u32 row asks for a u32le"
t_type 0x11223344
t_keys Enter
exp="$T_DIR/exp.bin"
cp "$orig" "$exp"
printf '\104\063\042\021' | dd of="$exp" bs=1 seek=4 conv=notrunc status=none
is_at "$f" 4 4 44332211 "the u32 lands in the file at once"
same "$f" "$exp" "cmp: only those four bytes changed"
t_expect 'u32le 0x11223344 written at 0x4' "the status line says what was written"
t_expect 'u32 *287454020' "the pane reads the new value back"

# An f64, big-endian, at 0x10.
t_keys e
t_expect 'inspector, big-endian' "e switches to big-endian"
t_keys C-g
t_type 0x10
t_keys Enter
t_keys Down Down Down Down Down Down
t_keys Enter
t_expect 'f64be at 0x10:' "Return on the f64 row asks for an f64be"
t_keys -l -- -2.5
t_keys Enter
printf '\300\004\000\000\000\000\000\000' |
    dd of="$exp" bs=1 seek=16 conv=notrunc status=none
is_at "$f" 16 8 c004000000000000 "the f64 lands in the file big-endian"
same "$f" "$exp" "cmp: the file holds both writes and nothing else"
t_expect 'f64 *-2.5' "the pane reads -2.5 back"

# A value out of range is refused and writes nothing.
t_keys Up Up Up Up Up Up Up Up Up Up Up Up
t_keys Enter
t_expect 'u8 at 0x10:' "the u8 row asks for a u8"
t_type 300
t_keys Enter
t_expect "u8: '300' is out of range" "300 is out of range for u8"
same "$f" "$exp" "the refused value wrote nothing"

# Undo both writes, one step each.
t_keys BSpace
is_at "$f" 16 8 3031323334353637 "Backspace undoes the f64"
t_keys BSpace
same "$f" "$orig" "a second Backspace undoes the u32: the file is as it was"

# Follow: put 0x40 at 0 as a u16 and follow it.
t_keys C-g
t_type 0
t_keys Enter
t_keys e
t_keys Down Down
t_keys Enter
t_expect 'u16le at 0x0:' "the u16 row, little-endian again"
t_type 64
t_keys Enter
is_at "$f" 0 2 4000 "u16 64 written at 0"
t_keys f
t_expect 'followed u16le to 0x40' "f follows the u16 to 0x40"
t_expect 'inspector, little-endian at 0x40' "the cursor is at 0x40"

t_keys M-d
t_expect_not 'inspector,' "Esc-D hides the pane"
t_keys C-c
t_wait_exit >/dev/null
same "$f" "$orig" "Ctrl-C discards: the file is as it was"
t_done
