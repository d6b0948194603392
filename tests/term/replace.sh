#!/bin/sh
# replace.sh: Esc-% and regex search in the real binary.  Replace one
# by one (y, n) and all (a) in direct mode, undo of a replace-all as
# one step, a regex with a text replacement in a preview (the file
# untouched until F2), a replacement of another length refused,
# read-only refusing, and Tab reaching the regex mode of the search
# prompt.  The file's bytes are compared with cmp after each step.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

# put FILE OFFSET TEXT: writes TEXT (printf %b escapes) at OFFSET.
put() {
	printf '%b' "$3" |
	    dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# same FILE WANT WHAT: the file's bytes are WANT's.
same() {
	cmp -s "$1" "$2"
	t_ok $? "$3"
}

f="$T_DIR/data.bin"
head -c 65536 /dev/zero | tr '\0' '.' >"$f"
for off in 4096 8192 12288 32768; do put "$f" $off 'abcd'; done
cp "$f" "$T_DIR/orig.bin"

t_start -w "$f"
t_keys M-%
t_expect 'Replace (hex):' "Esc-% asks for a hex pattern in the hex pane"
t_type '61 62 63 64'
t_keys Enter
t_expect 'Replace with (hex):' "then for the replacement"
t_keys Tab
t_expect 'Replace with (text):' "Tab turns the replacement to text"
t_keys Tab
t_expect 'Replace with (hex):' "and back to hex"
t_type '57 58 59 5a'
t_keys Enter
t_expect 'Replace? (y)es (n)o (a)ll (q)uit' "then asks about the first match"
t_keys y
t_expect 'Replace?' "y replaces it and asks about the next"
cp "$T_DIR/orig.bin" "$T_DIR/want.bin"
put "$T_DIR/want.bin" 4096 'WXYZ'
same "$f" "$T_DIR/want.bin" "y wrote the first match, nothing else"
t_keys n
t_expect 'Replace?' "n skips the second"
t_keys a
t_expect 'replaced 2 in one undo step (3 in all)' "a replaces the rest"
put "$T_DIR/want.bin" 12288 'WXYZ'
put "$T_DIR/want.bin" 32768 'WXYZ'
same "$f" "$T_DIR/want.bin" "the file holds the three replacements, the skipped one kept"
t_keys BSpace
cp "$T_DIR/orig.bin" "$T_DIR/want.bin"
put "$T_DIR/want.bin" 4096 'WXYZ'
t_expect 'undo' "one undo"
same "$f" "$T_DIR/want.bin" "one undo takes back the whole replace-all"
t_keys BSpace
same "$f" "$T_DIR/orig.bin" "a second undo takes back the y"

# Another length is refused with nothing written.
t_keys M-%
t_type '61 62'
t_keys Enter
t_type '78'
t_keys Enter
t_expect 'needs the same length' "a shorter replacement is refused"
same "$f" "$T_DIR/orig.bin" "and nothing was written"
t_keys C-x
t_wait_exit >/dev/null

# A regex and a text replacement in a preview.
g="$T_DIR/ids.bin"
printf 'id=1234;id=98;\000\001id=5678;\377id=4321.' >"$g"
cp "$g" "$T_DIR/ids.orig"
t_start -p "$g"
t_keys M-%
t_keys Tab Tab Tab
t_expect 'Replace (regex):' "Tab cycles the pattern to a regex"
t_type 'id=[0-9]{4}'
t_keys Enter
t_expect 'Replace with (text):' "a regex's replacement starts as text"
t_type 'id=####'
t_keys Enter
t_expect 'Replace?' "it asks about the first match"
t_keys a
t_expect 'replaced 3 in one undo step' "a replaces every match"
same "$g" "$T_DIR/ids.orig" "the preview leaves the file untouched"
t_keys F2
t_expect 'saved\|flushed\|wrote' "F2 saves"
printf 'id=####;id=98;\000\001id=####;\377id=####.' >"$T_DIR/ids.want"
same "$g" "$T_DIR/ids.want" "after F2 the file holds the replacements"
t_keys M-'<'
t_keys M-%
t_keys Tab Tab Tab
t_type '[0-9#]+'
t_keys Enter
t_type 'abcd'
t_keys Enter
t_expect 'Replace?' "it asks about the first match"
t_keys a
t_expect 'needs the same length' "a match of another length stops replace-all"
same "$g" "$T_DIR/ids.want" "and nothing was written"

# Tab in the search prompt reaches the regex mode.
t_keys M-'<'
t_keys C-s
t_keys Tab Tab Tab
t_expect 'Search forward (regex)' "the search prompt cycles to regex"
t_type '\x00\x01id'
t_keys Enter
t_expect 'found at 0xe (14)' "a regex with NUL bytes is found"
t_keys C-x
t_wait_exit >/dev/null

# Read-only refuses.
t_start -r "$g"
t_keys M-%
t_expect 'read-only mode' "read-only refuses Esc-%"
t_expect_not 'Replace (' "and asks nothing"
same "$g" "$T_DIR/ids.want" "the file is untouched"
t_keys q
t_wait_exit >/dev/null

t_done
