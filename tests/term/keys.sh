#!/bin/sh
# keys.sh: hexedit's keys through the real binary (undo-all and its
# redo, Delete/Insert copy and paste, Ctrl-Space, Esc-Y, Esc-moves,
# Esc-L, Ctrl-O, --sector) and the daily-use keys, checking the screen
# and the file's bytes.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

orig="$T_DIR/orig.bin"
i=0
while [ $i -lt 512 ]; do
	printf '0123456789abcdef'
	i=$((i + 1))
done >"$orig"

# at FILE OFFSET N: the N bytes at OFFSET as hex, no spaces.
at() {
	od -An -v -tx1 -j "$2" -N "$3" "$1" | tr -d ' \n'
}

# is GOT WANT WHAT
is() {
	[ "$1" = "$2" ]
	t_ok $? "$3 (got $1, want $2)"
}

quit() {
	t_keys C-c
	t_wait_exit >/dev/null
}

# Esc-Backspace (Esc-Ctrl-H) puts back the unsaved bytes before the
# cursor, as hexedit's "undo the previous bytes".
f="$T_DIR/prev.bin"
cp "$orig" "$f"
t_start -w "$f"
t_type 'aabbcc'
is "$(at "$f" 0 3)" aabbcc "three bytes typed"
t_keys M-BSpace
t_expect 'put back the saved value of 3 bytes' \
    "Esc-Backspace puts back the run before the cursor"
is "$(at "$f" 0 3)" 303132 "the file has its bytes back"
t_keys C-l
t_expect ' 0x00000000 (0) ' "the cursor goes to the run's start"
t_keys BSpace
t_expect 'undo' "Backspace undoes it as one step"
is "$(at "$f" 0 3)" aabbcc "and the three bytes come back"
quit
cmp -s "$f" "$orig"
t_ok $? "quitting without saving restores the file"

# Undo-all is Ctrl-_ (Ctrl-/) as in hexedit, and Esc-U redoes it.
f="$T_DIR/undo.bin"
cp "$orig" "$f"
t_start -w "$f"
t_type 'aabb'
is "$(at "$f" 0 2)" aabb "typing writes the file in direct mode"
t_keys C-_
t_expect 'undo all' "Ctrl-_ says undo all"
is "$(at "$f" 0 2)" 3031 "Ctrl-_ undoes all"
t_keys M-u
is "$(at "$f" 0 2)" aabb "Esc-U after undo-all redoes it"
t_keys BSpace
is "$(at "$f" 0 2)" aa31 "Backspace still undoes one step"
quit

# Ctrl-Space always sets; Delete copies, Insert pastes; Esc-Y saves
# the copied bytes when nothing is marked.
f="$T_DIR/copy.bin"
cp "$orig" "$f"
t_start -w "$f"
t_keys C-Space Right C-Space
t_expect 'mark set at 0x1' "a second Ctrl-Space moves the mark"
t_keys Right DC
t_expect 'copied 2 bytes' "Delete copies the selection"
t_keys Down IC
t_expect 'pasted 2 bytes' "Insert pastes"
is "$(at "$f" 18 2)" 3132 "the pasted bytes are in the file"
t_keys M-y
t_expect 'Save copied bytes to file' "Esc-Y offers the copied bytes"
t_type 'clip.bin'
t_keys Enter
t_expect 'wrote 2 copied bytes' "Esc-Y wrote them"
is "$(at "$T_DIR/clip.bin" 0 2)" 3132 "the saved copy holds the bytes"
t_keys C-w
quit

# Esc-F/B/N/P and Esc-arrows move 4 bytes or 4 rows; Esc-L pages from
# the cursor.
t_start -r "$orig"
t_keys M-f
t_expect '0x00000004 (4)' "Esc-F moves 4 bytes"
t_keys M-n
t_expect '0x00000044 (68)' "Esc-N moves 4 rows"
t_keys M-Right
t_expect '0x00000048 (72)' "Esc-Right moves 4 bytes"
t_keys M-Up
t_expect '0x00000008 (8)' "Esc-Up moves 4 rows up"
t_keys M-n M-l
t_screen | head -n 1 | grep -q '^00000040 '
t_ok $? "Esc-L puts the cursor's row at the top"
quit

# --sector: Return asks for a sector.
t_start -r --sector "$orig"
t_keys Enter
t_expect 'Go to sector' "--sector asks for a sector"
t_type '3'
t_keys Enter
t_expect '0x00000600 (1536)' "sector 3 is offset 1536"
t_keys M-f
t_expect '0x00000608 (1544)' "with --sector Esc-F moves 8 bytes"
quit

# Ctrl-O asks about unsaved changes, then opens another file.
f="$T_DIR/open.bin"
cp "$orig" "$f"
printf 'other file' >"$T_DIR/other.bin"
t_start -w "$f"
t_type 'ff'
t_keys C-o
t_expect 'Unsaved changes: (s)ave' "Ctrl-O asks about unsaved changes"
t_keys s
t_expect 'Open file' "after saving it asks for the file"
is "$(at "$f" 0 1)" ff "the edit was saved"
t_type 'oth'
t_keys Tab
t_expect 'Open file: other.bin' "Tab completes the file name"
t_keys Enter
t_expect 'opened other.bin (10 bytes)' "Ctrl-O opened the other file"
t_expect '|other file ' "and shows it"
quit
# Without -c the rows fit a narrow terminal; -c N stays fixed.
t_start -r "$orig"
t_resize 60 30
t_expect_not 'too small' "a 60-column terminal is not too small by default"
row=$(t_screen | head -n 1)
bytes=$(printf '%s\n' "$row" | sed 's/^[0-9a-f]*  //; s/  |.*//' |
    tr -s ' ' '\n' | grep -c '^[0-9a-f][0-9a-f]$')
[ "$bytes" -gt 8 ] && [ "$bytes" -lt 16 ] &&
    printf '%s\n' "$row" | grep -q '|0123456789a.*|$'
t_ok $? "the row holds as many bytes as fit ($bytes), text column too"
t_keys Down
t_expect "0x0000000$(printf '%x' "$bytes") ($bytes)" "Down moves one such row"
t_resize 100 30
row=$(t_screen | head -n 1)
printf '%s\n' "$row" | grep -q '|0123456789abcdef|'
t_ok $? "a wide terminal shows 16 again"
quit
t_start -r -c 16 "$orig"
t_resize 60 30
t_expect 'too small' "-c 16 stays fixed and says the terminal is too small"
quit

# The go-to prompt shows its forms, edits in place, keeps a history
# and takes arithmetic.
t_start -r "$orig"
t_keys Enter
t_expect 'Go to offset (0x1f, 31, +16, end-16, 50%):' "the go-to prompt shows the forms it takes"
t_type 'x10+1'
t_keys Home
t_type '0'
t_keys End BSpace
t_type '2'
t_keys Enter
t_expect '0x00000012 (18)' "Home, End and Backspace edit the line: 0x10+2"
t_keys Enter
t_type '1k'
t_keys Enter Enter Up Up
t_expect 'Go to offset.*: 0x10+2' "Up brings back an older line"
t_keys Left DC
t_type '3'
t_keys Enter
t_expect '0x00000013 (19)' "Left and Delete edit it: 0x10+3"
quit

# A narrow status line keeps the mode, the cursor and the unsaved mark
# and cuts the middle of a long path, keeping the file name.
d="$T_DIR/a-rather-long-directory-name/and-another-one"
mkdir -p "$d"
cp "$orig" "$d/narrow.bin"
t_start -w "$d/narrow.bin"
t_type 'ab'
t_resize 50 30
t_keys C-l
t_expect '^ DIRECT  /tmp.*\.\.\..*/narrow.bin 0x00000001 \*\*' \
    "a 50-column status line keeps mode, name, cursor and the unsaved mark"
t_resize 100 30
t_keys C-c
t_wait_exit >/dev/null

# Bookmarks and the way back.
t_start -r "$orig"
t_keys M-f M-m a
t_expect 'bookmark a set at 0x4' "Esc-M a sets bookmark a"
t_keys Enter
t_type '0x100'
t_keys Enter M-m b M-j
t_expect 'Jump to bookmark (a b)' "Esc-J lists the bookmarks"
t_keys a
t_expect 'bookmark a: 0x4' "Esc-J a jumps to a"
t_keys M-,
t_expect '0x00000100 (256)' "Esc-, goes back"
t_keys M-,
t_expect '0x00000004 (4)' "and back again, to before the go-to"
quit
cmp -s "$orig" "$T_DIR/orig.bin"
t_ok $? "orig untouched"

t_done
