#!/usr/bin/env bash
# bench/minutes.sh: time ess-minutes on a generated year of minutes (1,000
# Markdown files of about 10 KB: headers, agenda items, decisions with
# votes, actions, nested lists, a table block): render each to HTML, one
# process a file; extract the actions of all of them in one run; and
# render the same Markdown with pandoc (-f markdown -t html), one process
# a file and one process for all, on the first BENCH_PANDOC_FILES files
# (pandoc takes a good part of a second a file: the ratios compare the
# time a file). Checks that every page is written and that extract finds
# every action, and reports the ratios and peak memory.
# Run by bench/run, so by `make bench` (which builds bin/ first), or alone;
# see bench/README.
#
#   BENCH_MINUTES=N     files (default 1000, about 11 MB)
#   BENCH_PANDOC_FILES=K  the files pandoc renders (default 50; 0: all)
#   BENCH_ROUNDS=N      interleaved rounds (default 3); the median is reported
#   BENCH_SLOW=S        a pandoc run whose first round takes over S s runs once (60)
#   BENCH_TIMEOUT=S     a run that takes longer is stopped (default 900)
#   BENCH_INSTALL=0     do not install pandoc or time, even as root

set -u
export LC_ALL=C.UTF-8 2>/dev/null || export LC_ALL=C

cd "$(dirname "$0")/.." || exit 1
W=bench/work
mkdir -p "$W" || exit 1
N=${BENCH_MINUTES:-1000}
K=${BENCH_PANDOC_FILES:-50}
ROUNDS=${BENCH_ROUNDS:-3}
SLOW=${BENCH_SLOW:-60}
TIMEOUT=${BENCH_TIMEOUT:-900}
EM=bin/ess-minutes   # copied into bench/work below: one binary for the whole run
RESULTS=$W/results-minutes.txt

. bench/lib.sh
TIMEFILE=$W/minutes-time.txt
case $N$K$ROUNDS$SLOW in *[!0-9]*)
	say "bench: BENCH_MINUTES, BENCH_PANDOC_FILES, BENCH_ROUNDS and BENCH_SLOW must be" \
		"whole numbers"; exit 64 ;; esac
[ "$K" -eq 0 ] || [ "$K" -gt "$N" ] && K=$N
[ "$N" -ge 1 ] && [ "$N" -le 9999 ] && [ "$ROUNDS" -ge 1 ] || {
	say "bench: BENCH_MINUTES must be from 1 to 9999, BENCH_ROUNDS at least 1"; exit 64; }
if [ ! -x "$EM" ]; then
	say "bench: $EM is missing: run 'make bench' (or 'make' first)"
	exit 1
fi
cp "$EM" "$W/ess-minutes.tmp" && mv "$W/ess-minutes.tmp" "$W/ess-minutes" || exit 1
EM=$PWD/$W/ess-minutes

bench_tools /usr/bin/time=time pandoc=pandoc timeout=coreutils
PANDOC=
command -v pandoc >/dev/null 2>&1 && PANDOC=pandoc

# ------------------------------------------------------------- the data
CC=${CC:-cc}
if [ ! -x "$W/gen-minutes" ] || [ bench/gen-minutes.c -nt "$W/gen-minutes" ]; then
	$CC -O2 -o "$W/gen-minutes" bench/gen-minutes.c ||
		{ say "bench: cannot build bench/gen-minutes.c"; exit 1; }
fi
D=$W/minutes-$N
if [ ! -f "$D/.done" ] || [ "$W/gen-minutes" -nt "$D/.done" ]; then
	say "bench: generating $D ($N minutes files)"
	rm -rf "$D" && mkdir -p "$D" && "$W/gen-minutes" "$N" "$D" && touch "$D/.done" ||
		{ say "bench: cannot write $D"; exit 1; }
fi
BYTES=$(cat "$D"/cr-*.md | wc -c)
WANT_ACTIONS=$(awk '$1 == "actions" { print $2 }' "$D/expected.txt")
O=$W/minutes-out

# ------------------------------------------------------------ the runs

# The loops, as bash -c scripts ($1: the output folder, then the files).
# A loop stops at the first failure.
EACH_EM='o=$1; shift; for f; do b=${f##*/}
	"$EM" render -o html -O "$o/${b%.md}.html" "$f" || exit; done'
EACH_PANDOC='o=$1; shift; for f; do b=${f##*/}
	pandoc -f markdown -t html -o "$o/${b%.md}.html" "$f" || exit; done'
export EM
ALL=("$D"/cr-*.md)
SAMPLE=("${ALL[@]:0:K}")
# The files each tool goes through.
declare -A NF=([em-render]=$N [em-extract]=$N [pandoc-each]=$K [pandoc-all]=$K)

# one TOOL: runs it once into $O/TOOL; sets T, M, RC.
one_run() {
	local tool=$1
	rm -rf "${O:?}/$tool" && mkdir -p "$O/$tool"
	case $tool in
	em-render) timed "$O/$tool/stdout" "$O/$tool/stderr" bash -c "$EACH_EM" - "$O/$tool" "${ALL[@]}" ;;
	em-extract) timed "$O/$tool/actions.csv" "$O/$tool/stderr" "$EM" extract \
		--what=actions -o csv "${ALL[@]}" ;;
	pandoc-each) timed "$O/$tool/stdout" "$O/$tool/stderr" bash -c "$EACH_PANDOC" - "$O/$tool" \
		"${SAMPLE[@]}" ;;
	pandoc-all) timed "$O/$tool/all.html" "$O/$tool/stderr" pandoc -f markdown -t html "${SAMPLE[@]}" ;;
	esac
}

# check TOOL: what its first run wrote; sets CHECK[TOOL].
declare -A CHECK
check() {
	local tool=$1 got
	case $tool in
	em-render | pandoc-each)
		got=$(find "$O/$tool" -name 'cr-*.html' -size +0 | wc -l)
		if [ "$got" = "${NF[$tool]}" ]; then CHECK[$tool]=ok
		else CHECK[$tool]="$got pages of ${NF[$tool]}"; fi ;;
	em-extract)
		# One row an action, after the header line.
		got=$(($(wc -l < "$O/$tool/actions.csv") - 1))
		if [ "$got" = "$WANT_ACTIONS" ]; then CHECK[$tool]="ok ($got actions)"
		else CHECK[$tool]="$got rows, $WANT_ACTIONS actions written"; fi ;;
	pandoc-all)
		if [ -s "$O/$tool/all.html" ]; then CHECK[$tool]=ok
		else CHECK[$tool]="NO OUTPUT"; fi ;;
	esac
}

declare -A TIMES RSS FAILED ONCE
one() {
	local tool=$1 r=$2
	[ -n "${FAILED[$tool]:-}" ] && return
	[ -n "${ONCE[$tool]:-}" ] && return
	one_run "$tool"
	if [ "$RC" != 0 ]; then
		FAILED[$tool]="exit $RC"
		[ "$RC" = 124 ] && FAILED[$tool]="timed out after ${TIMEOUT}s"
		say "bench: $tool failed (${FAILED[$tool]}): $(head -c 400 "$O/$tool/stderr" | tr -s '\n' ' ')"
		return
	fi
	say "$(printf '  %-22s %9.3f s  %s KiB' "$(label "$tool")" "$T" "${M:-?}")"
	TIMES[$tool]="${TIMES[$tool]:-} $T"
	RSS[$tool]="${RSS[$tool]:-} $M"
	if [ "$r" = 1 ]; then
		check "$tool"
		case $tool in pandoc-*) ;; *) return ;; esac
		awk -v t="$T" -v s="$SLOW" 'BEGIN { exit !(t > s) }' && [ "$ROUNDS" -gt 1 ] && {
			ONCE[$tool]=1
			say "bench: $(label "$tool") took over ${SLOW}s: it runs once"
		}
	fi
}
label() {
	case $1 in
	em-render) echo "ess-minutes render" ;;
	em-extract) echo "ess-minutes extract" ;;
	pandoc-each) echo "pandoc" ;;
	pandoc-all) echo "pandoc (one process)" ;;
	esac
}
how() {
	case $1 in
	em-render) echo "render -o html -O F.html F, one process a file" ;;
	em-extract) echo "extract --what=actions -o csv, all files, one process" ;;
	pandoc-each) echo "-f markdown -t html -o F.html F, one process a file ($K files)" ;;
	pandoc-all) echo "-f markdown -t html, $K files as one document, one process" ;;
	esac
}

TOOLS=(em-render em-extract)
if [ -n "$PANDOC" ]; then
	TOOLS+=(pandoc-each pandoc-all)
else
	say "bench: pandoc not available: ess-minutes runs alone"
fi
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
cat "$D"/cr-*.md > /dev/null
say "bench: $D, $N files, $BYTES bytes, $WANT_ACTIONS actions; pandoc on $K;" \
	"$ROUNDS interleaved rounds"
for ((r = 1; r <= ROUNDS; r++)); do
	say "bench: round $r/$ROUNDS"
	for t in "${TOOLS[@]}"; do
		one "$t" "$r"
	done
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ------------------------------------------------------------ the report
# startup: ms a process start costs from bash (100 runs of /bin/true).
startup() {
	local t0=$EPOCHREALTIME i
	for ((i = 0; i < 100; i++)); do /bin/true; done
	awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", (b - a) * 10 }'
}
med() { echo "${TIMES[$1]:-}" | median; }
{
	echo "make bench: ess-minutes, $N minutes files rendered to HTML, and their actions"
	echo "extracted, against pandoc on the same Markdown"
	echo "date: $(date '+%Y-%m-%d %H:%M')  machine: $(nproc) cores," \
		"$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "rounds: $ROUNDS interleaved, median wall time; peak RSS is the largest seen" \
		"(of any process of a loop)"
	bench_load_note
	echo "ess-minutes: bin/ess-minutes of $(date -r bin/ess-minutes '+%Y-%m-%d %H:%M:%S')"
	[ -n "$PANDOC" ] && echo "peer: $(pandoc --version | head -n 1)"
	echo "data: $D, $N files, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f MB", b / 1e6 }')"
	echo
	printf '%-22s %6s %9s %8s %8s %10s %9s  %s\n' tool files "median s" "min s" "ms/file" \
		"peak MiB" "x render" check
	printf '%-22s %6s %9s %8s %8s %10s %9s  %s\n' ---- ----- -------- ----- ------- \
		-------- -------- -----
	rt=$(med em-render)
	for t in "${TOOLS[@]}"; do
		if [ -z "${TIMES[$t]:-}" ]; then
			printf '%-22s %6s %s\n' "$(label "$t")" "${NF[$t]}" "failed: ${FAILED[$t]:-?}"
			continue
		fi
		awk -v l="$(label "$t")" -v n="${NF[$t]}" -v t="$(med "$t")" -v rn="$N" \
			-v lo="$(echo "${TIMES[$t]}" | minof)" \
			-v m="$(echo "${RSS[$t]}" | maxof)" -v b="$rt" -v c="${CHECK[$t]:-}" 'BEGIN {
			printf "%-22s %6d %9.3f %8.3f %8.2f %10s %9s  %s\n", l, n, t, lo, 1000 * t / n,
				m == "" ? "-" : sprintf("%.1f", m / 1024),
				b == "" ? "-" : sprintf("%.2f", (t / n) / (b / rn)), c }'
	done
	echo
	for t in "${TOOLS[@]}"; do
		printf '%-22s %s\n' "$(label "$t"):" "$(how "$t")"
	done
	echo "x render: the tool's time a file over ess-minutes render's (above 1: ess-minutes"
	echo "  render is faster). One process a file costs a process start each: on this"
	echo "  machine, $(startup) ms for /bin/true from bash."
	echo
	pe=$(med pandoc-each) pa=$(med pandoc-all)
	[ -n "$rt" ] && [ -n "$pe" ] && awk -v b="$rt" -v p="$pe" -v n="$N" -v k="$K" 'BEGIN {
		printf "ratio, one process a file: pandoc / ess-minutes render = %.1f\n", (p / k) / (b / n) }'
	[ -n "$rt" ] && [ -n "$pa" ] && awk -v b="$rt" -v p="$pa" -v n="$N" -v k="$K" 'BEGIN {
		printf "ratio, pandoc in one process / ess-minutes render one process a file = %.1f\n",
			(p / k) / (b / n) }'
	for t in "${TOOLS[@]}"; do
		case ${CHECK[$t]:-} in ok*) ;;
		*) echo "WARNING: $(label "$t"): ${CHECK[$t]:-${FAILED[$t]:-no check}}" ;; esac
	done
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo
cat "$RESULTS"
echo
echo "(also in $RESULTS)"
for t in "${TOOLS[@]}"; do
	[ -z "${FAILED[$t]:-}" ] || exit 1
	case ${CHECK[$t]:-} in ok*) ;; *) exit 1 ;; esac
done
exit 0
