# ess-tally --method=irv: instant-runoff rounds, ties, split ballots,
# grouped identical ballots (issue 6).
. "$(dirname "$0")/lib.sh"
D=$DATA/elections-rounds

# --- the Tennessee capital election -----------------------------------------
# Wikipedia, "Instant-runoff voting", Tennessee example: Chattanooga (15)
# goes first, then Nashville (26); Knoxville wins 58 to 42.
t_run 0 ess-tally -m irv "$D/tennessee.cvotes"
t_out "rank,candidate,votes,round,status
1,Knoxville,58,3,elected
2,Memphis,42,3,not elected
3,Nashville,26,2,excluded
4,Chattanooga,15,1,excluded"
t_err_empty
t_run 0 ess-tally -m irv --rounds "$D/tennessee.cvotes"
t_out "round,candidate,votes,status,transfer
1,Memphis,42,continuing,
1,Nashville,26,continuing,
1,Chattanooga,15,excluded,
1,Knoxville,17,continuing,
2,Memphis,42,continuing,
2,Nashville,26,excluded,
2,Knoxville,32,continuing,+15 from Chattanooga
3,Memphis,42,continuing,
3,Knoxville,58,elected,+26 from Nashville"
t_run 0 ess-tally -m irv --rounds -o json "$D/tennessee.cvotes"
t_json 'd["ranking"][0]["candidate"]' '"Knoxville"'
t_json 'd["ranking"][0]["votes"]' '58'
t_json 'len(d["rounds"])' '9'
t_json 'd["rounds"][6]["transfer"]' '"+15 from Chattanooga"'
t_json 'd["tied_winners"]' 'false'
t_json '"exhausted ballots left out" in d["rule"]' 'true'

# The same ballots as CSV rankings give the same result.
{
	echo voter,ranking
	i=0; while [ $i -lt 42 ]; do echo "m$i,Memphis>Nashville>Chattanooga>Knoxville"; i=$((i + 1)); done
	i=0; while [ $i -lt 26 ]; do echo "n$i,Nashville>Chattanooga>Knoxville>Memphis"; i=$((i + 1)); done
	i=0; while [ $i -lt 15 ]; do echo "c$i,Chattanooga>Knoxville>Nashville>Memphis"; i=$((i + 1)); done
	i=0; while [ $i -lt 17 ]; do echo "k$i,Knoxville>Chattanooga>Nashville>Memphis"; i=$((i + 1)); done
} >"$TD/tennessee.csv"
t_run 0 ess-tally -m irv "$TD/tennessee.csv"
t_out "rank,candidate,votes,round,status
1,Knoxville,58,3,elected
2,Memphis,42,3,not elected
3,Nashville,26,2,excluded
4,Chattanooga,15,1,excluded"

# Two cities nobody ranks: tied at 0 for the fewest, together fewer than
# anyone else, so excluded together (no tie-break needed) and ranked 5=.
t_run 0 ess-tally -m irv "$D/tennessee-six.cvotes"
t_out "rank,candidate,votes,round,status
1,Knoxville,58,4,elected
2,Memphis,42,4,not elected
3,Nashville,26,3,excluded
4,Chattanooga,15,2,excluded
5=,Murfreesboro,0,1,excluded
5=,Clarksville,0,1,excluded"
t_err_empty

# --- a tie for exclusion that decides the winner -------------------------------
# tie.cvotes: round 2 has B 3 and C 3 tied for the fewest.  Without a rule
# the count stops: A, B and C are reported tied.
t_run 0 ess-tally -m irv "$D/tie.cvotes"
t_out "rank,candidate,votes,round,status
1=,A,5,2,continuing
1=,B,3,2,continuing
1=,C,3,2,continuing
4,D,1,1,excluded"
t_run 0 ess-tally -m irv -o table "$D/tie.cvotes"
t_out_has "no winner: the count stopped at round 2 on a tie for exclusion among B, C"
t_run 0 ess-tally -m irv -o json "$D/tie.cvotes"
t_json 'd["tied_winners"]' 'true'
t_json 'd["ties"]' '[]'
# order: the candidate order favours the earlier, so C (after B) goes;
# its ballots go to A, who wins.
t_run 0 ess-tally -m irv --tie-break=order "$D/tie.cvotes"
t_out "rank,candidate,votes,round,status
1,A,7,3,elected
2,B,3,3,not elected
3,C,3,2,excluded
4,D,1,1,excluded"
t_run 0 ess-tally -m irv --tie-break=order -o json "$D/tie.cvotes"
t_json 'd["ties"]' '[{"what": "round 2: exclusion among B, C", "chosen": "C", "rule": "order"}]'
# With the candidates declared the other way round, B goes and C wins.
t_run 0 ess-tally -m irv --tie-break=order --candidates=D,C,B,A "$D/tie.cvotes"
t_out_has "1,C,6,3,elected"'
# previous-round: C had 2 to B's 3 in round 1, so C goes, and A wins.
t_run 0 ess-tally -m irv --tie-break=previous-round "$D/tie.cvotes"
t_out "rank,candidate,votes,round,status
1,A,7,3,elected
2,B,3,3,not elected
3,C,3,2,excluded
4,D,1,1,excluded"
t_run 0 ess-tally -m irv --tie-break=previous-round -o json "$D/tie.cvotes"
t_json 'd["ties"][0]["chosen"]' '"C"'
t_json 'd["ties"][0]["rule"]' '"previous-round"'

# --- a ballot tying candidates is split, exactly ------------------------------
t_run 0 ess-tally -m irv --rounds "$D/split.cvotes"
t_out "round,candidate,votes,status,transfer
1,A,1/2,excluded,
1,B,3/2,continuing,
1,C,1,continuing,
2,B,2,elected,+1/2 from A
2,C,1,continuing,"
t_run 0 ess-tally -m irv -o json "$D/split.cvotes"
t_json 'd["ranking"][2]["votes"]' '"1/2"'

# --- exhausted ballots ----------------------------------------------------------
# Round 1: A 5 of 10 is not more than half; C goes, one of its ballots
# ranks no one else: round 2 counts 9 votes, and A's 5 is a majority.
printf '#/Candidates: A ; B ; C\nA * 5\nB * 3\nC * 1\nC > B * 1\n' >"$TD/exhaust.cvotes"
t_run 0 ess-tally -m irv -o table "$TD/exhaust.cvotes"
t_out_has "round 2: 1 exhausted (no continuing candidate ranked)"
t_run 0 ess-tally -m irv "$TD/exhaust.cvotes"
t_out "rank,candidate,votes,round,status
1,A,5,2,elected
2,B,4,2,not elected
3,C,2,1,excluded"

# --- not ranked ballots ---------------------------------------------------------
T_STDIN=$TD/appr.csv
printf 'voter,approved\nv1,A;B\n' >"$T_STDIN"
t_run 65 ess-tally -m irv -i approval
t_err "ess-tally: <stdin>:2: this method needs ranked ballots (A>B=C>D), not approvals, scores or grades"

# --- SVG: one bar per round ------------------------------------------------------
t_run 0 ess-tally -m irv -o svg "$D/tennessee.cvotes"
t_py "svg is well formed" 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$OUT"
t_py "svg: three rounds, the winner outlined" 'import sys
s = open(sys.argv[1], encoding="utf-8").read()
assert s.count(">round ") == 3
assert "Knoxville: 58 (elected), +26 from Nashville" in s
assert "Chattanooga: 15 (excluded)" in s' "$OUT"
if command -v xmllint >/dev/null 2>&1; then
	t_check "irv svg: xmllint --noout" xmllint --noout "$OUT"
fi
t_run 0 ess-tally -m irv -o svg "$D/split.cvotes"
t_py "svg with split votes is well formed" 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$OUT"

# --- identical ballots grouped: memory does not grow with ballots ----------------
gen() {	# N FILE: N ballots of six distinct rankings
	awk -v n="$1" 'BEGIN {
		split("A > B > C > D|B > C > A|C > A = B > D|D > C|A > C > B > D|B > A", r, "|");
		print "#/Candidates: A ; B ; C ; D";
		for (i = 0; i < n; i++) print r[i % 6 + 1] }' >"$2"
}
gen 2000 "$TD/small.cvotes"
gen 200000 "$TD/big.cvotes"
t_run 0 ess-tally -m irv "$TD/big.cvotes"
t_out "rank,candidate,votes,round,status
1=,A,166667/2,2,continuing
1=,B,166667/2,2,continuing
3=,C,33333,1,excluded
3=,D,33333,1,excluded"
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	small=$(/usr/bin/time -f %M "$BIN/ess-tally" -m irv "$TD/small.cvotes" 2>&1 >/dev/null | tail -n 1)
	big=$(/usr/bin/time -f %M "$BIN/ess-tally" -m irv "$TD/big.cvotes" 2>&1 >/dev/null | tail -n 1)
	# 100 times the ballots, less than 4 MB more memory (in KB).
	[ $((big - small)) -lt 4096 ]
	t_report $? "irv: 200000 ballots take about the memory of 2000 (${small} KB, ${big} KB)"
else
	echo "ok - irv memory # SKIP no /usr/bin/time"
fi

t_py_flush
