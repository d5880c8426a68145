# ess-tally --method=stv: quotas, weighted inclusive Gregory transfers in
# fixed point (5 decimals, truncated), withdrawn candidates, ties, SVG
# (issue 6).
. "$(dirname "$0")/lib.sh"
D=$DATA/elections-rounds

# --- Wikipedia's food election ------------------------------------------------
# Wikipedia, "Single transferable vote", section "Example": 20 guests, 3
# seats, Droop quota 6.  Chocolate (12) is elected, its surplus of 6 goes
# 4 to Strawberries and 2 to Sweets; Pears is excluded, Oranges reaches 6;
# Sweets is excluded and Strawberries takes the last seat.  "The winners
# are Chocolate, Oranges and Strawberries."
t_run 0 ess-tally -m stv "$D/food.cvotes"
t_out "rank,candidate,votes,round,status
1,Chocolate,12.00000,1,elected
2,Oranges,6.00000,3,elected
3,Strawberries,5.00000,4,elected
4,Sweets,3.00000,3,excluded
5,Pears,2.00000,2,excluded"
t_err_empty
t_run 0 ess-tally -m stv --rounds "$D/food.cvotes"
t_out "round,candidate,votes,status,transfer
1,Oranges,4.00000,continuing,
1,Pears,2.00000,continuing,
1,Chocolate,12.00000,elected,
1,Strawberries,1.00000,continuing,
1,Sweets,1.00000,continuing,
2,Oranges,4.00000,continuing,
2,Pears,2.00000,excluded,
2,Chocolate,6.00000,elected,-6.00000 surplus transferred
2,Strawberries,5.00000,continuing,+4.00000 from Chocolate (surplus)
2,Sweets,3.00000,continuing,+2.00000 from Chocolate (surplus)
3,Oranges,6.00000,elected,+2.00000 from Pears
3,Chocolate,6.00000,elected,
3,Strawberries,5.00000,continuing,
3,Sweets,3.00000,excluded,
4,Oranges,6.00000,elected,
4,Chocolate,6.00000,elected,
4,Strawberries,5.00000,elected,"
t_run 0 ess-tally -m stv -o table "$D/food.cvotes"
t_out_has "quota droop = 6.00000 (reached when equalled)"
t_out_has "stage 4: 3.00000 non-transferable (exhausted ballots and truncation)"
t_run 0 ess-tally -m stv -o json "$D/food.cvotes"
t_json '[r["candidate"] for r in d["ranking"] if r["status"] == "elected"]' '["Chocolate", "Oranges", "Strawberries"]'
t_json 'd["seats"]' '3'
# --seats overrides the file: one seat, Chocolate has a majority.
t_run 0 ess-tally -m stv --seats=1 "$D/food.cvotes"
t_out "rank,candidate,votes,round,status
1,Chocolate,12.00000,1,elected
2,Oranges,4.00000,1,not elected
3,Pears,2.00000,1,not elected
4=,Strawberries,1.00000,1,not elected
4=,Sweets,1.00000,1,not elected"

# --- the Droop and Hare quotas elect different people -----------------------------
# Wikipedia, "Hare quota", "An example of use in STV" (and its comparison
# with the Droop quota): Hare (50) elects Andrea and Brad; Droop (34)
# elects Andrea and Carter, 40 votes to 26.  Andrea's surplus goes on at
# 26/60 = 0.43333 a ballot (truncated to 5 decimals): 60 x 0.43333 =
# 25.99980, so Carter has 39.99980, not 40.
t_run 0 ess-tally -m stv --quota=hare "$D/andrea.cvotes"
t_out "rank,candidate,votes,round,status
1,Andrea,60.00000,1,elected
2,Brad,26.00000,3,elected
3,Carter,23.99960,2,excluded"
t_run 0 ess-tally -m stv "$D/andrea.cvotes"
t_out "rank,candidate,votes,round,status
1,Andrea,60.00000,1,elected
2,Carter,39.99980,2,elected
3,Brad,26.00000,2,not elected"
t_run 0 ess-tally -m stv --quota=droop --rounds "$D/andrea.cvotes"
t_out "round,candidate,votes,status,transfer
1,Andrea,60.00000,elected,
1,Brad,26.00000,continuing,
1,Carter,14.00000,continuing,
2,Andrea,34.00000,elected,-26.00000 surplus transferred
2,Brad,26.00000,continuing,
2,Carter,39.99980,elected,+25.99980 from Andrea (surplus)"
# droop-exact and hagenbach-bischoff: 100/3 exactly, to be exceeded.
t_run 0 ess-tally -m stv --quota=droop-exact -o table "$D/andrea.cvotes"
t_out_has "quota droop-exact = 33.33333 (to be exceeded)"
t_run 0 ess-tally -m stv --quota=hagenbach-bischoff "$D/andrea.cvotes"
t_out "rank,candidate,votes,round,status
1,Andrea,60.00000,1,elected
2,Carter,40.66640,2,elected
3,Brad,26.00000,2,not elected"

# --- BLT: a withdrawn candidate is excluded before the count ---------------------
# food-withdrawn.blt: the food election with Pears withdrawn (-2): its two
# ballots count for Oranges from the start.
t_run 0 ess-tally -m stv "$D/food-withdrawn.blt"
t_out "rank,candidate,votes,round,status
1,Chocolate,12.00000,1,elected
2,Oranges,6.00000,1,elected
3,Strawberries,5.00000,3,elected
4,Sweets,3.00000,2,excluded
5,Pears,0.00000,,withdrawn"
t_run 0 ess-tally -m stv -o table "$D/food-withdrawn.blt"
t_out_has "Pears withdrawn: excluded before the count"

# --- a tie for exclusion ------------------------------------------------------------
# tie.cvotes with one seat: as IRV, B and C tie in stage 2.
t_run 0 ess-tally -m stv "$D/tie.cvotes"
t_out "rank,candidate,votes,round,status
1=,A,5.00000,2,continuing
1=,B,3.00000,2,continuing
1=,C,3.00000,2,continuing
4,D,1.00000,1,excluded"
t_run 0 ess-tally -m stv -o json "$D/tie.cvotes"
t_json 'd["tied_winners"]' 'true'
t_run 0 ess-tally -m stv --tie-break=previous-round "$D/tie.cvotes"
t_out "rank,candidate,votes,round,status
1,A,7.00000,3,elected
2,B,3.00000,3,not elected
3,C,3.00000,2,excluded
4,D,1.00000,1,excluded"

# --- a ballot tying candidates is split ------------------------------------------
t_run 0 ess-tally -m stv --rounds "$D/split.cvotes"
t_out "round,candidate,votes,status,transfer
1,A,0.50000,excluded,
1,B,1.50000,continuing,
1,C,1.00000,continuing,
2,B,2.00000,elected,+0.50000 from A
2,C,1.00000,continuing,"

# --- SVG ---------------------------------------------------------------------------
t_run 0 ess-tally -m stv -o svg "$D/food-withdrawn.blt"
t_py "svg is well formed" 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$OUT"
t_py "svg: one bar label per stage, the title escaped" 'import sys
s = open(sys.argv[1], encoding="utf-8").read()
assert s.count(">round ") == 3, s.count(">round ")
assert "Food &amp; party &lt;2024&gt;: stv" in s
assert "Strawberries: 5.00000 (elected)" in s' "$OUT"
if command -v xmllint >/dev/null 2>&1; then
	t_check "stv svg: xmllint --noout" xmllint --noout "$OUT"
fi

# --- grouped ballots: 200000 ballots, six rankings ------------------------------------
awk 'BEGIN {
	split("A > B > C > D|B > C > A|C > A = B > D|D > C|A > C > B > D|B > A", r, "|");
	print "#/Candidates: A ; B ; C ; D";
	for (i = 0; i < 200000; i++) print r[i % 6 + 1] }' >"$TD/big.cvotes"
t_run 0 ess-tally -m stv --seats=2 "$TD/big.cvotes"
t_out "rank,candidate,votes,round,status
1=,A,66667.00000,1,elected
1=,B,66667.00000,1,elected
3=,C,33333.00000,1,not elected
3=,D,33333.00000,1,not elected"
awk 'BEGIN { print "#/Candidates: A ; B ; C ; D"; for (i = 0; i < 2000; i++) print "A > B" }' >"$TD/small.cvotes"
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
	small=$(/usr/bin/time -f %M "$BIN/ess-tally" -m stv --seats=2 "$TD/small.cvotes" 2>&1 >/dev/null | tail -n 1)
	big=$(/usr/bin/time -f %M "$BIN/ess-tally" -m stv --seats=2 "$TD/big.cvotes" 2>&1 >/dev/null | tail -n 1)
	# 100 times the ballots, less than 4 MB more memory (in KB).
	[ $((big - small)) -lt 4096 ]
	t_report $? "stv: 200000 ballots take about the memory of 2000 (${small} KB, ${big} KB)"
else
	echo "ok - stv memory # SKIP no /usr/bin/time"
fi

t_py_flush
