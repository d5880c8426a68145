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
