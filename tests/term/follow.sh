#!/bin/sh
# follow.sh: -f and F follow a growing (and a truncated) file to its end
# until a key stops them; bytes another process writes are highlighted
# for a few seconds, with a word on the status line, and maphex's own
# edits and scrolling are not.
# shellcheck source=lib.sh
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

f="$T_DIR/log.bin"
head -c 1000 /dev/zero | tr '\0' a >"$f"

# t_row N: prints row N of the screen.
t_row() {
	t_screen | sed -n "${1}p"
}

# t_row_esc N: prints row N with its attributes as escape sequences.
t_row_esc() {
	tmux -S "$T_SOCK" capture-pane -p -e | sed -n "${1}p"
}

# no_word WORD: the status line does not show WORD (now).
no_word() {
	! t_status_line | grep -q -- "$1"
}

# lacks N PATTERN WHAT: row N, with its attributes, does not match.
lacks() {
	if t_row_esc "$1" | grep -q -- "$2"; then t_ok 1 "$3"; else
	    t_ok 0 "$3"; fi
}

# restart: waits for maphex to end; the next t_start gets a tmux
# server of its own (see t_launch).
restart() {
	t_wait_exit >/dev/null
}

t_start -r -f "$f"
t_expect 'FOLLOW (any key stops)' "-f follows: the status line says so"
t_expect '0x000003e7 (999) / 0x3e8 (1000)' "-f starts on the last byte"
t_row 29 | grep -q '^000003e0  61 61 61 61 61 61 61 61  *|aaaaaaaa  *|$'
t_ok $? "the last row is the bottom row"

printf 'HELLOWORLD' >>"$f"
t_expect '0x000003f1 (1009) / 0x3f2 (1010)' "an append moves the cursor to the new last byte"
t_expect '^000003f0  4c 44  ' "the appended bytes are drawn"
t_expect_not 'file size changed' "following, growth says nothing"

head -c 2000 /dev/zero | tr '\0' b >>"$f"
t_expect '0x00000bc1 (3009) / 0xbc2 (3010)' "a big append: the cursor is on the last byte"
t_row 29 | grep -q '^00000bc0  62 62  '
t_ok $? "and the last screenful shows, the last row at the bottom"
t_row 1 | grep -q '^00000a00  '
t_ok $? "the top row scrolled with it"

truncate -s 500 "$f"
t_expect '0x000001f3 (499) / 0x1f4 (500)' "a truncated file: its new end is followed"
t_expect 'FOLLOW' "still following"

t_keys j
t_expect 'stopped following the end (F follows again)' "a key stops following"
t_expect_not 'FOLLOW' "the status line no longer says FOLLOW"
t_keys C-l
t_expect '0x000001f3 (499)' "the key that stopped it did not move the cursor (j)"
printf 'xyz' >>"$f"
t_expect 'file size changed from 500 to 503 bytes' "growth is noticed, not followed"
t_keys C-l
t_expect '0x000001f3 (499) / 0x1f7 (503)' "the cursor stayed"

t_keys F
t_expect '0x000001f6 (502) / 0x1f7 (503)  100%  FOLLOW' "F follows again, at the end at once"
t_keys C-c
t_expect 'stopped following' "Ctrl-C only stops following"
[ ! -s "$T_DIR/status" ]
t_ok $? "and does not quit"
t_keys q
t_ok "$(t_wait_exit)" "q quits once not following"
restart

# Another process writes a byte on screen: highlighted, then gone.
g="$T_DIR/watched.bin"
head -c 1024 /dev/zero | tr '\0' a >"$g"
t_start -r "$g"
t_expect 'READ-ONLY' "opened read-only"
printf '\377' | dd of="$g" bs=1 seek=37 conv=notrunc status=none
t_expect 'changed by another process: 1 byte at 0x25' \
    "the status line says another process changed a byte, and where"
t_row_esc 3 | grep -q '61 61 61 61 61 .*\[45mff.* 61 61  61'
t_ok $? "the changed byte has an attribute of its own (magenta)"
t_row_esc 3 | grep -q '|aaaaa.*\[45m\..*aaaaaaaaaa|'
t_ok $? "in the text column too"
lacks 2 '\[45m' "no other byte has it"
t_keys PageDown
t_keys PageUp
t_expect_not 'changed by another process: [0-9]* bytes' "scrolling flags nothing"
t_poll no_word 'changed by another'
t_ok $? "after a few seconds the status line says nothing of it"
lacks 3 '\[45m' "and the highlight is gone"
t_keys q
restart

# Without colour: reverse and underline.
h="$T_DIR/nocolour.bin"
head -c 1024 /dev/zero | tr '\0' a >"$h"
printf '#!/bin/sh\nNO_COLOR=1 exec "%s" "$@"\n' "$MAPHEX" >"$T_DIR/plain"
chmod +x "$T_DIR/plain"
real=$MAPHEX
MAPHEX="$T_DIR/plain"
t_start -r "$h"
MAPHEX=$real
printf '\377\377' | dd of="$h" bs=1 seek=16 conv=notrunc status=none
t_expect 'changed by another process: 2 bytes at 0x10' "NO_COLOR: noticed too"
t_row_esc 2 | grep -q '^00000010  .\[4;7mff'
t_ok $? "NO_COLOR: reverse and underline mark the bytes"
t_keys q
restart

# Direct mode: our own edits are not another process's.
d="$T_DIR/direct.bin"
head -c 1024 /dev/zero | tr '\0' a >"$d"
t_start -w "$d"
t_expect 'DIRECT' "opened in direct mode"
t_type 42
t_expect '1 unsaved' "an edit made"
t_keys F2
t_expect_not 'unsaved' "and saved"
t_keys BSpace
t_expect '^00000000  61 ' "an undo after the save puts the byte back"
t_expect_not 'changed by another' "own edits, a save and an undo are not flagged"
sleep 0.6
t_expect_not 'changed by another' "nor on the next tick"
printf 'Z' | dd of="$d" bs=1 seek=100 conv=notrunc status=none
t_expect 'changed by another process: 1 byte at 0x64' "direct mode: another writer is noticed"
t_keys C-c
restart

# The command line.
"$MAPHEX" -f -s 0 "$f" 2>"$T_DIR/err" </dev/null >/dev/null
[ $? = 2 ] && grep -q 'choose one of -s and -f' "$T_DIR/err"
t_ok $? "-f and -s: a usage error"
"$MAPHEX" --dump -f "$f" 2>"$T_DIR/err" >/dev/null
[ $? = 2 ] && grep -q -- '-f has no meaning with --dump' "$T_DIR/err"
t_ok $? "-f with --dump: a usage error"
t_done
