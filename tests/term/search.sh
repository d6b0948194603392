#!/bin/sh
# search.sh: searching in the real binary.  Hex patterns with ??
# wildcards from the hex pane (Ctrl-S, /), text and ignore-case text,
# Tab cycling the prompt's kind (regex too), repeating with an empty prompt,
# backward search, not found, malformed patterns, unsaved edits, a
# 64 GiB sparse file, and Ctrl-C / Esc cancelling a long search.
# shellcheck source-path=SCRIPTDIR source=lib.sh disable=SC1091
. "${TESTLIB:-$(dirname "$0")/lib.sh}"

# put FILE OFFSET TEXT: writes TEXT (printf %b escapes) at OFFSET.
put() {
	printf '%b' "$3" |
	    dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# cursor_is OFFSET WHAT: after a redraw (which clears any message) the
# status line shows the cursor at OFFSET (decimal).
cursor_is() {
	t_keys C-l
	# The offset has as many digits as the rows: 9 for 64 GiB.
	t_expect "$(printf '0x0*%x (%s)' "$1" "$1")" "$2"
}

# A 64 KiB file of '.' with patterns at known places.
f="$T_DIR/data.bin"
head -c 65536 /dev/zero | tr '\0' '.' >"$f"
put "$f" 4096 '\336\255\276\357'	# de ad be ef at 0x1000
put "$f" 8192 '\336\255\000\357'	# de ad 00 ef at 0x2000
put "$f" 12288 'Hello World'		# at 0x3000
put "$f" 16384 'hello world'		# at 0x4000
sum=$(sha256sum <"$f")

t_start -r "$f"
t_keys C-s
t_expect 'Search forward (hex):' "Ctrl-S in the hex pane asks for a hex pattern"
t_type 'de ad ?? ef'
t_keys Enter
t_expect 'found at 0x1000 (4096)' "de ad ?? ef is found at 0x1000"
cursor_is 4096 "the cursor is on the match"
t_keys /
t_expect 'Search forward (hex) \[de ad ?? ef\]:' "/ asks too, showing the last pattern"
t_keys Enter
t_expect 'found at 0x2000 (8192)' "an empty prompt repeats the search: the wildcard matches 00"
cursor_is 8192 "the cursor is on the second match"
t_keys C-s Enter
t_expect 'de ad ?? ef (hex, forward): found at 0x1000 (4096); wrapped past the end' \
    "a third repeat wraps around the end, showing pattern and direction"
cursor_is 4096 "the wrap went back to the first match"
t_keys M-/
t_expect 'found at 0x2000 (8192)' "Esc-/ repeats the search in any mode"
t_keys C-r
t_expect 'Search backward (hex) \[de ad ?? ef\]:' "Ctrl-R asks for a backward search"
t_keys Enter
t_expect 'found at 0x1000 (4096)' "an empty Ctrl-R repeats the last pattern backward"
t_keys '>' C-r
t_type 'dead'
t_keys Enter
t_expect 'found at 0x2000 (8192)' "backward from the end finds the last match first"

# Tab cycles the kind of pattern: hex -> text -> text, ignore case ->
# regex.
t_keys C-s
t_expect 'Search forward (hex)' "the hex pane starts with a hex pattern"
t_keys Tab
t_expect 'Search forward (text)[ :]' "Tab: text"
t_keys Tab
t_expect 'Search forward (text, ignore case)[ :]' "Tab again: text, ignore case"
t_keys Tab
t_expect 'Search forward (regex)[ :]' "Tab again: regex"
t_keys Tab
t_expect 'Search forward (hex)[ :]' "Tab again: back to hex"
t_keys Tab
t_type 'World'
t_keys Enter
t_expect 'found at 0x3006 (12294)' "a text search typed after Tab"

# From the text pane the pattern is text.
t_keys '<' Tab C-s
t_expect 'Search forward (text)[ :]' "Ctrl-S in the text pane asks for text"
t_type 'hello world'
t_keys Enter
t_expect 'found at 0x4000 (16384)' "text search is case-sensitive by default"
t_keys Escape '<'
t_keys C-s Tab
t_expect 'Search forward (text, ignore case)[ :]' "Tab in the text pane: ignore case"
t_type 'HELLO WORLD'
t_keys Enter
t_expect 'found at 0x3000 (12288)' "ignore case finds Hello World first"
t_keys C-s
t_expect 'Search forward (text, ignore case) \[HELLO WORLD\]:' \
    "the next prompt keeps ignore case, as an empty line repeats it"
t_keys Enter
t_expect 'found at 0x4000 (16384)' "and repeating finds hello world"
t_keys C-r Enter
t_expect 'found at 0x3000 (12288)' "an empty backward prompt repeats it backward"
t_keys Tab

# Nothing found, and malformed patterns: a message, the cursor stays.
t_keys C-s
t_type 'ff ff ff ff'
t_keys Enter
t_expect 'not found' "an absent pattern: not found"
cursor_is 12288 "and the cursor stays"
t_keys C-s
t_type 'de a'
t_keys Enter
t_expect 'bad pattern: odd number of hex digits' "an odd digit count gets a message"
t_keys C-s
t_type 'de xx'
t_keys Enter
t_expect "bad pattern: unexpected 'x' at column 4" "a stray character gets a message naming it"
t_keys C-s
t_type 'de ?'
t_keys Enter
t_expect "bad pattern: lone '?'" "a lone ? gets a message"
t_keys C-s
t_type 'd e a d'
t_keys Enter
t_expect 'bad pattern: space inside a byte at column 2' \
    "a space inside a byte gets a message naming its column"
t_keys C-s
t_expect 'Search forward (hex) \[ff ff ff ff\]:' \
    "no bad pattern was remembered as the last one"
t_keys Escape
cursor_is 12288 "no malformed pattern moved the cursor"
t_keys C-s
t_type 'de ad'
t_keys Escape
t_expect 'cancelled' "Esc cancels the prompt"
cursor_is 12288 "and does not search"
t_keys C-x
t_wait_exit >/dev/null
[ "$(sha256sum <"$f")" = "$sum" ]
t_ok $? "searching read-only changed nothing"

# An unsaved edit is searched, in direct and in preview mode.
for mode in -w -p; do
	t_start "$mode" "$f"
	t_keys Enter
	t_type 0x5000
	t_keys Enter
	t_keys c a f e b a b e '<'
	t_keys C-s
	t_type 'ca fe ba be'
	t_keys Enter
	t_expect 'found at 0x5000 (20480)' "search sees an unsaved edit ($mode)"
	t_keys C-c
	t_wait_exit >/dev/null
done
[ "$(sha256sum <"$f")" = "$sum" ]
t_ok $? "the file is as before (both edits discarded)"

# ---------------------------------------------------------------------
# A 64 GiB sparse file with a little data at several offsets.
big="$T_DIR/sparse.img"
truncate -s 64G "$big" || { echo "no sparse file: skip the rest"; t_done; exit; }
gib=1073741824
put "$big" $gib 'NEEDLE'
put "$big" $((40 * gib + 4096)) 'NEEDLE'
put "$big" $((64 * gib - 6)) 'NEEDLE'
dd if=/dev/urandom of="$big" bs=4096 count=4 seek=$((32 * gib / 4096)) \
    conv=notrunc status=none
t_start -r "$big"
t_expect ' READ-ONLY  ' "a 64 GiB sparse file opens"
t_keys Tab C-s
t_type NEEDLE
t_keys Enter
t_expect 'found at 0x40000000 (1073741824)' "text found at 1 GiB"
t_keys C-s Enter
t_expect 'found at 0xa00001000 (42949677056)' "repeated: found at 40 GiB"
t_keys C-s Enter
t_expect 'found at 0xffffffffa (68719476730)' "repeated: found at the very end"
t_keys C-r Enter
t_expect 'found at 0xa00001000 (42949677056)' "backward: found at 40 GiB"
t_keys M-/ M-/
t_expect 'found at 0xffffffffa (68719476730); wrapped past the start' \
    "Esc-/ goes on backward and wraps past the start"
t_keys Tab C-s
t_type 'de ad be ef 01'
t_keys Enter
t_expect 'not found' "an absent pattern over 64 GiB of holes ends quickly"
t_keys C-x
t_wait_exit >/dev/null

# Cancel a long search.  Preview mode with an unsaved edit cannot skip
# holes (the private pages may hold edits), so an absent pattern scans
# every page of the sparse file: long enough to cancel.
t_start -p "$big"
t_expect ' PREVIEW  ' "a 64 GiB sparse file opens in preview mode"
[ -s "$T_DIR/stderr" ] && sed 's/^/  stderr: /' "$T_DIR/stderr"
scan="$big"
for size in 16G 4G; do
	[ -s "$T_DIR/status" ] || break
	# The kernel would not map it privately: try a smaller one.
	echo "note: cancel test falls back to a $size sparse file"
	scan="$T_DIR/sparse-$size.img"
	truncate -s "$size" "$scan"
	t_start -p "$scan"
done
t_keys 4 1
t_expect '^0*  41 00 ' "an unsaved edit in preview"
t_keys C-s
t_type 'de ad be ef 01'
t_send Enter
t_expect 'searching\.\.\. [0-9]*% (Ctrl-C or Esc cancels)' \
    "a long search shows 'searching...' progress on the status line"
t_send x Down M-v
sleep 0.2
t_expect_not 'search cancelled' "other keys, Esc-V too, do not cancel a search"
t_keys C-c
t_expect 'search cancelled' "Ctrl-C during the search cancels it"
sleep 0.3
t_expect_not 'not bound' "the keys typed before the cancel are dropped whole"
[ ! -s "$T_DIR/status" ]
t_ok $? "Ctrl-C cancelled the search instead of quitting"
cursor_is 1 "the cursor stays where it was"
t_expect '^0*  41 00 ' "the unsaved edit is kept"
t_send C-s Enter
t_expect 'searching\.\.\.' "the repeated search runs again"
t_keys Escape
t_expect 'search cancelled' "Esc cancels a running search too"
cursor_is 1 "the cursor stays again"
t_keys C-c
t_ok "$([ "$(t_wait_exit)" = 0 ]; echo $?)" "Ctrl-C when no search runs quits"
cmp -s -n 4096 "$scan" /dev/zero
t_ok $? "the preview left the file untouched"

t_done
