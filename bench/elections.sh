#!/usr/bin/env bash
# bench/elections.sh: time ess-tally's elections (issue 6) on generated
# ballots: Schulze, instant-runoff and STV with 3 seats on ranked ballots
# over 10 candidates (an association's ballots, where identical ones
# repeat, and ballots that are nearly all distinct, the grouping's worst
# case; also the first file in the Condorcet Election Format), majority
# judgment on graded ballots; at N and N/10 ballots: wall time, ballots per
# second, peak memory and how it grows.  Checks the answers: plurality's
# first choices and majority judgment's medians against the generator's
# truth, Schulze's matrix, paths and wins and every IRV round against
# bench/elections-check.py, the .cvotes results against the CSV ones.
# Run by bench/run, so by `make bench` (which builds bin/ first), or alone;
# see bench/README.
#
#   BENCH_BALLOTS=N     ballots in each file (default 1000000); the bench
#                       also runs on N/10 to show memory growth
#   BENCH_ROUNDS=N      interleaved rounds (default 3); the median is reported
#   BENCH_TIMEOUT=S     a run that takes longer is stopped (default 900)
#   BENCH_INSTALL=0     do not install time, even as root

set -u
export LC_ALL=C.UTF-8 2>/dev/null || export LC_ALL=C

cd "$(dirname "$0")/.." || exit 1
W=bench/work
mkdir -p "$W" || exit 1
N=${BENCH_BALLOTS:-1000000}
ROUNDS=${BENCH_ROUNDS:-3}
TIMEOUT=${BENCH_TIMEOUT:-900}
ET=bin/ess-tally   # copied into bench/work below: one binary for the whole run
RESULTS=$W/results-elections.txt
# The Python checks of Schulze and IRV run on files with at most this many
# distinct rankings (a million takes Python about two minutes).
PYMAX=200000

. bench/lib.sh
TIMEFILE=$W/elections-time.txt
case $N$ROUNDS in *[!0-9]*)
	say "bench: BENCH_BALLOTS and BENCH_ROUNDS must be whole numbers"; exit 64 ;; esac
[ "$N" -ge 100 ] && [ "$ROUNDS" -ge 1 ] || {
	say "bench: BENCH_BALLOTS must be at least 100, BENCH_ROUNDS at least 1"; exit 64; }
if [ ! -x "$ET" ]; then
	say "bench: $ET is missing: run 'make bench' (or 'make' first)"
	exit 1
fi
cp "$ET" "$W/ess-tally-elections.tmp" && mv "$W/ess-tally-elections.tmp" "$W/ess-tally-elections" ||
	exit 1
ET=$W/ess-tally-elections

bench_tools /usr/bin/time=time timeout=coreutils
[ -n "$PY" ] || say "bench: python3 is missing: Schulze, IRV, plurality and majority" \
	"judgment go unchecked"

# ------------------------------------------------------------- the data
CC=${CC:-cc}
if [ ! -x "$W/gen-ballots" ] || [ bench/gen-ballots.c -nt "$W/gen-ballots" ]; then
	$CC -O2 -o "$W/gen-ballots" bench/gen-ballots.c ||
		{ say "bench: cannot build bench/gen-ballots.c"; exit 1; }
fi
# data N: make the folder $W/elections-N once, print its name.
data() {
	local d=$W/elections-$1
	if [ ! -f "$d/.done" ] || [ "$W/gen-ballots" -nt "$d/.done" ]; then
		say "bench: generating $d ($1 ballots a file)"
		rm -rf "$d" && mkdir -p "$d" && "$W/gen-ballots" "$1" "$d" && touch "$d/.done" ||
			{ say "bench: cannot write $d"; exit 1; }
	fi
	printf '%s\n' "$d"
}
BIG=$(data "$N") || exit 1
SMALL_N=$((N / 10))
SMALL=$(data "$SMALL_N") || exit 1
O=$W/elections-out
mkdir -p "$O" || exit 1

# The facts gen-ballots wrote: fact KEY WORD FILE -> its count.
fact() {
	local n d
	if [ "$1" = big ]; then n=$N d=$BIG; else n=$SMALL_N d=$SMALL; fi
	awk -v w="$2" -v f="$3" '$1 == w && $2 == f { print $3 }' "$d/expected-$n.txt"
}

# ------------------------------------------------------------ the runs
# A run is METHOD-FILE: the method's options, then the file it reads.
RUNS=(plurality-ranked plurality-distinct schulze-ranked schulze-distinct schulze-cef
	irv-ranked irv-distinct irv-cef stv-ranked stv-distinct stv-cef mj-graded)
opts() {
	case ${1%%-*} in
	plurality) echo --method=plurality ;;
	schulze) echo --method=schulze ;;
	irv) echo --method=irv ;;
	stv) echo --method=stv --seats=3 ;;
	mj) echo --method=majority-judgment ;;
	esac
}
file() {	# file RUN KEY
	local n d
	if [ "$2" = big ]; then n=$N d=$BIG; else n=$SMALL_N d=$SMALL; fi
	case ${1#*-} in
	ranked) echo "$d/ranked-$n.csv" ;;
	distinct) echo "$d/distinct-$n.csv" ;;
	cef) echo "$d/ranked-$n.cvotes" ;;
	graded) echo "$d/graded-$n.csv" ;;
	esac
}

declare -A TIMES RSS FAILED CHECK
# one KEY RUN: one timed run; its output in $O/KEY-RUN.csv.
one() {
	local key=$1 run=$2
	[ -n "${FAILED[$key-$run]:-}" ] && return
	# shellcheck disable=SC2046
	timed "$O/$key-$run.csv" "$O/$key-$run.err" "$ET" $(opts "$run") -o csv \
		"$(file "$run" "$key")"
	if [ "$RC" != 0 ]; then
		FAILED[$key-$run]="exit $RC"
		[ "$RC" = 124 ] && FAILED[$key-$run]="timed out after ${TIMEOUT}s"
		say "bench: $run ($key) failed (${FAILED[$key-$run]}):" \
			"$(head -c 400 "$O/$key-$run.err" | tr -s '\n' ' ')"
		return
	fi
	say "$(printf '  %-20s %-6s %8.3f s  %s KiB' "$run" "$key" "$T" "${M:-?}")"
	TIMES[$key-$run]="${TIMES[$key-$run]:-} $T"
	RSS[$key-$run]="${RSS[$key-$run]:-} $M"
}

# check KEY RUN: after the first round; sets CHECK[KEY-RUN] (ok, DIFFERS:
# ..., or why it was not checked).
check() {
	local key=$1 run=$2 f n what c r
	f=$(file "$run" "$key")
	if [ "$key" = big ]; then n=$N; else n=$SMALL_N; fi
	what=${run#*-}
	if [ -n "${FAILED[$key-$run]:-}" ]; then
		CHECK[$key-$run]="-"
		return
	fi
	case $run in
	*-cef)
		c=${run%-cef}-ranked
		if [ -n "${FAILED[$key-$c]:-}" ]; then
			CHECK[$key-$run]="-"
		elif cmp -s "$O/$key-$run.csv" "$O/$key-$c.csv"; then
			CHECK[$key-$run]="ok (= csv)"
		else
			CHECK[$key-$run]="DIFFERS from the csv file's result"
		fi
		return ;;
	stv-*)
		CHECK[$key-$run]="-"
		return ;;
	esac
	if [ -z "$PY" ]; then
		CHECK[$key-$run]="not checked (no python3)"
		return
	fi
	case $run in
	schulze-* | irv-*)
		if [ "$(fact "$key" distinct "$what")" -gt "$PYMAX" ]; then
			CHECK[$key-$run]="not checked (over $PYMAX distinct)"
			return
		fi ;;
	esac
	case $run in
	plurality-*)
		"$ET" --method=plurality -o json "$f" > "$O/$key-$run.json" 2> /dev/null
		r=$("$PY" bench/elections-check.py plurality "$(dirname "$f")/expected-$n.txt" \
			"$what" "$n" "$O/$key-$run.json") ;;
	mj-*)
		r=$("$PY" bench/elections-check.py grades "$(dirname "$f")/expected-$n.txt" \
			"$O/$key-$run.csv") ;;
	schulze-*)
		"$ET" --method=schulze --matrix -o csv "$f" > "$O/$key-$run-matrix.csv" 2> /dev/null
		r=$("$PY" bench/elections-check.py schulze "$f" "$O/$key-$run-matrix.csv" \
			"$O/$key-$run.csv") ;;
	irv-*)
		"$ET" --method=irv --rounds -o csv "$f" > "$O/$key-$run-rounds.csv" 2> /dev/null
		r=$("$PY" bench/elections-check.py irv "$f" "$O/$key-$run-rounds.csv") ;;
	esac
	CHECK[$key-$run]=${r:-"DIFFERS: no answer from bench/elections-check.py"}
}

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
for key in big small; do
	if [ $key = big ]; then d=$BIG n=$N; else d=$SMALL n=$SMALL_N; fi
	cat "$d"/*.csv "$d"/*.cvotes > /dev/null
	say "bench: $d, $n ballots a file; $ROUNDS interleaved rounds"
	for ((r = 1; r <= ROUNDS; r++)); do
		say "bench: round $r/$ROUNDS"
		for run in "${RUNS[@]}"; do
			one "$key" "$run"
		done
		if [ "$r" = 1 ]; then
			say "bench: checking the results ($key)"
			for run in "${RUNS[@]}"; do
				check "$key" "$run"
			done
		fi
	done
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ------------------------------------------------------------ the report
mib() { awk -v k="$1" 'BEGIN { if (k == "") print "-"; else printf "%.1f", k / 1024 }'; }
label() {
	case ${1%%-*} in
	stv) echo "stv (3 seats)" ;;
	mj) echo majority-judgment ;;
	*) echo "${1%%-*}" ;;
	esac
}
# The winners in a run's output (rank 1, or STV's elected).
winners() {
	local o=$O/$1.csv
	[ -s "$o" ] || { echo "-"; return; }
	case $1 in
	*-stv-*) awk -F, 'NR > 1 && $NF == "elected" { s = s (s ? ", " : "") $2 }
		END { print s }' "$o" ;;
	*) awk -F, 'NR > 1 && ($1 == "1" || $1 == "1=") { s = s (s ? " = " : "") $2 }
		END { print s }' "$o" ;;
	esac
}
{
	echo "make bench: ess-tally's elections, ranked ballots (Schulze, IRV, STV) and"
	echo "graded ballots (majority judgment), 10 candidates"
	echo "date: $(date '+%Y-%m-%d %H:%M')  machine: $(nproc) cores," \
		"$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "rounds: $ROUNDS interleaved, median wall time; peak RSS is the largest seen"
	bench_load_note
	echo "ess-tally: bin/ess-tally of $(date -r bin/ess-tally '+%Y-%m-%d %H:%M:%S'), -o csv"
	echo "peers: none (the Python election libraries are not installed; bench/elections-check.py checks)"
	echo
	echo "files (bench/gen-ballots.c, fixed seed):"
	for key in big small; do
		if [ $key = big ]; then d=$BIG n=$N; else d=$SMALL n=$SMALL_N; fi
		for w in ranked distinct; do
			printf '  %-24s %6.1f MB  %d ballots, %d distinct rankings, %d with a tied first place\n' \
				"$w-$n.csv" "$(($(wc -c < "$d/$w-$n.csv") / 1000))e-3" "$n" \
				"$(fact $key distinct $w)" "$(fact $key tiedfirst $w)"
		done
		printf '  %-24s %6.1f MB  the same ballots, one line per distinct ranking\n' \
			"ranked-$n.cvotes" "$(($(wc -c < "$d/ranked-$n.cvotes") / 1000))e-3"
		printf '  %-24s %6.1f MB  %d ballots, a French grade for each candidate\n' \
			"graded-$n.csv" "$(($(wc -c < "$d/graded-$n.csv") / 1000))e-3" "$n"
	done
	echo
	printf '%-18s %-9s %8s %9s %9s %8s %11s %9s  %s\n' method file ballots distinct \
		"median s" "min s" "ballots/s" "peak MiB" check
	printf '%-18s %-9s %8s %9s %9s %8s %11s %9s  %s\n' ------ ---- ------- -------- \
		-------- ----- --------- -------- -----
	for key in big small; do
		if [ $key = big ]; then n=$N; else n=$SMALL_N; fi
		for run in "${RUNS[@]}"; do
			w=${run#*-}
			dn=-
			case $w in ranked | cef) dn=$(fact $key distinct ranked) ;;
			distinct) dn=$(fact $key distinct distinct) ;; esac
			if [ -z "${TIMES[$key-$run]:-}" ]; then
				printf '%-18s %-9s %8s %9s  %s\n' "$(label "$run")" "$w" "$n" "$dn" \
					"failed: ${FAILED[$key-$run]:-?}"
				continue
			fi
			awk -v l="$(label "$run")" -v w="$w" -v n="$n" -v dn="$dn" \
				-v t="$(echo "${TIMES[$key-$run]}" | median)" \
				-v lo="$(echo "${TIMES[$key-$run]}" | minof)" \
				-v m="$(mib "$(echo "${RSS[$key-$run]}" | maxof)")" \
				-v c="${CHECK[$key-$run]:-}" 'BEGIN {
				printf "%-18s %-9s %8d %9s %9.3f %8.3f %11s %9s  %s\n", l, w, n, dn, t, lo,
					(t > 0) ? sprintf("%.0f", n / t) : "-", m, c }'
		done
	done
	echo
	echo "files: ranked = ranked-N.csv (voter,ranking: 8 popular orders, mostly truncated),"
	echo "  distinct = distinct-N.csv (complete rankings, nearly all distinct), cef ="
	echo "  ranked-N.cvotes (the ranked ballots grouped), graded = graded-N.csv."
	echo "check: plurality = first choices, tied first places and valid ballots as"
	echo "  generated; schulze = pairwise matrix, strongest paths and wins as computed by"
	echo "  bench/elections-check.py; irv = every round's votes (exact fractions) and"
	echo "  status as computed by it; majority-judgment = each candidate's median, above"
	echo "  and below as generated; cef: ok (= csv) = the same output as the csv file;"
	echo "  stv: no independent check."
	echo
	echo "winners ($N ballots):"
	for w in ranked distinct; do
		printf '  %-9s schulze %s; irv %s; stv %s\n' "$w:" "$(winners "big-schulze-$w")" \
			"$(winners "big-irv-$w")" "$(winners "big-stv-$w")"
	done
	printf '  %-9s majority judgment %s\n' "graded:" "$(winners big-mj-graded)"
	echo
	echo "memory from $SMALL_N to $N ballots (x$((N / SMALL_N))):"
	flat=met group=met
	for run in "${RUNS[@]}"; do
		case $run in *-cef | plurality-*) continue ;; esac
		bm=$(echo "${RSS[big-$run]:-}" | maxof) sm=$(echo "${RSS[small-$run]:-}" | maxof)
		w=${run#*-}
		if [ -z "$bm" ] || [ -z "$sm" ]; then
			printf '  %-18s %-9s no figure\n' "$(label "$run")" "$w"
			case $run in irv-ranked | stv-ranked) group="no figure" ;;
			schulze-* | mj-*) flat="no figure" ;; esac
			continue
		fi
		# flat: within 10 % or 1 MiB
		ok=$(awk -v b="$bm" -v s="$sm" 'BEGIN { print (b <= s * 1.1 || b - s <= 1024) ? 1 : 0 }')
		case $run in
		schulze-* | mj-*)
			[ "$ok" = 1 ] || flat="NOT met"
			awk -v l="$(label "$run")" -v w="$w" -v b="$bm" -v s="$sm" 'BEGIN {
				printf "  %-18s %-9s %6.1f -> %6.1f MiB  x%.2f (expect ~1.0)\n", l, w,
					s / 1024, b / 1024, b / s }' ;;
		*)
			[ "$w" = ranked ] && [ "$ok" != 1 ] && group="NOT met"
			awk -v l="$(label "$run")" -v w="$w" -v b="$bm" -v s="$sm" \
				-v db="$(fact big distinct "$w")" -v ds="$(fact small distinct "$w")" 'BEGIN {
				printf "  %-18s %-9s %6.1f -> %6.1f MiB  x%.2f; distinct rankings %d -> %d (x%.1f)%s\n",
					l, w, s / 1024, b / 1024, b / s, ds, db, db / ds,
					(db > ds * 5) ? sprintf(", about %.0f bytes a distinct ranking",
					(b - s) * 1024 / (db - ds)) : "" }' ;;
		esac
	done
	echo
	echo "Requirements (issue 6):"
	echo "  memory of schulze and majority judgment flat from $SMALL_N to $N ballots" \
		"(within 10 % or 1 MiB): $flat"
	echo "  irv and stv keep identical ballots grouped (memory flat on the ranked file," \
		"whose distinct rankings barely grow): $group"
	for key in big small; do
		for run in "${RUNS[@]}"; do
			case ${CHECK[$key-$run]:-} in DIFFERS*)
				echo "WARNING: $run ($key): ${CHECK[$key-$run]}" ;; esac
		done
	done
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo
cat "$RESULTS"
echo
echo "(also in $RESULTS)"
for key in big small; do
	for run in "${RUNS[@]}"; do
		[ -z "${FAILED[$key-$run]:-}" ] || exit 1
		case ${CHECK[$key-$run]:-} in DIFFERS*) exit 1 ;; esac
	done
done
exit 0
