#!/usr/bin/env bash
# bench/basket.sh: time basket-orders on a generated association's year (the
# producers' totals and the twelve monthly invoices) against sqlite3 doing
# the same computation from the same CSV files (bench/basket.sql), check
# that both find the same cents, and report the ratio and peak memory at
# two sizes. Run by bench/run, so by `make bench` (which builds bin/ first),
# or alone; see bench/README.
#
#   BENCH_HOUSEHOLDS=N  households (default 5000, about 6,900 members); the
#                       bench also runs on N/10 to show memory growth
#   BENCH_YEAR=Y        the year of distributions (default 2026)
#   BENCH_ROUNDS=N      interleaved rounds (default 3); the median is reported
#   BENCH_TIMEOUT=S     a run that takes longer is stopped (default 900)
#   BENCH_INSTALL=0     do not install sqlite3 or time, even as root

set -u
export LC_ALL=C.UTF-8 2>/dev/null || export LC_ALL=C

cd "$(dirname "$0")/.." || exit 1
W=bench/work
mkdir -p "$W" || exit 1
HH=${BENCH_HOUSEHOLDS:-5000}
YEAR=${BENCH_YEAR:-2026}
ROUNDS=${BENCH_ROUNDS:-3}
TIMEOUT=${BENCH_TIMEOUT:-900}
BO=bin/basket-orders   # copied into bench/work below: one binary for the whole run
RESULTS=$W/results-basket.txt

. bench/lib.sh
TIMEFILE=$W/basket-time.txt
case $HH$YEAR$ROUNDS in *[!0-9]*)
	say "bench: BENCH_HOUSEHOLDS, BENCH_YEAR and BENCH_ROUNDS must be whole numbers"; exit 64 ;; esac
[ "$HH" -ge 10 ] && [ "$ROUNDS" -ge 1 ] && [ "$YEAR" -ge 1971 ] && [ "$YEAR" -le 9998 ] || {
	say "bench: BENCH_HOUSEHOLDS must be at least 10, BENCH_ROUNDS at least 1," \
		"BENCH_YEAR from 1971 to 9998"; exit 64; }
if [ ! -x "$BO" ]; then
	say "bench: $BO is missing: run 'make bench' (or 'make' first)"
	exit 1
fi
cp "$BO" "$W/basket-orders.tmp" && mv "$W/basket-orders.tmp" "$W/basket-orders" || exit 1
BO=$W/basket-orders

bench_tools /usr/bin/time=time sqlite3=sqlite3 timeout=coreutils
SQLITE=
command -v sqlite3 >/dev/null 2>&1 && SQLITE=sqlite3

# ------------------------------------------------------------- the data
CC=${CC:-cc}
if [ ! -x "$W/gen-basket" ] || [ bench/gen-basket.c -nt "$W/gen-basket" ]; then
	$CC -O2 -o "$W/gen-basket" bench/gen-basket.c ||
		{ say "bench: cannot build bench/gen-basket.c"; exit 1; }
fi
# data N: make the folder $W/basket-N once (for YEAR), print its name.
data() {
	local d=$W/basket-$1
	if [ ! -f "$d/.done-$YEAR" ] || [ "$W/gen-basket" -nt "$d/.done-$YEAR" ]; then
		say "bench: generating $d ($1 households, $YEAR)"
		rm -rf "$d" && mkdir -p "$d" && "$W/gen-basket" "$1" "$YEAR" "$d" &&
			touch "$d/.done-$YEAR" || { say "bench: cannot write $d"; exit 1; }
	fi
	printf '%s\n' "$d"
}
BIG=$(data "$HH") || exit 1
SMALL_HH=$((HH / 10)); [ "$SMALL_HH" -ge 10 ] || SMALL_HH=10
SMALL=$(data "$SMALL_HH") || exit 1

# ------------------------------------------------------------ the runs
# timed_add (bench/lib.sh) sums the 13 processes of a run.

# run_bo DIR: totals for the year, then each month's invoice; sets T, M, RC.
# Outputs in $W/basket-out/.
run_bo() {
	local d=$1 mo o=$W/basket-out
	mkdir -p "$o"
	T=0 M='' RC=0
	timed_add "$o/totals.csv" "$o/err-totals.txt" "$BO" -C "$d" -o csv totals \
		--from="$YEAR-01-01" --to="$YEAR-12-31" --by=product
	for mo in 01 02 03 04 05 06 07 08 09 10 11 12; do
		timed_add "$o/invoice-$mo.csv" "$o/err-invoice-$mo.txt" "$BO" -C "$d" -o csv \
			invoice --month="$YEAR-$mo"
	done
}

# run_sqlite DIR: one sqlite3 process imports the CSV files it needs and
# runs bench/basket.sql; sets T, M, RC. Output in $W/basket-out/sqlite.csv.
run_sqlite() {
	local d=$1 f o=$W/basket-out
	mkdir -p "$o"
	{
		printf "CREATE TABLE bench(y); INSERT INTO bench VALUES ('%s');\n" "$YEAR"
		for f in closures subscriptions orders products absences; do
			printf '.import --csv "%s/%s.csv" %s\n' "$d" "$f" "$f"
		done
		printf '.read bench/basket.sql\n'
	} > "$o/sqlite.in"
	T=0 M='' RC=0
	timed_add "$o/sqlite.csv" "$o/err-sqlite.txt" sqlite3 -csv -bail :memory: \
		".read $o/sqlite.in"
}

# Both outputs as sorted lines: "totals,product,thousandths,cents" and
# "invoice,YYYY-MM,member,cents".
norm_bo() {
	local o=$W/basket-out mo
	# totals: producer,product,label,quantity,amount; the label may hold
	# commas, so quantity and amount are read from the end of the line.
	awk -F, 'NR > 1 { q = $(NF - 1); a = $NF
		if (q ~ /\./) { sub(/\./, "", q) } else q = q * 1000
		sub(/\./, "", a)
		print "totals," $2 "," q + 0 "," a + 0 }' "$o/totals.csv"
	# invoices: the member's total row: member,name,,,total,,,amount
	# (generated names hold no comma).
	for mo in 01 02 03 04 05 06 07 08 09 10 11 12; do
		awk -F, -v m="$YEAR-$mo" '$3 == "" && $4 == "" && $5 == "total" {
			a = $NF; sub(/\./, "", a); print "invoice," m "," $1 "," a + 0 }' \
			"$o/invoice-$mo.csv"
	done
}
norm_sqlite() {
	tr -d '\r"' < "$W/basket-out/sqlite.csv"
}
# check KEY: compares both tools' normalised outputs; sets CHECK[KEY].
declare -A CHECK SUMS
check() {
	local o=$W/basket-out
	norm_bo | LC_ALL=C sort > "$o/norm-bo-$1.txt"
	norm_sqlite | LC_ALL=C sort > "$o/norm-sqlite-$1.txt"
	SUMS[$1]=$(awk -F, '$1 == "totals" { t += $4 } $1 == "invoice" { i += $4; n++ }
		END { printf "totals %.2f, invoices %.2f (%d member-months)", t / 100, i / 100, n }' \
		"$o/norm-bo-$1.txt")
	if [ ! -s "$o/norm-bo-$1.txt" ]; then
		CHECK[$1]="NO OUTPUT"
	elif cmp -s "$o/norm-bo-$1.txt" "$o/norm-sqlite-$1.txt"; then
		CHECK[$1]=ok
	else
		CHECK[$1]="DIFFER ($(diff "$o/norm-bo-$1.txt" "$o/norm-sqlite-$1.txt" |
			grep -c '^[<>]') lines; diff $o/norm-bo-$1.txt $o/norm-sqlite-$1.txt)"
	fi
}

declare -A TIMES RSS FAILED
# round KEY DIR TOOL
one() {
	local key=$1 d=$2 tool=$3
	[ -n "${FAILED[$key-$tool]:-}" ] && return
	case $tool in
	bo) run_bo "$d" ;;
	sqlite) run_sqlite "$d" ;;
	esac
	if [ "$RC" != 0 ]; then
		FAILED[$key-$tool]="exit $RC"
		[ "$RC" = 124 ] && FAILED[$key-$tool]="timed out after ${TIMEOUT}s"
		say "bench: $tool on $d failed (${FAILED[$key-$tool]}): $(cat "$W"/basket-out/err-*.txt |
			head -c 400 | tr -s "\n" " ")"
		return
	fi
	say "$(printf '  %-28s %8.3f s  %s KiB' "$(label "$tool") ($key)" "$T" "${M:-?}")"
	TIMES[$key-$tool]="${TIMES[$key-$tool]:-} $T"
	RSS[$key-$tool]="${RSS[$key-$tool]:-} $M"
}
label() {
	case $1 in bo) echo basket-orders ;; sqlite) echo sqlite3 ;; *) echo "$1" ;; esac
}

TOOLS=(bo)
if [ -n "$SQLITE" ]; then
	TOOLS+=(sqlite)
else
	say "bench: sqlite3 not available: basket-orders runs alone, unchecked"
fi
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
for key in big small; do
	if [ $key = big ]; then d=$BIG n=$HH; else d=$SMALL n=$SMALL_HH; fi
	cat "$d"/*.csv > /dev/null
	say "bench: $d, $n households, $(($(wc -l < "$d/members.csv") - 1)) members," \
		"$(($(wc -l < "$d/subscriptions.csv") - 1)) subscriptions," \
		"$(($(wc -l < "$d/orders.csv") - 1)) orders; $ROUNDS interleaved rounds"
	for ((r = 1; r <= ROUNDS; r++)); do
		say "bench: round $r/$ROUNDS"
		for t in "${TOOLS[@]}"; do
			one "$key" "$d" "$t"
		done
		# Check the outputs of the first round (the later ones are the same).
		if [ "$r" = 1 ]; then
			if [ -n "$SQLITE" ] && [ -z "${FAILED[$key-bo]:-}" ] &&
				[ -z "${FAILED[$key-sqlite]:-}" ]; then
				check "$key"
			else
				CHECK[$key]="not checked"
			fi
		fi
	done
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ------------------------------------------------------------ the report
{
	echo "make bench: basket-orders, a year of totals and invoices, against sqlite3"
	echo "date: $(date '+%Y-%m-%d %H:%M')  machine: $(nproc) cores," \
		"$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "rounds: $ROUNDS interleaved, median wall time; peak RSS is the largest seen"
	bench_load_note
	echo "basket-orders: bin/basket-orders of $(date -r bin/basket-orders '+%Y-%m-%d %H:%M:%S')"
	[ -n "$SQLITE" ] && echo "peer: sqlite3 $(sqlite3 --version | cut -d' ' -f1), bench/basket.sql"
	echo
	echo "basket-orders: totals --from=$YEAR-01-01 --to=$YEAR-12-31 --by=product, then"
	echo "  invoice --month=$YEAR-01 ... $YEAR-12: 13 processes, times added up, peak of any"
	echo "sqlite3: one process: .import --csv of 5 files, then bench/basket.sql"
	echo
	printf '%-14s %-12s %9s %8s %10s %9s  %s\n' tool households "median s" "min s" \
		"peak MiB" "x b-o" check
	printf '%-14s %-12s %9s %8s %10s %9s  %s\n' ---- ---------- -------- ----- \
		-------- ----- -----
	for key in big small; do
		if [ $key = big ]; then n=$HH; else n=$SMALL_HH; fi
		bt=$(echo "${TIMES[$key-bo]:-}" | median)
		for t in "${TOOLS[@]}"; do
			if [ -z "${TIMES[$key-$t]:-}" ]; then
				printf '%-14s %-12s %s\n' "$(label "$t")" "$n" "failed: ${FAILED[$key-$t]:-?}"
				continue
			fi
			awk -v l="$(label "$t")" -v n="$n" -v t="$(echo "${TIMES[$key-$t]}" | median)" \
				-v lo="$(echo "${TIMES[$key-$t]}" | minof)" \
				-v m="$(echo "${RSS[$key-$t]}" | maxof)" -v b="$bt" \
				-v c="$( [ "$t" = bo ] && echo "${CHECK[$key]:-}")" 'BEGIN {
				printf "%-14s %-12s %9.3f %8.3f %10s %9s  %s\n", l, n, t, lo,
					m == "" ? "-" : sprintf("%.1f", m / 1024),
					b == "" ? "-" : sprintf("%.2f", t / b), c }'
		done
	done
	echo
	echo "x b-o: the tool's median over basket-orders' (above 1: basket-orders is faster)."
	echo "check: ok = the same quantity and cents per product for the year, and the same"
	echo "  cents per member and month, from basket-orders and from sqlite3."
	for key in big small; do
		[ -n "${SUMS[$key]:-}" ] && echo "  $( [ $key = big ] && echo "$HH" || echo "$SMALL_HH")" \
			"households: ${SUMS[$key]}"
	done
	echo
	bm=$(echo "${RSS[big-bo]:-}" | maxof) sm=$(echo "${RSS[small-bo]:-}" | maxof)
	bt=$(echo "${TIMES[big-bo]:-}" | median) st=$(echo "${TIMES[small-bo]:-}" | median)
	[ -n "$bm" ] && [ -n "$sm" ] && awk -v bm="$bm" -v sm="$sm" -v bt="$bt" -v st="$st" \
		-v n="$HH" -v k="$SMALL_HH" 'BEGIN {
		printf "basket-orders from %d to %d households (x%.0f): time x%.1f, peak memory %.1f -> %.1f MiB (x%.1f)\n",
			k, n, n / k, bt / st, sm / 1024, bm / 1024, bm / sm }'
	st=$(echo "${TIMES[big-sqlite]:-}" | median)
	[ -n "$bt" ] && [ -n "$st" ] && awk -v b="$bt" -v s="$st" -v n="$HH" 'BEGIN {
		r = s / b
		printf "ratio at %d households: sqlite3 / basket-orders = %.2f (%s)\n", n, r,
			(r >= 1) ? "basket-orders is faster" : "sqlite3 is faster" }'
	for key in big small; do
		case ${CHECK[$key]:-} in ok | "not checked") ;;
		*) echo "WARNING: basket-orders and sqlite3 disagree ($key): ${CHECK[$key]:-}" ;; esac
	done
} > "$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
echo
cat "$RESULTS"
echo
echo "(also in $RESULTS)"
for key in big small; do
	case ${CHECK[$key]:-} in ok | "not checked") ;; *) exit 1 ;; esac
	for t in "${TOOLS[@]}"; do [ -z "${FAILED[$key-$t]:-}" ] || exit 1; done
done
exit 0
