# ess-tally --method=majority-judgment: median grades, the majority-value
# tie-break computed from the counts, missing judgments, ties, the merit
# profile in SVG (issue 6).
. "$(dirname "$0")/lib.sh"
D=$DATA/elections-rounds

# --- the Tennessee capital election -----------------------------------------
# Wikipedia, "Majority judgment", example application (also electowiki,
# "Majority Judgment"): each voter grades its own city excellent, the next
# nearest good, then fair, the farthest poor (42 Memphis voters, 26
# Nashville, 15 Chattanooga, 17 Knoxville).  Nashville and Chattanooga
# both have the median "good"; Nashville has more above it (26 to 15) and
# fewer below (32 to 42) and wins; Knoxville (fair) and Memphis (poor)
# follow.
tn="rank,candidate,median,above,below
1,Nashville,good,26,32
2,Chattanooga,good,15,42
3,Knoxville,fair,32,42
4,Memphis,poor,42,0"
t_run 0 ess-tally -m majority-judgment "$D/tennessee-mj.csv"
t_out "$tn"
t_err_empty
# The same as grade counts (candidate, then a column per grade, worst first).
t_run 0 ess-tally -m majority-judgment "$D/tennessee-counts.csv"
t_out "$tn"
t_run 0 ess-tally -m majority-judgment -o json "$D/tennessee-counts.csv"
t_json 'd["ranking"][0]["candidate"]' '"Nashville"'
t_json 'd["ranking"][0]["median"]' '"good"'
t_json 'd["ranking"][0]["above"]' '26'
t_json 'd["ballots"]["valid"]' '100'
t_json '"lower middle" in d["rule"]' 'true'

# --- the majority value, deep: every median "assez bien" -------------------------
# mj-close.csv: 14 candidates with close profiles on the French scale (two
# of them twins of C00).  The ranking must be the one of the full majority
# values, computed here the slow way: list every judgment, remove the
# lower-middle median one at a time, compare the sequences.
t_run 0 ess-tally -m majority-judgment "$D/mj-close.csv"
t_out "rank,candidate,median,above,below
1,C04,assez bien,50,33
2,C01,assez bien,48,28
3,C06,assez bien,46,38
4,C03,assez bien,46,39
5=,C00,assez bien,46,43
5=,Twin1,assez bien,46,43
5=,Twin2,assez bien,46,43
8,C09,assez bien,45,39
9,C10,assez bien,45,40
10,C05,assez bien,44,39
11,C11,assez bien,42,35
12,C07,assez bien,42,38
13,C02,assez bien,40,36
14,C08,assez bien,39,43"
mv_check='import csv, sys
def mv(c):
    L = sorted(g for g, n in enumerate(c) for _ in range(n))
    out = []
    while L:
        out.append(L.pop((len(L) - 1) // 2))
    return out
rows = list(csv.reader(open(FIXTURE, encoding="utf-8")))[1:]
vals = {r[0]: mv([int(x) for x in r[1:]]) for r in rows}
order = sorted(vals, key=lambda k: vals[k], reverse=True)
rank = {}
for i, k in enumerate(order):
    rank[k] = rank[order[i - 1]] if i and vals[order[i - 1]] == vals[k] else i + 1
got = list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]
assert len(got) == len(order)
for r in got:
    assert int(r[0].rstrip("=")) == rank[r[1]], (r, rank[r[1]])'
t_py "mj-close: the ranking of the full majority values" \
	"FIXTURE = \"$D/mj-close.csv\"
$mv_check" "$OUT"
t_run 0 ess-tally -m majority-judgment "$D/tennessee-counts.csv"
t_py "tennessee: the ranking of the full majority values" \
	"FIXTURE = \"$D/tennessee-counts.csv\"
$mv_check" "$OUT"

# --- even numbers of judgments: the lower middle ---------------------------------
# A: poor, good (median poor, the lower of the two); B: fair, fair.
printf 'candidate,poor,fair,good\nA,1,0,1\nB,0,2,0\n' >"$TD/even.csv"
t_run 0 ess-tally -m majority-judgment "$TD/even.csv"
t_out "rank,candidate,median,above,below
1,B,fair,0,0
2,A,poor,1,0"

# --- ties ------------------------------------------------------------------------
printf 'candidate,poor,fair\nA,1,1\nB,1,1\nC,2,0\n' >"$TD/tie.csv"
t_run 0 ess-tally -m majority-judgment "$TD/tie.csv"
t_out "rank,candidate,median,above,below
1=,A,poor,1,0
1=,B,poor,1,0
3,C,poor,0,0"
t_run 0 ess-tally -m majority-judgment -o json "$TD/tie.csv"
t_json 'd["tied_winners"]' 'true'
t_run 0 ess-tally -m majority-judgment --tie-break=order "$TD/tie.csv"
t_out "rank,candidate,median,above,below
1,A,poor,1,0
2,B,poor,1,0
3,C,poor,0,0"
t_run 0 ess-tally -m majority-judgment --tie-break=order -o json "$TD/tie.csv"
t_json 'd["ties"]' '[{"what": "first place among A, B", "chosen": "A", "rule": "order"}]'

# --- missing judgments -------------------------------------------------------------
# mj-missing.csv: 3 voters, blanks.  A missing judgment counts as the worst
# grade: A (bien, très bien, à rejeter) has the median bien and wins.
# With --default-grade=bien, D (excellent, bien, bien) beats A (bien, très
# bien, bien) on the majority value: 4,4,6 against 4,4,5.
t_run 0 ess-tally -m majority-judgment "$D/mj-missing.csv"
t_out "rank,candidate,median,above,below
1,A,bien,1,1
2,C,passable,1,1
3,D,à rejeter,1,0
4,B,à rejeter,1,0"
t_run 0 ess-tally -m majority-judgment -o json "$D/mj-missing.csv"
t_json 'd["rule"].endswith("a missing judgment counts as '"'"'à rejeter'"'"'")' 'true'
t_run 0 ess-tally -m majority-judgment --default-grade=bien "$D/mj-missing.csv"
t_out "rank,candidate,median,above,below
1,D,bien,1,0
2,A,bien,1,0
3,C,bien,0,1
4,B,bien,0,1"
t_run 0 ess-tally -m majority-judgment --default-grade=4 "$D/mj-missing.csv"
t_cols 2 "candidate
D
A
C
B"
t_run 64 ess-tally -m majority-judgment --default-grade=nul "$D/mj-missing.csv"
t_err "ess-tally: --default-grade: 'nul' is not a grade of this election"

# --- rankings are not grades ---------------------------------------------------------
t_run 65 ess-tally -m majority-judgment "$D/tennessee.cvotes"
t_err_has "majority judgment needs grades (one column per candidate), not rankings or approvals"

# --- the merit profile in SVG ----------------------------------------------------------
t_run 0 ess-tally -m majority-judgment -o svg "$D/tennessee-mj.csv"
t_py "svg is well formed" 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$OUT"
t_py "svg: the profile in ranking order, the grades, the 50% line" 'import sys
s = open(sys.argv[1], encoding="utf-8").read()
assert s.index("Nashville") < s.index("Chattanooga") < s.index("Knoxville") < s.index("Memphis")
assert "<title>excellent: 26</title>" in s and "<title>poor: 58</title>" in s
assert "stroke-dasharray" in s and ">50%<" in s' "$OUT"
if command -v xmllint >/dev/null 2>&1; then
	t_check "mj svg: xmllint --noout" xmllint --noout "$OUT"
fi

# --- memory: grade counts, not ballots ---------------------------------------------------
awk 'BEGIN { print "A,B,C,count"; for (i = 0; i < 200000; i++)
	printf "%s,%s,%s,1\n", (i % 3 ? "bien" : "passable"), (i % 5 ? "assez bien" : "excellent"), "insuffisant" }' >"$TD/big.csv"
t_run 0 ess-tally -m majority-judgment "$TD/big.csv"
t_out "rank,candidate,median,above,below
1,A,bien,0,66667
2,B,assez bien,40000,0
3,C,insuffisant,0,0"
head -n 20001 "$TD/big.csv" >"$TD/small.csv"
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	small=$(/usr/bin/time -f %M "$BIN/ess-tally" -m majority-judgment "$TD/small.csv" 2>&1 >/dev/null | tail -n 1)
	big=$(/usr/bin/time -f %M "$BIN/ess-tally" -m majority-judgment "$TD/big.csv" 2>&1 >/dev/null | tail -n 1)
	# 200000 rows against 20000 (the reader's buffers are full by then),
	# less than 4 MB more memory (in KB).
	[ $((big - small)) -lt 4096 ]
	t_report $? "majority judgment: 200000 ballots take about the memory of 20000 (${small} KB, ${big} KB)"
else
	echo "ok - majority judgment memory # SKIP no /usr/bin/time"
fi

t_py_flush
