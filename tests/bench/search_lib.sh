# shellcheck shell=sh
# search_lib.sh: what bench_search.sh and bench_regex.sh share, sourced
# after they set $tmp (scratch), $size_mib (the big file's size) and
# $bench (their name, for messages).

# Prints the best wall time of three runs of a command, in
# microseconds; the command's output is left in $tmp/out.
best_us() {
	best=
	for _ in 1 2 3; do
		s=$(date +%s%N)
		"$@" >"$tmp/out" 2>&1 || true
		e=$(date +%s%N)
		t=$(( (e - s) / 1000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then
			best=$t
		fi
	done
	echo "$best"
}

# time_once NAME CMD...: runs CMD once and keeps the best wall time of
# NAME so far, in microseconds, in $t_NAME; the output is left in
# $tmp/out.  Calling it for every command in turn, round after round,
# gives each the same share of a busy machine's quiet moments.
time_once() {
	name=$1
	shift
	s=$(date +%s%N)
	"$@" >"$tmp/out" 2>&1 || true
	e=$(date +%s%N)
	t=$(( (e - s) / 1000 ))
	eval "old=\${t_$name:-}"
	if [ -z "$old" ] || [ "$t" -lt "$old" ]; then
		eval "t_$name=$t"
	fi
}

# Fails unless the last timed command found $1 matches (lines or count).
expect() {
	got=$(wc -l <"$tmp/out")
	if [ "$(head -n 1 "$tmp/out")" != "$1" ] && [ "$got" != "$1" ]; then
		echo "$bench: expected $1 matches, got:" >&2
		head -n 3 "$tmp/out" >&2
		exit 1
	fi
}

# Prints "T ms (R GB/s)" for a time in microseconds over the big file.
rate() {
	awk -v us="$1" -v mib="$size_mib" 'BEGIN {
		printf "%.0f ms (%.2f GB/s)", us / 1000,
		    mib * 1048576 / (us / 1e6) / 1e9 }'
}

# row NAME OURS_US BASE_US BASE_NAME TARGET
row() {
	ratio=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", b / a }')
	printf '| %s | %s | %s: %s | %sx | %s |\n' "$1" "$(rate "$2")" \
	    "$4" "$(rate "$3")" "$ratio" "$5"
}
