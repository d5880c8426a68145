#!/usr/bin/env bash
# bench/tally.sh: time ess-tally's sticker tally against the tools a user would
# reach for, on the same generated file, and check that they count the same.
# Run by bench/run, so by `make bench` (which builds bin/ first), or alone;
# see bench/README.
#
#   BENCH_ROWS=N      rows in the main file (default 10000000, about 535 MB)
#   BENCH_ROUNDS=N    interleaved rounds (default 3); the median is reported
#   BENCH_SLOW=S      a peer whose first round takes more than S seconds
#                     runs only once (default 60)
#   BENCH_TIMEOUT=S   a run that takes longer is stopped (default 900)
#   BENCH_INSTALL=0   do not install missing tools, even as root
#   BENCH_CSVKIT=0    skip csvkit

set -u
export LC_ALL=C.UTF-8 2>/dev/null || export LC_ALL=C

cd "$(dirname "$0")/.." || exit 1
W=bench/work
mkdir -p "$W" || exit 1
ROWS=${BENCH_ROWS:-10000000}
ROUNDS=${BENCH_ROUNDS:-3}
SLOW=${BENCH_SLOW:-60}
TIMEOUT=${BENCH_TIMEOUT:-900}
ESS=bin/ess-tally   # copied into bench/work below: one binary for the whole run
RESULTS=$W/results.txt

. bench/lib.sh
case $ROWS$ROUNDS in *[!0-9]*)
	say "bench: BENCH_ROWS and BENCH_ROUNDS must be whole numbers"; exit 64 ;; esac
[ "$ROWS" -ge 10 ] && [ "$ROUNDS" -ge 1 ] || {
	say "bench: BENCH_ROWS must be at least 10 and BENCH_ROUNDS at least 1"; exit 64; }
if [ ! -x "$ESS" ]; then
	say "bench: $ESS is missing: run 'make bench' (or 'make' first)"
	exit 1
fi
# Time a copy, so that a rebuild of bin/ during the run cannot mix binaries.
cp "$ESS" "$W/ess-tally.tmp" && mv "$W/ess-tally.tmp" "$W/ess-tally" || exit 1
ESS=$W/ess-tally

# ---------------------------------------------------------------- tools
# Install what is missing when root (Debian packages), else say what to run.
csvkit=
[ "${BENCH_CSVKIT:-1}" = 0 ] || csvkit=csvsql=csvkit
bench_tools /usr/bin/time=time mlr=miller sqlite3=sqlite3 mawk=mawk timeout=coreutils $csvkit

# ------------------------------------------------------------- the data
CC=${CC:-cc}
if [ ! -x "$W/gen" ] || [ bench/gen.c -nt "$W/gen" ]; then
	$CC -O2 -o "$W/gen" bench/gen.c || { say "bench: cannot build bench/gen.c"; exit 1; }
fi
# data ROWS: make $W/votes-ROWS.csv and its true counts once, print the name.
data() {
	local f=$W/votes-$1.csv
	if [ ! -s "$f" ] || [ ! -s "$f.expected" ] || [ "$W/gen" -nt "$f" ]; then
		say "bench: generating $f ($1 rows)"
		"$W/gen" "$1" "$f.expected.tmp" > "$f.tmp" &&
			LC_ALL=C sort "$f.expected.tmp" > "$f.expected" &&
			mv "$f.tmp" "$f" && rm -f "$f.expected.tmp" ||
			{ say "bench: cannot write $f"; rm -f "$f.tmp"; exit 1; }
	fi
	printf '%s\n' "$f"
}
FILE=$(data "$ROWS") || exit 1
SMALL_ROWS=$((ROWS / 10)); [ "$SMALL_ROWS" -ge 10 ] || SMALL_ROWS=10
SMALL=$(data "$SMALL_ROWS") || exit 1
CSVKIT_ROWS=$((ROWS < 1000000 ? ROWS : 1000000))
BYTES=$(wc -c < "$FILE")

# DuckDB through its npm package, installed once into bench/work/.
DUCK=
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	if [ ! -f "$W/node_modules/@duckdb/node-api/package.json" ]; then
		say "bench: installing @duckdb/node-api into $W (npm)"
		[ -f "$W/package.json" ] || printf '{ "private": true }\n' > "$W/package.json"
		(cd "$W" && npm install --no-audit --no-fund --loglevel=error \
			@duckdb/node-api >/dev/null 2>"npm.log") ||
			say "bench: npm install @duckdb/node-api failed ($W/npm.log): DuckDB skipped"
	fi
	if [ -f "$W/node_modules/@duckdb/node-api/package.json" ]; then
		tiny=$(data 100) &&
			node bench/duckdb-tally.js "$tiny" > "$W/duck-smoke.txt" 2>&1 &&
			DUCK=node || say "bench: DuckDB does not run here: skipped" \
				"($(head -c 300 "$W/duck-smoke.txt" | tr -s "\n" " "))"
	fi
else
	say "bench: node or npm missing: DuckDB skipped"
fi

# ------------------------------------------------------------ the tools
# set_cmd TOOL FILE: CMD (argv), IN (stdin) and FMT (how to read the output).
# shellcheck disable=SC2054  # the commas are in arguments, not between elements
set_cmd() {
	local f=$2
	IN=/dev/null FMT=ivc
	case $1 in
	cat) CMD=(cat "$f") FMT=none ;;
	wc) CMD=(wc -l "$f") FMT=wc ;;
	ess-tally) CMD=("$ESS" -o csv "$f") FMT=ess ;;
	ess-stdin) CMD=("$ESS" -o csv) IN=$f FMT=ess ;;
	duckdb) CMD=(node bench/duckdb-tally.js "$f") ;;
	miller) CMD=(mlr --icsv --ocsv count -g item,vote "$f") ;;
	python) CMD=("$PY" bench/py-tally.py "$f") ;;
	sqlite3) CMD=(sqlite3 -csv -header :memory: ".import --csv \"$f\" votes"
		'SELECT item, vote, count(*) AS count FROM votes GROUP BY 1, 2') ;;
	mawk) CMD=(mawk -F, 'NR > 1 { c[$2 "," $4]++ }
		END { print "item,vote,count"; for (k in c) print k "," c[k] }' "$f") ;;
	csvkit) CMD=(csvsql -I --tables votes --query \
		'SELECT item, vote, count(*) AS count FROM votes GROUP BY 1, 2' "$f") ;;
	esac
}
label() {
	case $1 in
	cat) echo "cat > /dev/null" ;; wc) echo "wc -l" ;;
	ess-tally) echo "ess-tally" ;; ess-stdin) echo "ess-tally < FILE" ;;
	duckdb) echo "DuckDB (2 threads)" ;; miller) echo "Miller" ;;
	python) echo "python3 csv" ;; sqlite3) echo "sqlite3" ;;
	mawk) echo "mawk -F, (naive)" ;; csvkit) echo "csvkit csvsql" ;; *) echo "$1" ;;
	esac
}
available() {
	case $1 in
	duckdb) [ -n "$DUCK" ] ;; python) [ -n "$PY" ] ;;
	miller) command -v mlr >/dev/null 2>&1 ;;
	sqlite3 | mawk) command -v "$1" >/dev/null 2>&1 ;;
	csvkit) [ "${BENCH_CSVKIT:-1}" != 0 ] && command -v csvsql >/dev/null 2>&1 ;;
	*) true ;;
	esac
}

# normalise FMT OUT: sorted item,vote,count lines, whatever the tool printed.
normalise() {
	case $1 in
	ess) # rank,item,label,green,red,abstain,...: the label may hold commas,
		# so the counts are found from the end of the line.
		awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
				n = NF; next }
			{ item = $col["item"]; gsub(/"/, "", item)
			  d = NF - n
			  split("green red abstain", v, " ")
			  for (j = 1; j <= 3; j++) { c = $(col[v[j]] + d)
				if (c > 0) print item "," v[j] "," c } }' "$2" ;;
	ivc) awk -F, 'NR > 1 { gsub(/"/, ""); print $1 "," $2 "," $3 }' "$2" ;;
	esac | LC_ALL=C sort
}

# measure TOOL FILE: run once; sets T (wall s), M (peak RSS KiB), RC, OUT.
measure() {
	local tool=$1 t0 t1
	set_cmd "$tool" "$2"
	OUT=$W/out-$tool.txt
	[ "$FMT" = none ] && OUT=/dev/null
	t0=$EPOCHREALTIME
	if [ -n "$TIMEBIN" ]; then
		${TO[@]+"${TO[@]}"} "$TIMEBIN" -f '%e %M' -o "$W/time-$tool.txt" "${CMD[@]}" \
			< "$IN" > "$OUT" 2> "$W/err-$tool.txt"
	else
		${TO[@]+"${TO[@]}"} "${CMD[@]}" < "$IN" > "$OUT" 2> "$W/err-$tool.txt"
	fi
	RC=$?
	t1=$EPOCHREALTIME
	T=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	M=
	[ -n "$TIMEBIN" ] && M=$(tail -n 1 "$W/time-$tool.txt" | awk '{ print $2 }')
}

# check TOOL FILE: compare the last output with the generator's counts and
# ess-tally's; sets CHECK_$tool and MISS_$tool (rows counted under a wrong key).
declare -A CHECK MISS
check() {
	local tool=$1 exp=$2.expected
	set_cmd "$tool" "$2"
	case $FMT in
	none) CHECK[$tool]=- ; return ;;
	wc) local n; n=$(awk '{ print $1 }' "$W/out-$tool.txt")
		if [ "$n" = "$(($3 + 1))" ]; then CHECK[$tool]="lines ok"
		else CHECK[$tool]="LINES $n"; fi
		return ;;
	esac
	normalise "$FMT" "$W/out-$tool.txt" > "$W/norm-$tool.txt"
	if cmp -s "$W/norm-$tool.txt" "$exp"; then
		[ "${CHECK[$tool]:-ok}" = ok ] && CHECK[$tool]=ok
	else
		CHECK[$tool]=WRONG
		# rows missing from their true (item, vote): counted under a wrong key
		MISS[$tool]=$(awk -F, 'NR == FNR { got[$1 "," $2] = $3; next }
			{ d = $3 - got[$1 "," $2]; if (d > 0) m += d }
			END { print m + 0 }' "$W/norm-$tool.txt" "$exp")
	fi
}


# ------------------------------------------------------------ the rounds
TOOLS=(cat wc ess-tally ess-stdin duckdb miller python sqlite3 mawk)
RUN=()
for t in "${TOOLS[@]}"; do
	if available "$t"; then RUN+=("$t"); else say "bench: $(label "$t"): not available, skipped"; fi
done
declare -A TIMES RSS FAILED ONCE

say "bench: $FILE, $ROWS rows, $BYTES bytes; $ROUNDS interleaved rounds"
cat "$FILE" > /dev/null; cat "$FILE" > /dev/null   # into the page cache
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
for ((r = 1; r <= ROUNDS; r++)); do
	say "bench: round $r/$ROUNDS"
	for t in "${RUN[@]}"; do
		[ -n "${FAILED[$t]:-}" ] && continue
		[ "$r" -gt 1 ] && [ -n "${ONCE[$t]:-}" ] && continue
		measure "$t" "$FILE"
		if [ "$RC" != 0 ]; then
			FAILED[$t]="exit $RC"
			[ "$RC" = 124 ] && FAILED[$t]="timed out after ${TIMEOUT}s"
			say "bench: $(label "$t") failed (${FAILED[$t]}): $(head -c 400 "$W/err-$t.txt" | tr -s "\n" " ")"
			continue
		fi
		say "$(printf '  %-22s %8.3f s  %s KiB' "$(label "$t")" "$T" "${M:-?}")"
		TIMES[$t]="${TIMES[$t]:-} $T"
		RSS[$t]="${RSS[$t]:-} $M"
		check "$t" "$FILE" "$ROWS"
		case $t in cat | wc | ess-*) ;; *) false ;; esac ||
		if [ "$r" = 1 ] && [ "$ROUNDS" -gt 1 ] &&
			awk -v t="$T" -v s="$SLOW" 'BEGIN { exit !(t > s) }'; then
			ONCE[$t]=1
			say "bench: $(label "$t") took over ${SLOW}s: run once only"
		fi
	done
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
declare -A AGREE
for t in ess-stdin duckdb miller python sqlite3 mawk; do
	[ -n "${TIMES[$t]:-}" ] && [ -n "${TIMES[ess-tally]:-}" ] &&
		cmp -s "$W/norm-$t.txt" "$W/norm-ess-tally.txt" && AGREE[$t]=1
done

# ------------------------------------------- smaller files: memory, csvkit
declare -A STIME SRSS SCHECK
small_run() { # KEY TOOL FILE ROWS
	local keep=${CHECK[$2]:-} keepmiss=${MISS[$2]:-}
	measure "$2" "$3"
	if [ "$RC" != 0 ]; then
		SCHECK[$1]="FAILED ($RC)"
		say "bench: $(label "$2") on $3 failed: $(head -c 400 "$W/err-$2.txt" | tr -s "\n" " ")"
		return
	fi
	STIME[$1]=$T SRSS[$1]=$M
	CHECK[$2]=
	check "$2" "$3" "$4"
	SCHECK[$1]=${CHECK[$2]}
	[ -n "${MISS[$2]:-}" ] && [ "${CHECK[$2]}" = WRONG ] && SCHECK[$1]="WRONG (${MISS[$2]} rows)"
	CHECK[$2]=$keep MISS[$2]=$keepmiss
	say "$(printf '  %-22s %8.3f s  %s KiB  (%s rows)' "$(label "$2")" "$T" "${M:-?}" "$4")"
}
say "bench: ess-tally on $SMALL ($SMALL_ROWS rows): memory must stay flat"
cat "$SMALL" > /dev/null
for ((r = 1; r <= ROUNDS; r++)); do
	small_run "small$r" ess-tally "$SMALL" "$SMALL_ROWS"
done
SMALL_T=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${STIME[small$r]:-}"; done | median)
SMALL_M=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${SRSS[small$r]:-}"; done | maxof)
SMALL_OK=${SCHECK[small1]:-}
CK=
if available csvkit; then
	CKFILE=$(data "$CSVKIT_ROWS") || exit 1
	say "bench: csvkit on $CKFILE ($CSVKIT_ROWS rows), once, beside ess-tally"
	cat "$CKFILE" > /dev/null
	if [ "$CSVKIT_ROWS" = "$SMALL_ROWS" ]; then
		STIME[ck-ess]=$SMALL_T SRSS[ck-ess]=$SMALL_M SCHECK[ck-ess]=$SMALL_OK
	else
		small_run ck-ess ess-tally "$CKFILE" "$CSVKIT_ROWS"
	fi
	small_run ck csvkit "$CKFILE" "$CSVKIT_ROWS"
	CK=1
else
	say "bench: csvkit (csvsql) not available, skipped"
fi

# ------------------------------------------------------------ the report
fig() { # TOOL: median s, MB/s, peak MiB
	local t m
	t=$(echo "${TIMES[$1]:-}" | median)
	m=$(echo "${RSS[$1]:-}" | maxof)
	echo "${t:--} ${m:--}"
}
read -r ESS_T ESS_M <<< "$(fig ess-tally)"
read -r CAT_T _ <<< "$(fig cat)"
{
	echo "make bench: ess-tally sticker tally against its peers"
	echo "date: $(date '+%Y-%m-%d %H:%M')  machine: $(nproc) cores," \
		"$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "file: $FILE, $ROWS rows, $BYTES bytes ($(awk -v b="$BYTES" \
		'BEGIN { printf "%.0f", b / 1e6 }') MB), in the page cache"
	echo "rounds: $ROUNDS interleaved, median wall time; peak RSS is the largest seen"
	bench_load_note
	echo "ess-tally: $("$ESS" --version 2>/dev/null | head -n 1)," \
		"bin/ess-tally of $(date -r bin/ess-tally '+%Y-%m-%d %H:%M:%S')"
	v=
	[ -n "$DUCK" ] && v="$v DuckDB node-api $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' \
		"$W/node_modules/@duckdb/node-api/package.json" | head -n 1),"
	available miller && v="$v $(mlr --version 2>/dev/null | head -n 1),"
	[ -n "$PY" ] && v="$v $("$PY" --version 2>&1),"
	available sqlite3 && v="$v sqlite3 $(sqlite3 --version | cut -d' ' -f1),"
	available mawk && v="$v $(mawk -W version 2>&1 | head -n 1 | cut -d' ' -f1-2),"
	available csvkit && v="$v csvkit $(csvsql --version 2>&1 | awk '{ print $NF }'),"
	echo "peers:${v%,}"
	echo
	printf '%-22s %9s %8s %9s %10s %8s %5s  %s\n' tool "median s" "min s" "MB/s" \
		"peak MiB" "x ess-t" runs counts
	printf '%-22s %9s %8s %9s %10s %8s %5s  %s\n' ---- -------- ----- ---- \
		-------- ------- ---- ------
	for t in "${TOOLS[@]}"; do
		if ! available "$t"; then
			printf '%-22s %s\n' "$(label "$t")" "skipped: not available"; continue
		fi
		if [ -z "${TIMES[$t]:-}" ]; then
			printf '%-22s %s\n' "$(label "$t")" "failed: ${FAILED[$t]:-?}"; continue
		fi
		read -r tt mm <<< "$(fig "$t")"
		ck=${CHECK[$t]:-}
		[ "$ck" = WRONG ] && ck="WRONG: ${MISS[$t]} rows miscounted ($(awk \
			-v m="${MISS[$t]}" -v n="$ROWS" 'BEGIN { printf "%.1f", 100 * m / n }') %)"
		awk -v t="$tt" -v lo="$(echo "${TIMES[$t]}" | minof)" -v m="$mm" -v b="$BYTES" -v e="$ESS_T" -v n="$(echo "${TIMES[$t]}" | wc -w)" \
			-v l="$(label "$t")" -v c="$ck" 'BEGIN {
			printf "%-22s %9.3f %8.3f %9.0f %10s %8s %5d  %s\n", l, t, lo, b / 1e6 / t,
				m == "-" ? "-" : sprintf("%.1f", m / 1024),
				e == "-" ? "-" : sprintf("%.2f", t / e), n, c }'
	done
	echo
	echo "MB/s: 10^6 bytes of input per second, from the median. x ess-t: the" \
		"tool's median over ess-tally's (above 1: ess-tally is faster)."
	echo "counts: ok = the same item,vote,count as the generator's true tally" \
		"(and so as ess-tally's when ess-tally is ok)."
	echo
	echo "ess-tally on smaller files:"
	awk -v t="$SMALL_T" -v m="$SMALL_M" -v n="$SMALL_ROWS" -v f="$SMALL" -v c="$SMALL_OK" 'BEGIN {
		if (t == "") { print "  " n " rows: failed"; exit }
		printf "  %-26s %9.3f s  peak %.1f MiB  counts %s  (median; memory check)\n", "ess-tally " n " rows", t, m / 1024, c }'
	if [ -n "$CK" ]; then
		for k in $( [ "$CSVKIT_ROWS" = "$SMALL_ROWS" ] || echo ck-ess) ck; do
			awk -v t="${STIME[$k]:-}" -v m="${SRSS[$k]:-}" -v c="${SCHECK[$k]:-}" \
				-v l="$( [ "$k" = ck ] && echo csvkit || echo ess-tally)" -v n="$CSVKIT_ROWS" \
				-v e="${STIME[ck-ess]:-}" 'BEGIN {
				if (t == "") { print "  " l ": " c; exit }
				printf "  %-26s %9.3f s  peak %.1f MiB  counts %s%s\n", l " " n " rows", t, m / 1024, c,
					(l == "csvkit" && e != "") ? sprintf("  (%.0fx ess-tally)", t / e) : "" }'
		done
	else
		echo "  csvkit: skipped (csvsql not available)"
	fi
	echo
	# Targets from issue 2, next to the figures.
	best="" best_t=""
	for t in duckdb miller python sqlite3; do
		[ "${CHECK[$t]:-}" = ok ] && [ -n "${TIMES[$t]:-}" ] || continue
		tt=$(echo "${TIMES[$t]}" | median)
		if [ -z "$best" ] || awk -v a="$tt" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then
			best=$t best_t=$tt
		fi
	done
	echo "Targets (issue 2):"
	if [ "$ESS_T" != - ] && [ "${CHECK[ess-tally]:-}" = ok ]; then
		if [ -n "$best" ]; then
			awk -v e="$ESS_T" -v p="$best_t" -v l="$(label "$best")" -v b="$BYTES" 'BEGIN {
				r = p / e
				printf "  speed:  >= 2x the fastest correct peer: %s %.0f MB/s, ess-tally %.0f MB/s = %.2fx  %s\n",
					l, b / 1e6 / p, b / 1e6 / e, r, (r >= 2) ? "met" : "NOT met" }'
		else
			echo "  speed:  >= 2x the fastest correct peer: no correct peer ran"
		fi
		awk -v e="$ESS_T" -v c="$CAT_T" 'BEGIN {
			if (c == "-" || c <= 0) { print "  cat:    no cat figure"; exit }
			r = e / c
			printf "  cat:    within 15x of cat: ess-tally / cat = %.1fx  %s\n", r, (r <= 15) ? "met" : "NOT met" }'
		awk -v m="$ESS_M" -v s="$SMALL_M" -v n="$ROWS" -v k="$SMALL_ROWS" 'BEGIN {
			if (m == "-" || s == "") { print "  memory: no figure"; exit }
			ok = (m / 1024 <= 8 && m - s <= 1024)
			printf "  memory: a few MB whatever the rows: %.1f MiB on %d rows, %.1f MiB on %d (<= 8 MiB, flat within 1 MiB)  %s\n",
				m / 1024, n, s / 1024, k, ok ? "met" : "NOT met" }'
	else
		echo "  ess-tally failed or miscounted: no target can be judged"
	fi
	agree="" differ=""
	for t in ess-stdin duckdb miller python sqlite3 mawk; do
		[ -n "${TIMES[$t]:-}" ] || continue
		if [ -n "${AGREE[$t]:-}" ]; then
			agree="$agree $(label "$t"),"
		else
			differ="$differ $(label "$t"),"
		fi
	done
	echo
	echo "Agree with ess-tally's counts:${agree%,}"
	echo "Disagree:${differ%,}${differ:+ (see the counts column)}"
	[ "${CHECK[ess-tally]:-}" = ok ] ||
		echo "WARNING: ess-tally's own counts differ from the generator's true tally."
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo
cat "$RESULTS"
echo
echo "(also in $RESULTS)"
