#!/usr/bin/env bash
# bench/directory.sh: time `ess-directory query` against the tools a user
# would reach for, on the same generated directory, and check that they keep
# the same rows; then time `ess-directory import --from=sirene` on a generated
# SIRENE establishment stock. Run by bench/run, so by `make bench` (which
# builds bin/ first), or alone; see bench/README.
#
#   BENCH_DIR_ROWS=N       rows in the directory (default 2000000, about 450 MB)
#   BENCH_SIRENE_ROWS=N    rows in the SIRENE file (default 5000000, about 1.1 GB)
#   BENCH_ROUNDS=N         interleaved rounds (default 3); the median is reported
#   BENCH_SLOW=S           a peer whose first round takes more than S seconds
#                          runs only once (default 60)
#   BENCH_TIMEOUT=S        a run that takes longer is stopped (default 900)
#   BENCH_INSTALL=0        do not install missing tools, even as root
#   BENCH_CSVKIT=0         skip csvkit
#   BENCH_ESS_DIRECTORY=P  the binary to time (default bin/ess-directory)

set -u
export LC_ALL=C.UTF-8 2>/dev/null || export LC_ALL=C

cd "$(dirname "$0")/.." || exit 1
W=bench/work
mkdir -p "$W" || exit 1
ROWS=${BENCH_DIR_ROWS:-2000000}
SROWS=${BENCH_SIRENE_ROWS:-5000000}
ROUNDS=${BENCH_ROUNDS:-3}
SLOW=${BENCH_SLOW:-60}
TIMEOUT=${BENCH_TIMEOUT:-900}
ESS=${BENCH_ESS_DIRECTORY:-bin/ess-directory}
RESULTS=$W/results-directory.txt
# The query every tool runs: postcode starting with 24 (the Dordogne) and a
# word starting with "coop" in name, description, offers, needs or tags.
PREFIX=24 WORD=coop

. bench/lib.sh
case $ROWS$SROWS$ROUNDS in *[!0-9]*)
	say "bench: BENCH_DIR_ROWS, BENCH_SIRENE_ROWS and BENCH_ROUNDS must be whole numbers"
	exit 64 ;;
esac
[ "$ROWS" -ge 100 ] && [ "$SROWS" -ge 10 ] && [ "$ROUNDS" -ge 1 ] || {
	say "bench: BENCH_DIR_ROWS must be at least 100, BENCH_SIRENE_ROWS 10, BENCH_ROUNDS 1"
	exit 64
}
if [ ! -x "$ESS" ]; then
	say "bench: $ESS is missing: run 'make bench' (or 'make' first)"
	exit 1
fi
# Time a copy, so that a rebuild of bin/ during the run cannot mix binaries.
ESS_SRC=$ESS ESS_DATE=$(date -r "$ESS" '+%Y-%m-%d %H:%M:%S')
cp "$ESS" "$W/ess-directory.tmp" && mv "$W/ess-directory.tmp" "$W/ess-directory" || exit 1
ESS=$W/ess-directory

# ---------------------------------------------------------------- tools
# Install what is missing when root (Debian packages), else say what to run.
csvkit=
[ "${BENCH_CSVKIT:-1}" = 0 ] || csvkit=csvgrep=csvkit
bench_tools /usr/bin/time=time mlr=miller timeout=coreutils grep=grep $csvkit
[ -n "$PY" ] || say "bench: python3 is missing: rows are not checked, python3 skipped"

# ------------------------------------------------------------- the data
CC=${CC:-cc}
GEN=$W/gen-directory
if [ ! -x "$GEN" ] || [ bench/gen-directory.c -nt "$GEN" ]; then
	$CC -O2 -o "$GEN" bench/gen-directory.c -lm ||
		{ say "bench: cannot build bench/gen-directory.c"; exit 1; }
fi

# The rows the query must keep, as the generator chose them, one JSON array a
# line (header first): what every tool's output is compared with, by parsing.
TRUTH_PY='
import csv, json, sys
src, ids_file, out = sys.argv[1:4]
ids = set(open(ids_file).read().split())
with open(src, newline="", encoding="utf-8") as f, open(out, "w") as o:
    rows = csv.reader(f)
    o.write(json.dumps(next(rows)) + "\n")
    for row in rows:
        if row and row[0] in ids:
            o.write(json.dumps(row) + "\n")
'
# check TRUTH OUTPUT NORM: parse a tool's CSV, write it as JSON lines to NORM
# and print STATUS|ROWS|DETAIL: ok, ALTERED (the right rows, some fields
# changed), WRONG (rows missing or extra) or UNREADABLE.
CHECK_PY='
import csv, json, sys
truth_file, out_file, norm_file = sys.argv[1:4]
truth = open(truth_file).read().splitlines()
try:
    with open(out_file, newline="", encoding="utf-8") as f:
        got = [json.dumps(r) for r in csv.reader(f)]
except (UnicodeDecodeError, csv.Error) as e:
    print("UNREADABLE|-|%s" % e); sys.exit()
open(norm_file, "w").write("".join(g + "\n" for g in got))
n = max(len(got) - 1, 0)
if got == truth:
    print("ok|%d|" % n); sys.exit()
if not got or got[0] != truth[0]:
    print("WRONG|%d|header differs" % n); sys.exit()
def key(line): return json.loads(line)[0] if line.startswith("[\"") else line
t = {key(l): l for l in truth[1:]}
g = {key(l): l for l in got[1:]}
missing = sum(1 for k in t if k not in g)
extra = sum(1 for k in g if k not in t)
altered = sum(1 for k in g if k in t and g[k] != t[k])
if missing or extra or len(g) != n:
    print("WRONG|%d|%d missing, %d extra, truth %d" % (n, missing, extra, len(t)))
elif altered:
    print("ALTERED|%d|%d row%s with a field changed" % (n, altered, "s"[:altered != 1]))
else:
    print("ALTERED|%d|rows in another order" % n)
'

# data ROWS: make $W/directory-ROWS.csv, its true count (.expected), the ids
# (.ids), the true rows (.truth) and the generator's figures (.stats) once;
# print the name.
data() {
	local f=$W/directory-$1.csv
	if [ ! -s "$f" ] || [ ! -s "$f.expected" ] || [ ! -f "$f.ids" ] ||
		[ "$GEN" -nt "$f" ]; then
		say "bench: generating $f ($1 rows)"
		"$GEN" "$1" "$f.expected" "$f.ids" > "$f.tmp" 2> "$f.stats" &&
			mv "$f.tmp" "$f" ||
			{ say "bench: cannot write $f"; rm -f "$f.tmp"; exit 1; }
		rm -f "$f.truth"
	fi
	if [ -n "$PY" ] && { [ ! -s "$f.truth" ] || [ "$f" -nt "$f.truth" ]; }; then
		"$PY" -c "$TRUTH_PY" "$f" "$f.ids" "$f.truth.tmp" && mv "$f.truth.tmp" "$f.truth" ||
			{ say "bench: cannot write $f.truth"; exit 1; }
	fi
	printf '%s\n' "$f"
}
sirene_data() {
	local f=$W/sirene-$1.csv
	if [ ! -s "$f" ] || [ "$GEN" -nt "$f" ]; then
		say "bench: generating $f ($1 rows)"
		"$GEN" --sirene "$1" > "$f.tmp" && mv "$f.tmp" "$f" ||
			{ say "bench: cannot write $f"; rm -f "$f.tmp"; exit 1; }
	fi
	printf '%s\n' "$f"
}
FILE=$(data "$ROWS") || exit 1
SMALL_ROWS=$((ROWS / 10)); [ "$SMALL_ROWS" -ge 100 ] || SMALL_ROWS=100
SMALL=$(data "$SMALL_ROWS") || exit 1
CSVKIT_ROWS=$((ROWS < 200000 ? ROWS : 200000))
BYTES=$(wc -c < "$FILE")
TRUE_N=$(head -n 1 "$FILE.expected")

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
			node bench/duckdb-query.js "$tiny" "$W/dir-duck-smoke.csv" \
				> "$W/dir-duck-smoke.txt" 2>&1 &&
			DUCK=node || say "bench: DuckDB does not run here: skipped" \
				"($(head -c 300 "$W/dir-duck-smoke.txt" | tr -s "\n" " "))"
	fi
else
	say "bench: node or npm missing: DuckDB skipped"
fi

# ------------------------------------------------------------ the tools
# shellcheck disable=SC2016  # Miller's $fields, not the shell's
MLR_EXPR='strip($postcode) =~ "^'$PREFIX'" && tolower($name . " " . $description . " " . $offers . " " . $needs . " " . $tags) =~ "(^|[^a-z0-9])'$WORD'"'
GREP_RE="$WORD.*,${PREFIX}[0-9]{3},|,${PREFIX}[0-9]{3},.*$WORD"
# shellcheck disable=SC2016  # csvkit's pipeline is expanded by sh -c
# set_cmd TOOL FILE: CMD (argv), OUT (where its output lands), STDOUT (where
# its stdout goes) and FMT (csv, num, lines or none).
set_cmd() {
	local f=$2
	OUT=$W/dir-out-$1.txt STDOUT='' FMT=csv
	case $1 in
	cat) CMD=(cat "$f") FMT=none OUT=/dev/null ;;
	ess-directory) CMD=("$ESS" query "--postcode=$PREFIX" "--search=$WORD*" "$f") ;;
	ess-count) CMD=("$ESS" query "--postcode=$PREFIX" "--search=$WORD*" --count "$f") FMT=num ;;
	duckdb) CMD=(node bench/duckdb-query.js "$f" "$OUT" "$PREFIX" "$WORD") STDOUT=/dev/null ;;
	miller) CMD=(mlr -S --icsv --ocsv filter "$MLR_EXPR" "$f") ;;
	python) CMD=("$PY" bench/py-query.py "--postcode=$PREFIX" "--search=$WORD*" "$f") ;;
	grep) CMD=(grep -c -i -E "$GREP_RE" "$f") FMT=num ;;
	csvkit) CMD=(sh -c 'csvgrep -c postcode -r "^\s*$2" "$1" |
		csvgrep -a -c name,description,offers,needs,tags -r "(?i)(^|[^a-z0-9])$3"' \
		sh "$f" "$PREFIX" "$WORD") ;;
	import) CMD=("$ESS" import --from=sirene "$f") FMT=lines ;;
	esac
	[ -n "$STDOUT" ] || STDOUT=$OUT
}
label() {
	case $1 in
	cat) echo "cat > /dev/null" ;; ess-directory) echo "ess-directory" ;;
	ess-count) echo "ess-directory --count" ;; duckdb) echo "DuckDB (2 threads)" ;;
	miller) echo "Miller filter" ;; python) echo "python3 csv" ;;
	grep) echo "grep -ciE (naive)" ;; csvkit) echo "csvkit csvgrep" ;;
	import) echo "ess-directory import" ;; *) echo "$1" ;;
	esac
}
available() {
	case $1 in
	duckdb) [ -n "$DUCK" ] ;; python) [ -n "$PY" ] ;;
	miller) command -v mlr >/dev/null 2>&1 ;;
	grep) command -v grep >/dev/null 2>&1 ;;
	csvkit) [ "${BENCH_CSVKIT:-1}" != 0 ] && command -v csvgrep >/dev/null 2>&1 ;;
	*) true ;;
	esac
}

# measure TOOL FILE: run once; sets T (wall s), M (peak RSS KiB), RC.
measure() {
	local tool=$1 t0 t1
	set_cmd "$tool" "$2"
	[ "$OUT" = /dev/null ] || rm -f "$OUT"
	t0=$EPOCHREALTIME
	if [ -n "$TIMEBIN" ]; then
		${TO[@]+"${TO[@]}"} "$TIMEBIN" -f '%e %M' -o "$W/dir-time-$tool.txt" "${CMD[@]}" \
			< /dev/null > "$STDOUT" 2> "$W/dir-err-$tool.txt"
	else
		${TO[@]+"${TO[@]}"} "${CMD[@]}" < /dev/null > "$STDOUT" 2> "$W/dir-err-$tool.txt"
	fi
	RC=$?
	t1=$EPOCHREALTIME
	T=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	M=
	[ -n "$TIMEBIN" ] && M=$(tail -n 1 "$W/dir-time-$tool.txt" | awk '{ print $2 }')
}

# check TOOL FILE: compare the last output with the true rows; sets
# ST (ok, ALTERED, WRONG...), NROWS and DETAIL.
check() {
	local exp n
	set_cmd "$1" "$2"
	ST=- NROWS=- DETAIL=
	case $FMT in
	none) return ;;
	num) n=$(tr -d ' \n' < "$OUT")
		exp=$(head -n 1 "$2.expected")
		NROWS=$n
		if [ "$n" = "$exp" ]; then ST=ok
		else ST=WRONG DETAIL="truth $exp"; fi ;;
	lines) NROWS=$(($(wc -l < "$OUT") - 1)) ST=- ;;
	csv) if [ -z "$PY" ]; then ST=unchecked; return; fi
		IFS='|' read -r ST NROWS DETAIL <<< "$("$PY" -c "$CHECK_PY" "$2.truth" \
			"$OUT" "$W/dir-norm-$1.txt")" ;;
	esac
}


# ------------------------------------------------------------ the rounds
TOOLS=(cat ess-directory ess-count duckdb miller python grep)
RUN=()
for t in "${TOOLS[@]}"; do
	if available "$t"; then RUN+=("$t"); else say "bench: $(label "$t"): not available, skipped"; fi
done
declare -A TIMES RSS FAILED ONCE CHECK NOUT DET

say "bench: $FILE, $ROWS rows, $BYTES bytes; $ROUNDS interleaved rounds"
cat "$FILE" > /dev/null; cat "$FILE" > /dev/null   # into the page cache
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
for ((r = 1; r <= ROUNDS; r++)); do
	say "bench: round $r/$ROUNDS"
	for t in "${RUN[@]}"; do
		[ -n "${FAILED[$t]:-}" ] && continue
		[ "$r" -gt 1 ] && [ -n "${ONCE[$t]:-}" ] && continue
		measure "$t" "$FILE"
		# grep -c exits 1 when it counts nothing: not a failure
		if [ "$RC" != 0 ] && ! { [ "$t" = grep ] && [ "$RC" = 1 ]; }; then
			FAILED[$t]="exit $RC"
			[ "$RC" = 124 ] && FAILED[$t]="timed out after ${TIMEOUT}s"
			say "bench: $(label "$t") failed (${FAILED[$t]}): $(head -c 400 "$W/dir-err-$t.txt" | tr -s "\n" " ")"
			continue
		fi
		say "$(printf '  %-24s %8.3f s  %s KiB' "$(label "$t")" "$T" "${M:-?}")"
		TIMES[$t]="${TIMES[$t]:-} $T"
		RSS[$t]="${RSS[$t]:-} $M"
		check "$t" "$FILE"
		# the worst verdict of the rounds is kept
		if [ -z "${CHECK[$t]:-}" ] || [ "${CHECK[$t]}" = ok ]; then
			CHECK[$t]=$ST NOUT[$t]=$NROWS DET[$t]=$DETAIL
		fi
		case $t in cat | ess-*) ;; *) false ;; esac ||
		if [ "$r" = 1 ] && [ "$ROUNDS" -gt 1 ] &&
			awk -v t="$T" -v s="$SLOW" 'BEGIN { exit !(t > s) }'; then
			ONCE[$t]=1
			say "bench: $(label "$t") took over ${SLOW}s: run once only"
		fi
	done
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ------------------------------------------- smaller files: memory, csvkit
declare -A STIME SRSS SCHECK SNOUT
small_run() { # KEY TOOL FILE
	measure "$2" "$3"
	if [ "$RC" != 0 ]; then
		SCHECK[$1]="FAILED ($RC)"
		say "bench: $(label "$2") on $3 failed: $(head -c 400 "$W/dir-err-$2.txt" | tr -s "\n" " ")"
		return
	fi
	STIME[$1]=$T SRSS[$1]=$M
	check "$2" "$3"
	SCHECK[$1]=$ST SNOUT[$1]=$NROWS
	[ -n "$DETAIL" ] && SCHECK[$1]="$ST ($DETAIL)"
	say "$(printf '  %-24s %8.3f s  %s KiB  (%s)' "$(label "$2")" "$T" "${M:-?}" "$3")"
}
say "bench: ess-directory on $SMALL ($SMALL_ROWS rows): memory must stay flat"
cat "$SMALL" > /dev/null
for ((r = 1; r <= ROUNDS; r++)); do
	small_run "small$r" ess-directory "$SMALL"
done
SMALL_T=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${STIME[small$r]:-}"; done | median)
SMALL_M=$(for ((r = 1; r <= ROUNDS; r++)); do echo "${SRSS[small$r]:-}"; done | maxof)
SMALL_OK=${SCHECK[small1]:-}
CK=
if available csvkit; then
	CKFILE=$(data "$CSVKIT_ROWS") || exit 1
	say "bench: csvkit on $CKFILE ($CSVKIT_ROWS rows), once, beside ess-directory"
	cat "$CKFILE" > /dev/null
	if [ "$CSVKIT_ROWS" = "$SMALL_ROWS" ]; then
		STIME[ck-ess]=$SMALL_T SRSS[ck-ess]=$SMALL_M SCHECK[ck-ess]=$SMALL_OK
		SNOUT[ck-ess]=${SNOUT[small1]:-}
	else
		small_run ck-ess ess-directory "$CKFILE"
	fi
	small_run ck csvkit "$CKFILE"
	CK=1
else
	say "bench: csvkit (csvgrep) not available, skipped"
fi

# --------------------------------------------------- SIRENE import
SFILE=$(sirene_data "$SROWS") || exit 1
SSMALL_ROWS=$((SROWS / 10)); [ "$SSMALL_ROWS" -ge 10 ] || SSMALL_ROWS=10
SSMALL=$(sirene_data "$SSMALL_ROWS") || exit 1
declare -A ITIME IRSS IOUT
IFAIL=
for key in big small; do
	f=$SFILE
	[ "$key" = small ] && f=$SSMALL
	say "bench: ess-directory import --from=sirene $f"
	cat "$f" > /dev/null; cat "$f" > /dev/null
	for ((r = 1; r <= ROUNDS; r++)); do
		measure import "$f"
		if [ "$RC" != 0 ]; then
			IFAIL="exit $RC: $(head -c 300 "$W/dir-err-import.txt" | tr -s "\n" " ")"
			say "bench: ess-directory import failed ($IFAIL)"
			break 2
		fi
		say "$(printf '  %-24s %8.3f s  %s KiB' "import $key" "$T" "${M:-?}")"
		ITIME[$key]="${ITIME[$key]:-} $T"
		IRSS[$key]="${IRSS[$key]:-} $M"
		check import "$f"
		IOUT[$key]=$NROWS
	done
done
rm -f "$W/dir-out-import.txt"   # up to a gigabyte

# ------------------------------------------------------------ the report
fig() { # TOOL: median s, peak KiB
	local t m
	t=$(echo "${TIMES[$1]:-}" | median)
	m=$(echo "${RSS[$1]:-}" | maxof)
	echo "${t:--} ${m:--}"
}
read -r ESS_T ESS_M <<< "$(fig ess-directory)"
read -r CAT_T _ <<< "$(fig cat)"
verdict() { # STATUS DETAIL
	case $1 in
	ok) echo "ok" ;;
	-) echo "-" ;;
	*) echo "$1${2:+: $2}" ;;
	esac
}
{
	echo "make bench: ess-directory query against its peers"
	echo "date: $(date '+%Y-%m-%d %H:%M')  machine: $(nproc) cores," \
		"$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "file: $FILE, $ROWS rows, $BYTES bytes ($(awk -v b="$BYTES" \
		'BEGIN { printf "%.0f", b / 1e6 }') MB), in the page cache"
	echo "query: postcode (spaces trimmed) starts with $PREFIX, and a word of name," \
		"description,"
	echo "  offers, needs or tags starts with \"$WORD\" once folded (case, accents):" \
		"$TRUE_N true rows"
	echo "  generator: $(sed 's/^rows=[0-9]* //' "$FILE.stats" 2>/dev/null |
		tr ' ' ',' | sed 's/,/, /g')"
	echo "rounds: $ROUNDS interleaved, median wall time; peak RSS is the largest seen"
	bench_load_note
	echo "ess-directory: $("$ESS" --version 2>/dev/null | head -n 1)," \
		"$ESS_SRC of $ESS_DATE"
	v=
	[ -n "$DUCK" ] && v="$v DuckDB node-api $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' \
		"$W/node_modules/@duckdb/node-api/package.json" | head -n 1),"
	available miller && v="$v $(mlr --version 2>/dev/null | head -n 1),"
	[ -n "$PY" ] && v="$v $("$PY" --version 2>&1),"
	available grep && v="$v $(grep --version | head -n 1),"
	available csvkit && v="$v csvkit $(csvgrep --version 2>&1 | awk '{ print $NF }'),"
	echo "peers:${v%,}"
	echo
	printf '%-24s %9s %8s %8s %9s %8s %4s %7s  %s\n' tool "median s" "min s" "MB/s" \
		"peak MiB" "x ess-d" runs rows check
	printf '%-24s %9s %8s %8s %9s %8s %4s %7s  %s\n' ---- -------- ----- ---- \
		-------- ------- ---- ---- -----
	for t in "${TOOLS[@]}"; do
		if ! available "$t"; then
			printf '%-24s %s\n' "$(label "$t")" "skipped: not available"; continue
		fi
		if [ -z "${TIMES[$t]:-}" ]; then
			printf '%-24s %s\n' "$(label "$t")" "failed: ${FAILED[$t]:-?}"; continue
		fi
		read -r tt mm <<< "$(fig "$t")"
		awk -v t="$tt" -v lo="$(echo "${TIMES[$t]}" | minof)" -v m="$mm" -v b="$BYTES" \
			-v e="$ESS_T" -v n="$(echo "${TIMES[$t]}" | wc -w)" -v l="$(label "$t")" \
			-v rows="${NOUT[$t]:--}" -v c="$(verdict "${CHECK[$t]:--}" "${DET[$t]:-}")" 'BEGIN {
			printf "%-24s %9.3f %8.3f %8.0f %9s %8s %4d %7s  %s\n", l, t, lo, b / 1e6 / t,
				m == "-" ? "-" : sprintf("%.1f", m / 1024),
				e == "-" ? "-" : sprintf("%.2f", t / e), n, rows, c }'
	done
	echo
	echo "MB/s: 10^6 bytes of input per second, from the median. x ess-d: the tool's"
	echo "median over ess-directory's (above 1: ess-directory is faster)."
	echo "check: ok = exactly the true rows, in input order, every field as in the input"
	echo "(compared by parsing, not byte for byte); ALTERED = the right rows with some"
	echo "field changed; WRONG = rows missing or extra. The grep counts the lines holding"
	echo "\"$WORD\" and \",$PREFIX\" followed by three digits and a comma, in either order."
	echo
	echo "ess-directory and csvkit on smaller files:"
	awk -v t="$SMALL_T" -v m="$SMALL_M" -v n="$SMALL_ROWS" -v c="$SMALL_OK" \
		-v rows="${SNOUT[small1]:-}" 'BEGIN {
		if (t == "") { print "  ess-directory " n " rows: failed"; exit }
		printf "  %-30s %8.3f s  peak %6.1f MiB  rows %s  %s  (median; memory check)\n",
			"ess-directory " n " rows", t, m / 1024, rows, c }'
	if [ -n "$CK" ]; then
		for k in $( [ "$CSVKIT_ROWS" = "$SMALL_ROWS" ] || echo ck-ess) ck; do
			awk -v t="${STIME[$k]:-}" -v m="${SRSS[$k]:-}" -v c="${SCHECK[$k]:-}" \
				-v rows="${SNOUT[$k]:-}" \
				-v l="$( [ "$k" = ck ] && echo "csvkit csvgrep" || echo ess-directory)" \
				-v n="$CSVKIT_ROWS" -v e="${STIME[ck-ess]:-}" 'BEGIN {
				if (t == "") { print "  " l ": " c; exit }
				printf "  %-30s %8.3f s  peak %6.1f MiB  rows %s  %s%s\n", l " " n " rows",
					t, m / 1024, rows, c,
					(l != "ess-directory" && e != "") ? sprintf("  (%.1fx ess-directory)", t / e) : "" }'
		done
	else
		echo "  csvkit: skipped (csvgrep not available)"
	fi
	echo
	echo "Summary:"
	if [ "$ESS_T" != - ]; then
		awk -v e="$ESS_T" -v c="$CAT_T" -v b="$BYTES" -v ok="${CHECK[ess-directory]:-}" 'BEGIN {
			printf "  ess-directory: %.0f MB/s, rows %s; ess-directory / cat = %s\n", b / 1e6 / e, ok,
				(c == "-" || c <= 0) ? "-" : sprintf("%.1fx", e / c) }'
		best="" best_t=""
		for t in duckdb miller python; do
			[ "${CHECK[$t]:-}" = ok ] && [ -n "${TIMES[$t]:-}" ] || continue
			tt=$(echo "${TIMES[$t]}" | median)
			if [ -z "$best" ] || awk -v a="$tt" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then
				best=$t best_t=$tt
			fi
		done
		if [ -n "$best" ]; then
			awk -v e="$ESS_T" -v p="$best_t" -v l="$(label "$best")" -v b="$BYTES" 'BEGIN {
				printf "  fastest peer with the right rows: %s, %.0f MB/s: ess-directory is %.1fx as fast\n",
					l, b / 1e6 / p, p / e }'
		else
			echo "  fastest peer with the right rows: none ran correctly"
		fi
		awk -v m="$ESS_M" -v s="$SMALL_M" -v n="$ROWS" -v k="$SMALL_ROWS" 'BEGIN {
			if (m == "-" || s == "") { print "  memory: no figure"; exit }
			d = m - s; if (d < 0) d = -d
			printf "  memory: %.1f MiB on %d rows, %.1f MiB on %d: %s\n", m / 1024, n, s / 1024, k,
				d <= 1024 ? "flat (within 1 MiB)" : "GROWS with the input" }'
	else
		echo "  ess-directory failed: ${FAILED[ess-directory]:-?}"
	fi
	if [ -n "${TIMES[grep]:-}" ]; then
		echo "  grep: ${NOUT[grep]:-?} lines against $TRUE_N true rows: it counts \"$WORD\" in"
		echo "    columns that are not searched (family, legal_form, sector, address, e-mail,"
		echo "    site), and misses rows split by a line break inside a quoted description"
	fi
	[ "${CHECK[ess-directory]:-}" = ok ] ||
		echo "WARNING: ess-directory's rows differ from the true rows (see the check column)."
	echo
	echo "ess-directory import --from=sirene (SIRENE establishment stock, $(head -n 1 "$SFILE" |
		tr ',' '\n' | wc -l) columns):"
	if [ -n "$IFAIL" ]; then
		echo "  failed: $IFAIL"
	fi
	for key in big small; do
		[ -n "${ITIME[$key]:-}" ] || continue
		n=$SROWS f=$SFILE
		[ "$key" = small ] && n=$SSMALL_ROWS f=$SSMALL
		awk -v t="$(echo "${ITIME[$key]}" | median)" -v m="$(echo "${IRSS[$key]}" | maxof)" \
			-v n="$n" -v b="$(wc -c < "$f")" -v o="${IOUT[$key]:-?}" 'BEGIN {
			printf "  %9d rows (%5.0f MB) %8.3f s  %9.0f rows/s  %6.0f MB/s  peak %6.1f MiB  %s records out\n",
				n, b / 1e6, t, n / t, b / 1e6 / t, m / 1024, o }'
	done
	if [ -n "${IRSS[big]:-}" ] && [ -n "${IRSS[small]:-}" ]; then
		awk -v m="$(echo "${IRSS[big]}" | maxof)" -v s="$(echo "${IRSS[small]}" | maxof)" 'BEGIN {
			d = m - s; if (d < 0) d = -d
			printf "  memory: %s\n", d <= 1024 ? "flat (within 1 MiB)" : "GROWS with the input" }'
	fi
	echo "  (median of $ROUNDS runs each, output written to a file in bench/work/;" \
		"records out: lines written less the header)"
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo
cat "$RESULTS"
echo
echo "(also in $RESULTS)"
