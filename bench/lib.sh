# bench/lib.sh: what bench/tally.sh, directory.sh and basket.sh share; sourced
# after each sets W (its work folder) and TIMEOUT.
#
#   say TEXT...              a line on stderr
#   bench_tools CMD=PKG...   installs the Debian packages of missing
#                            commands (as root, unless BENCH_INSTALL=0), or
#                            says what to run; sets TIMEBIN, TO and PY
#   median, minof, maxof     of the numbers on stdin (space or newline)
#   bench_load_note          the load average before and after the run
#                            (LOAD0, LOAD1), and a warning when the
#                            machine was busy at the start

say() { printf '%s\n' "$*" >&2; }

bench_tools() {
	local pair c missing=()

	for pair in "$@"; do
		c=${pair%%=*}
		command -v "$c" >/dev/null 2>&1 || missing+=("${pair#*=}")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		if [ "$(id -u)" = 0 ] && [ "${BENCH_INSTALL:-1}" != 0 ] &&
			command -v apt-get >/dev/null 2>&1; then
			say "bench: installing ${missing[*]} (apt-get)"
			export DEBIAN_FRONTEND=noninteractive
			apt-get update -qq >/dev/null 2>&1
			for p in "${missing[@]}"; do
				apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1 ||
					say "bench: could not install $p: its tool is skipped"
			done
		else
			say "bench: missing ${missing[*]}: its tools are skipped" \
				"(as root: apt-get install ${missing[*]})"
		fi
	fi
	TIMEBIN=
	[ -x /usr/bin/time ] && TIMEBIN=/usr/bin/time
	[ -n "$TIMEBIN" ] || say "bench: /usr/bin/time is missing: no peak memory figures"
	TO=()
	command -v timeout >/dev/null 2>&1 && TO=(timeout "$TIMEOUT")
	# The real interpreter, not a version manager's shim (pyenv's costs a
	# shell).
	PY=
	if command -v python3 >/dev/null 2>&1; then
		PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
		[ -x "$PY" ] || PY=
	fi
}

median() { tr ' ' '\n' | awk 'NF' | sort -g |
	awk '{ v[NR] = $1 } END { if (NR == 0) exit
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minof() { tr ' ' '\n' | awk 'NF' | sort -g | head -n 1; }
maxof() { tr ' ' '\n' | awk 'NF && $1 > m { m = $1 } END { if (NR) print m }'; }

bench_load_note() {
	echo "load average before/after: ${LOAD0:-?} / ${LOAD1:-?}"
	awk -v l="${LOAD0%% *}" 'BEGIN { if (l + 0 > 0.5) print "note: the machine " \
		"was busy when the run began: other work makes the figures noisy" }'
}

# timed OUT ERR CMD...: runs CMD once, stdin from /dev/null, stdout to OUT
# and stderr to ERR, stopped after $TIMEOUT s when timeout(1) is there
# (bench_tools sets TO and TIMEBIN); sets T (wall seconds), M (peak RSS in
# KiB, or empty without /usr/bin/time) and RC (CMD's status, 124 when
# stopped).  /usr/bin/time writes to $TIMEFILE (default $W/time.txt).
timed() {
	local out=$1 err=$2 t0 t1 tf=${TIMEFILE:-$W/time.txt}
	shift 2
	M=
	t0=$EPOCHREALTIME
	if [ -n "$TIMEBIN" ]; then
		${TO[@]+"${TO[@]}"} "$TIMEBIN" -f '%M' -o "$tf" "$@" \
			< /dev/null > "$out" 2> "$err"
	else
		${TO[@]+"${TO[@]}"} "$@" < /dev/null > "$out" 2> "$err"
	fi
	RC=$?
	t1=$EPOCHREALTIME
	T=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	if [ -n "$TIMEBIN" ]; then
		M=$(tail -n 1 "$tf")
		case $M in '' | *[!0-9]*) M= ;; esac
	fi
}

# timed_add OUT ERR CMD...: timed, for a job of several processes: adds
# the wall time to T, keeps the first failing status in RC and the largest
# peak in M (set T=0 M='' RC=0 first).
timed_add() {
	local t=$T m=$M rc=$RC
	timed "$@"
	[ "$rc" = 0 ] || RC=$rc
	T=$(awk -v a="$t" -v b="$T" 'BEGIN { printf "%.3f", a + b }')
	if [ -n "$m" ] && { [ -z "$M" ] || [ "$M" -lt "$m" ]; }; then
		M=$m
	fi
}
