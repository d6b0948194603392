#!/bin/sh
# resize.sh: size changes through the real binary: insert mode, append
# past the last byte (also into an empty file), delete, undo, resize to
# a typed size, copy to the cursor, discard, the modes that refuse, and
# --create.  Checks the file's bytes and size (cmp, stat) after each.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

# is GOT WANT WHAT
is() {
	if [ "$1" = "$2" ]; then
		t_ok 0 "$3"
	else
		t_ok 1 "$3 (got $1, want $2)"
	fi
}

# hex FILE: the whole file as hex, no spaces.
hex() {
	od -An -v -tx1 "$1" | tr -d ' \n'
}

# hex_is FILE WANT: the file's hex is WANT now.
hex_is() {
	[ "$(hex "$1")" = "$2" ]
}

# becomes FILE WANT WHAT: the file's hex becomes WANT within T_TIMEOUT s.
becomes() {
	t_poll hex_is "$1" "$2"
	is "$(hex "$1")" "$2" "$3"
}

size() {
	stat -c %s "$1"
}

status_is() {
	is "$(t_wait_exit)" "$1" "$2"
}

orig="$T_DIR/orig.bin"
printf '0123456789' >"$orig"
f="$T_DIR/f.bin"
cp "$orig" "$f"

# Insert mode: typed bytes go in before the cursor's.
t_start "$f"
t_keys M-a
t_expect 'insert mode' "Esc-A says insert mode is on"
t_keys C-l
t_expect ' INS' "Esc-A turns insert mode on: INS on the status line"
t_keys a b
becomes "$f" "ab30313233343536373839" "two hex digits insert one byte at the cursor"
is "$(size "$f")" 11 "the file grew by one byte"
t_keys c d
becomes "$f" "abcd30313233343536373839" "the next byte goes in after it"
t_keys C-d
becomes "$f" "abcd313233343536373839" "Ctrl-D deletes the byte at the cursor"
is "$(size "$f")" 11 "the file shrank by one byte"
t_keys BSpace
becomes "$f" "abcd30313233343536373839" "Backspace undoes the delete"
t_keys BSpace
becomes "$f" "ab30313233343536373839" "and then the second insert"
t_keys M-a
t_keys C-l
t_expect ' DIRECT ' "the status line is back"
t_expect_not ' INS' "Esc-A turns insert mode off"

# Append: past the last byte, typing extends the file.
t_keys M-\>
t_keys Right
t_expect '0x0000000b (11)' "Right moves past the last byte"
t_keys Tab
t_type 'Z'
becomes "$f" "ab303132333435363738395a" "typing past the last byte appends"
is "$(size "$f")" 12 "the file is one byte longer"

# Delete the selection.
t_keys M-\<
t_keys C-Space
t_keys Right Right
t_keys C-d
becomes "$f" "32333435363738395a" "Ctrl-D deletes the selection"

# Resize to a typed size.
t_keys M-e
t_expect 'New size' "Esc-E asks for a size"
t_type '+1k'
t_keys Enter
t_expect 'now 1033 bytes' "+1k extends by 1024 bytes"
is "$(size "$f")" 1033 "the file has 1033 bytes"
t_keys M-e
t_type '0x20'
t_keys Enter
is "$(size "$f")" 32 "0x20 truncates to 32 bytes"
t_keys M-e
t_type 'lots'
t_keys Enter
t_expect 'bad size' "a bad size is one line, and changes nothing"
is "$(size "$f")" 32 "still 32 bytes"
t_keys BSpace
is "$(size "$f")" 1033 "undo takes the truncate back"
t_keys BSpace
becomes "$f" "32333435363738395a" "undo takes the extend back"

# Copy a block to the cursor, as memmove.
t_keys M-\<
t_keys C-Space
t_keys Right
t_keys M-c
t_expect 'block of 2 bytes' "Esc-C remembers the selection as a block"
t_keys Right Right
t_keys M-c
becomes "$f" "32333432333738395a" "Esc-C again copies it to the cursor"

# Discard puts the file back exactly.
t_keys C-c
status_is 0 "Ctrl-C quits"
cmp -s "$f" "$orig"
t_ok $? "after inserts, deletes and resizes, discard restores the file (cmp)"
is "$(size "$f")" 10 "and its size"

# An empty file: typing appends.
e="$T_DIR/empty.bin"
: >"$e"
t_start "$e"
t_keys 4 1
t_keys 4 2
becomes "$e" "4142" "typing into an empty file appends"
t_keys F2
t_keys C-x
status_is 0 "quit after the save"
is "$(hex "$e")" "4142" "the saved file holds the typed bytes"

# Preview and read-only mode refuse with a reason.
cp "$orig" "$f"
t_start -p "$f"
t_keys M-a
t_keys a b
t_expect 'preview mode cannot change the size' "preview refuses an insert"
t_keys C-c
status_is 0 "quit"
cmp -s "$f" "$orig"
t_ok $? "the previewed file is untouched"
t_start -r "$f"
t_keys C-d
t_expect 'read-only' "read-only refuses a delete"
t_keys C-c
status_is 0 "quit"
cmp -s "$f" "$orig"
t_ok $? "the read-only file is untouched"

# --create makes a sparse file and opens it; an existing path is refused.
c="$T_DIR/created.bin"
t_start --create 1M "$c"
t_expect ' DIRECT .*0x100000 (1048576)' "--create 1M opens a new 1 MiB file"
is "$(size "$c")" 1048576 "the new file has 1 MiB"
blocks=$(stat -c %b "$c")
[ "$blocks" -le 64 ]
t_ok $? "and is sparse ($blocks blocks)"
t_keys 7 f
t_keys C-x
t_keys s
status_is 0 "save and quit"
is "$(od -An -tx1 -N2 "$c" | tr -d ' ')" "7f00" "the typed byte is in the created file"
t_start --create 4k "$c"
is "$(t_wait_exit)" 2 "--create refuses a path that exists (exit 2)"
grep -q 'already exists' "$T_DIR/stderr"
t_ok $? "with a one-line reason"
is "$(size "$c")" 1048576 "and leaves the file alone"

t_done
