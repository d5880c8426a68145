# ess-tally --method=motion: proxies, majorities at their boundaries, bases,
# quorum (issue 2 §4).  Expected results worked out by hand: needed is
# the smallest number of "for" that adopts: simple: against + 1; absolute:
# floor(base / 2) + 1; a fraction N/M or P%: ceil(base * N / M), reaching it
# adopts (>=).
. "$(dirname "$0")/lib.sh"
D=$DATA/tally

H=motion,label,for,against,abstain,blank,cast,base,threshold,needed,result

# --- long form, proxies ---------------------------------------------------
# ag-proxies.csv: M1: for Alice, Alice for Bob, Carol for Fred; against
# Carol; abstain Dan; blank Eve.  M2: against Alice and Alice for Bob; for
# Dan.  Present: Alice, Carol, Dan, Eve (4); represented: Bob, Fred (2).
ag="$H
M1,Budget 2025,3,1,1,1,6,4,for > against,2,adopted
M2,Statuts,1,2,0,0,3,3,for > against,3,rejected"
t_run 0 ess-tally -m motion "$D/ag-proxies.csv"
t_out "$ag"
t_err_empty
t_run 0 ess-tally --method=motion -o json "$D/ag-proxies.csv"
t_json 'd["method"]' '"motion"'
t_json 'd["present"]' '4'
t_json 'd["represented"]' '2'
t_json 'd["eligible"]' 'null'
t_json 'd["quorum"]' 'null'
t_json 'd["quorum_met"]' 'true'
t_json 'd["ballots"]' '9'
t_json 'd["rows_read"]' '9'
t_json 'd["rows_rejected"]' '0'
t_json 'd["majority"]' '"simple"'
t_json 'd["base"]' '"expressed"'
t_json 'd["sha256"]' "\"$(sha256sum <"$D/ag-proxies.csv" | cut -d' ' -f1)\""
t_json 'list(d["rows"][0].keys())' '["motion", "label", "for", "against", "abstain", "blank", "cast", "base", "threshold", "needed", "result"]'
t_json 'd["rows"][1]["result"]' '"rejected"'
t_json 'd["rows"][0]["for"]' '3'
t_run 0 ess-tally -m motion -o table "$D/ag-proxies.csv"
t_out_has 'present: 4, represented: 2'
t_out_has 'simple majority'
# Given numbers win over the counted ones.
t_run 0 ess-tally -m motion --present=10 --represented=3 -o json "$D/ag-proxies.csv"
t_json '[d["present"], d["represented"]]' '[10, 3]'

# --max-proxies: Alice and Carol hold one each (Alice's for Bob counts once
# over two motions).
t_run 0 ess-tally -m motion --max-proxies=1 "$D/ag-proxies.csv"
t_out "$ag"
t_run 65 ess-tally -m motion --max-proxies=0 "$D/ag-proxies.csv"
t_err_has "$D/ag-proxies.csv:3:16: 'Alice'"
t_err_has "--max-proxies=0"
t_out_empty
printf 'motion,vote,voter,proxy_for\nM1,pour,Ana,\nM1,pour,Ana,Bea\nM1,pour,Ana,Carl\nM1,pour,Ana,Dora\n' >"$TD/px.csv"
t_run 65 ess-tally -m motion --max-proxies=2 "$TD/px.csv"
t_err_has "$TD/px.csv:5:13: 'Ana'"
t_err_has "--max-proxies=2"
t_run 0 ess-tally -m motion --max-proxies=3 -o json "$TD/px.csv"
t_json '[d["present"], d["represented"], d["rows"][0]["for"]]' '[1, 3, 4]'
t_run 0 ess-tally -m motion "$TD/px.csv"
t_out "$H
M1,,4,0,0,0,4,4,for > against,1,adopted"

# One ballot per member and motion.
printf 'motion,vote,voter\nM1,pour,Alice\nM1,contre,Alice\n' >"$TD/twice.csv"
t_run 65 ess-tally -m motion "$TD/twice.csv"
t_err "ess-tally: $TD/twice.csv:3:11: 'Alice' votes twice on motion 'M1'"
t_out_empty
printf 'motion,vote,voter\nM1,pour,Alice\nM2,contre,Alice\n' >"$TD/two.csv"
t_run 0 ess-tally -m motion "$TD/two.csv"
t_out "$H
M1,,1,0,0,0,1,1,for > against,1,adopted
M2,,0,1,0,0,1,1,for > against,2,rejected"
# A mandant represented twice, or present and represented.
printf 'motion,vote,voter,proxy_for\nM1,pour,Ana,Bea\nM1,contre,Carl,Bea\n' >"$TD/m2.csv"
t_run 65 ess-tally -m motion "$TD/m2.csv"
t_err "ess-tally: $TD/m2.csv:3:16: 'Bea' votes twice on motion 'M1'"
printf 'motion,vote,voter,proxy_for\nM1,pour,Bea,\nM1,pour,Ana,Bea\n' >"$TD/m3.csv"
t_run 65 ess-tally -m motion "$TD/m3.csv"
t_err "ess-tally: $TD/m3.csv:3:13: 'Bea' votes twice on motion 'M1'"
printf 'motion,vote,voter,proxy_for\nM1,pour,Ana,Ana\n' >"$TD/own.csv"
t_run 65 ess-tally -m motion "$TD/own.csv"
t_err "ess-tally: $TD/own.csv:2:13: 'Ana' holds their own proxy"
printf 'motion,vote,voter,proxy_for\nM1,pour,,Bea\n' >"$TD/nov.csv"
t_run 65 ess-tally -m motion "$TD/nov.csv"
t_err "ess-tally: $TD/nov.csv:2:9: a proxy vote for 'Bea' without the voter who holds it"
# With --keep-going every bad row is reported and the rest counted.
printf 'motion,vote,voter,proxy_for\nM1,pour,Ana,\nM1,pour,Ana,\nM1,contre,Bo,Bo\nM1,bof,Cy,\nM1,contre,Di,\n' >"$TD/kg.csv"
t_run 65 ess-tally -m motion -k "$TD/kg.csv"
t_out "$H
M1,,1,1,0,0,2,2,for > against,2,rejected"
t_err "ess-tally: $TD/kg.csv:3:9: 'Ana' votes twice on motion 'M1'
ess-tally: $TD/kg.csv:4:14: 'Bo' holds their own proxy
ess-tally: $TD/kg.csv:5:4: vote 'bof' is neither for, against, abstain, blank nor spoiled"

# Weights.
printf 'motion,vote,weight\nM1,pour,3\nM1,contre,2\nM1,abstention,4\n' >"$TD/wt.csv"
t_run 0 ess-tally -m motion "$TD/wt.csv"
t_out "$H
M1,,3,2,4,0,9,5,for > against,3,adopted"
printf 'motion,vote,weight\nM1,pour,0\n' >"$TD/w0.csv"
t_run 65 ess-tally -m motion "$TD/w0.csv"
t_err "ess-tally: $TD/w0.csv:2:9: weight '0' is not a whole number above 0"
printf 'motion,vote,weight\nM1,pour,2.5\n' >"$TD/w1.csv"
t_run 65 ess-tally -m motion "$TD/w1.csv"
t_err "ess-tally: $TD/w1.csv:2:9: weight '2.5' is not a whole number above 0"

# --- majorities at their boundaries ----------------------------------------

# Two-thirds of the expressed votes: 20 of 30 is exactly 2/3 and adopts.
t_run 0 ess-tally -m motion --majority=two-thirds "$D/two-thirds.csv"
t_out "$H
A,exactly two thirds,20,10,0,0,30,30,>= 2/3,20,adopted
B,one short,19,11,0,0,30,30,>= 2/3,20,rejected
C,abstentions aside,20,10,7,3,40,30,>= 2/3,20,adopted"
t_run 0 ess-tally -m motion --majority=deux-tiers "$D/two-thirds.csv"
t_cols 1,10,11 'motion,needed,result
A,20,adopted
B,20,rejected
C,20,adopted'
t_run 0 ess-tally -m motion --majority=2/3 "$D/two-thirds.csv"
t_cols 1,10,11 'motion,needed,result
A,20,adopted
B,20,rejected
C,20,adopted'
# On the votes cast, C's abstentions and blanks count: 2/3 of 40 is 26.7.
t_run 0 ess-tally -m motion --majority=two-thirds --base=cast "$D/two-thirds.csv"
t_out "$H
A,exactly two thirds,20,10,0,0,30,30,>= 2/3,20,adopted
B,one short,19,11,0,0,30,30,>= 2/3,20,rejected
C,abstentions aside,20,10,7,3,40,40,>= 2/3,27,rejected"
# 66.7 % is more than two-thirds: 20.01 of 30 needs 21.
t_run 0 ess-tally -m motion --majority=66.7% "$D/two-thirds.csv"
t_cols 1,8,10,11 'motion,base,needed,result
A,30,21,rejected
B,30,21,rejected
C,30,21,rejected'
t_run 0 ess-tally -m motion --majority=66,7% "$D/two-thirds.csv"
t_cols 1,10,11 'motion,needed,result
A,21,rejected
B,21,rejected
C,21,rejected'
t_run 0 ess-tally -m motion --majority=two-thirds -o json "$D/two-thirds.csv"
t_json 'd["majority"]' '"two-thirds"'
t_json '"2/3" in d["rule"]' 'true'
t_json '[r["needed"] for r in d["rows"]]' '[20, 20, 20]'
t_run 0 ess-tally -m motion --majority=two-thirds -o table "$D/two-thirds.csv"
t_out_has '2/3'

# Absolute: more than half; even base 10 needs 6, odd base 11 needs 6.
t_run 0 ess-tally -m motion --majority=absolute "$D/absolute.csv"
t_out "$H
E1,even half,5,5,0,0,10,10,> 1/2,6,rejected
E2,even half plus one,6,4,0,0,10,10,> 1/2,6,adopted
O1,odd just over,6,5,0,0,11,11,> 1/2,6,adopted
O2,odd just under,5,6,0,0,11,11,> 1/2,6,rejected"
t_run 0 ess-tally -m motion --majority=absolue "$D/absolute.csv"
t_cols 1,10,11 'motion,needed,result
E1,6,rejected
E2,6,adopted
O1,6,adopted
O2,6,rejected'
# Simple: more for than against; a tie is rejected.
t_run 0 ess-tally -m motion "$D/absolute.csv"
t_out "$H
E1,even half,5,5,0,0,10,10,for > against,6,rejected
E2,even half plus one,6,4,0,0,10,10,for > against,5,adopted
O1,odd just over,6,5,0,0,11,11,for > against,6,adopted
O2,odd just under,5,6,0,0,11,11,for > against,7,rejected"
t_run 0 ess-tally -m motion --majority=simple "$D/absolute.csv"
t_cols 1,11 'motion,result
E1,rejected
E2,adopted
O1,adopted
O2,rejected'
# Abstentions do not weigh on a simple majority.
printf 'motion,for,against,abstain,blank\nT,5,5,2,0\nU,6,5,9,3\n' >"$TD/simple.csv"
t_run 0 ess-tally -m motion "$TD/simple.csv"
t_out "$H
T,,5,5,2,0,12,10,for > against,6,rejected
U,,6,5,9,3,23,11,for > against,6,adopted"
t_run 0 ess-tally -m motion --base=cast "$TD/simple.csv"
t_cols 1,8,10,11 'motion,base,needed,result
T,12,6,rejected
U,23,6,adopted'
# At least half (1/2, 50 %) adopts the even tie that absolute rejects.
t_run 0 ess-tally -m motion --majority=1/2 "$D/absolute.csv"
t_out "$H
E1,even half,5,5,0,0,10,10,>= 1/2,5,adopted
E2,even half plus one,6,4,0,0,10,10,>= 1/2,5,adopted
O1,odd just over,6,5,0,0,11,11,>= 1/2,6,adopted
O2,odd just under,5,6,0,0,11,11,>= 1/2,6,rejected"
t_run 0 ess-tally -m motion --majority=50% "$D/absolute.csv"
t_cols 1,10,11 'motion,needed,result
E1,5,adopted
E2,5,adopted
O1,6,adopted
O2,6,rejected'

# Three-quarters: 15 of 20 adopts, 14 does not; 3/4 of 10 is 7.5: 8.
printf 'motion,label,for,against,abstain,blank\nQ1,exactly,15,5,0,0\nQ2,one short,14,6,0,0\nQ3,rounded up,8,2,0,0\nQ4,below,7,3,0,0\n' >"$TD/q.csv"
t_run 0 ess-tally -m motion --majority=three-quarters "$TD/q.csv"
t_out "$H
Q1,exactly,15,5,0,0,20,20,>= 3/4,15,adopted
Q2,one short,14,6,0,0,20,20,>= 3/4,15,rejected
Q3,rounded up,8,2,0,0,10,10,>= 3/4,8,adopted
Q4,below,7,3,0,0,10,10,>= 3/4,8,rejected"
t_run 0 ess-tally -m motion --majority=trois-quarts "$TD/q.csv"
t_cols 1,10,11 'motion,needed,result
Q1,15,adopted
Q2,15,rejected
Q3,8,adopted
Q4,8,rejected'
t_run 0 ess-tally -m motion --majority=75% "$TD/q.csv"
t_cols 1,10,11 'motion,needed,result
Q1,15,adopted
Q2,15,rejected
Q3,8,adopted
Q4,8,rejected'

# P %: 60 % of 10 is 6, of 11 is 6.6: 7; 55 % of 10 is 5.5: 6, of 11 6.05: 7.
printf 'motion,for,against\nP1,6,4\nP2,5,5\nP3,7,4\nP4,6,5\n' >"$TD/p.csv"
t_run 0 ess-tally -m motion --majority=60% "$TD/p.csv"
t_cols 1,8,10,11 'motion,base,needed,result
P1,10,6,adopted
P2,10,6,rejected
P3,11,7,adopted
P4,11,7,rejected'
t_run 0 ess-tally -m motion --majority=55% "$TD/p.csv"
t_cols 1,8,10,11 'motion,base,needed,result
P1,10,6,adopted
P2,10,6,rejected
P3,11,7,adopted
P4,11,7,rejected'
t_run 0 ess-tally -m motion --majority=60% -o json "$TD/p.csv"
t_json 'd["majority"]' '"60%"'
# N/M: 3/5 of 10 is 6, of 11 is 6.6: 7.
t_run 0 ess-tally -m motion --majority=3/5 "$TD/p.csv"
t_out "$H
P1,,6,4,0,0,10,10,>= 3/5,6,adopted
P2,,5,5,0,0,10,10,>= 3/5,6,rejected
P3,,7,4,0,0,11,11,>= 3/5,7,adopted
P4,,6,5,0,0,11,11,>= 3/5,7,rejected"

# --- bases -------------------------------------------------------------------
# M: 16 for, 10 against, 3 abstain, 1 blank, absolute majority.
printf 'motion,label,for,against,abstain,blank\nM,x,16,10,3,1\n' >"$TD/b.csv"
t_run 0 ess-tally -m motion --majority=absolute "$TD/b.csv"
t_out "$H
M,x,16,10,3,1,30,26,> 1/2,14,adopted"
t_run 0 ess-tally -m motion --majority=absolute --base=expressed "$TD/b.csv"
t_out "$H
M,x,16,10,3,1,30,26,> 1/2,14,adopted"
t_run 0 ess-tally -m motion --majority=absolute --base=cast "$TD/b.csv"
t_out "$H
M,x,16,10,3,1,30,30,> 1/2,16,adopted"
t_run 0 ess-tally -m motion --majority=absolute --base=present --present=30 --represented=2 "$TD/b.csv"
t_out "$H
M,x,16,10,3,1,30,32,> 1/2,17,rejected"
t_run 0 ess-tally -m motion --majority=absolute --base=present --present=31 "$TD/b.csv"
t_cols 8,10,11 'base,needed,result
31,16,adopted'
t_run 0 ess-tally -m motion --majority=absolute --base=eligible --eligible=40 "$TD/b.csv"
t_out "$H
M,x,16,10,3,1,30,40,> 1/2,21,rejected"
t_run 0 ess-tally -m motion --majority=absolute --base=eligible --eligible=31 "$TD/b.csv"
t_cols 8,10,11 'base,needed,result
31,16,adopted'
t_run 0 ess-tally -m motion --majority=absolute --base=cast -o json "$TD/b.csv"
t_json 'd["base"]' '"cast"'
# The present, counted from the voters and proxies: 6 in ag-proxies.csv.
t_run 0 ess-tally -m motion --majority=50% --base=present "$D/ag-proxies.csv"
t_cols 1,8,10,11 'motion,base,needed,result
M1,6,3,adopted
M2,6,3,rejected'
# The French names of the bases.
t_run 0 ess-tally -m motion --majority=absolute --base=exprimes "$TD/b.csv"
t_cols 8 'base
26'
t_run 0 ess-tally -m motion --majority=absolute --base=inscrits --eligible=40 "$TD/b.csv"
t_cols 8 'base
40'

# --- quorum ------------------------------------------------------------------
# 12 present and 3 represented make 15.
t_run 0 ess-tally -m motion --present=12 --represented=3 --quorum=15 "$D/absolute.csv"
t_cols 1,11 'motion,result
E1,rejected
E2,adopted
O1,adopted
O2,rejected'
t_run 0 ess-tally -m motion --present=12 --represented=3 --quorum=16 "$D/absolute.csv"
t_cols 1,11 'motion,result
E1,no-quorum
E2,no-quorum
O1,no-quorum
O2,no-quorum'
t_run 0 ess-tally -m motion --present=12 --represented=3 --quorum=16 -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"]]' '[16, false]'
t_run 0 ess-tally -m motion --present=12 --represented=3 --quorum=15 -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"]]' '[15, true]'
t_run 0 ess-tally -m motion --present=12 --represented=3 --quorum=16 -o table "$D/absolute.csv"
t_out_has 'quorum: 16 needed, 15 present or represented: not met'
t_run 0 ess-tally -m motion --present=12 --represented=3 --quorum=0 "$D/absolute.csv"
t_cols 11 'result
rejected
adopted
adopted
rejected'
# A percentage of the eligible, rounded up: half of 30 is 15 (met), half
# of 31 is 15.5, so 16 (not met), half of 29 is 14.5, so 15 (met).
t_run 0 ess-tally -m motion --present=12 --represented=3 --eligible=30 --quorum=50% -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"], d["eligible"]]' '[15, true, 30]'
t_run 0 ess-tally -m motion --present=12 --represented=3 --eligible=31 --quorum=50% "$D/absolute.csv"
t_cols 1,11 'motion,result
E1,no-quorum
E2,no-quorum
O1,no-quorum
O2,no-quorum'
t_run 0 ess-tally -m motion --present=12 --represented=3 --eligible=31 --quorum=50% -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"]]' '[16, false]'
t_run 0 ess-tally -m motion --present=12 --represented=3 --eligible=29 --quorum=50% -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"]]' '[15, true]'
# 33.3 % of 45 is 14.985: 15.
t_run 0 ess-tally -m motion --present=12 --represented=3 --eligible=45 --quorum=33,3% -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"]]' '[15, true]'
t_run 0 ess-tally -m motion --present=15 --eligible=15 --quorum=100% -o json "$D/absolute.csv"
t_json '[d["quorum"], d["quorum_met"]]' '[15, true]'
# Counted from the voters and proxies: 4 present + 2 represented.
t_run 0 ess-tally -m motion --quorum=6 "$D/ag-proxies.csv"
t_out "$ag"
t_run 0 ess-tally -m motion --quorum=7 "$D/ag-proxies.csv"
t_cols 1,11 'motion,result
M1,no-quorum
M2,no-quorum'
t_run 0 ess-tally -m motion --eligible=13 --quorum=50% "$D/ag-proxies.csv"
t_cols 1,11 'motion,result
M1,no-quorum
M2,no-quorum'
t_run 0 ess-tally -m motion --eligible=12 --quorum=50% "$D/ag-proxies.csv"
t_out "$ag"

# --- usage errors ------------------------------------------------------------
t_run 64 ess-tally -m motion --quorum=50% "$D/absolute.csv"
t_err_has '--eligible'
t_out_empty
t_run 64 ess-tally -m motion --base=eligible "$D/absolute.csv"
t_err_has '--eligible'
# Nothing to count the present from.
t_run 64 ess-tally -m motion --quorum=15 "$D/absolute.csv"
t_err_has '--present'
t_run 64 ess-tally -m motion --base=present "$D/absolute.csv"
t_err_has '--present'
for bad in bogus 0% 101% 3/2 0/3 2/0 '' 1/ /2 x%; do
	t_run 64 ess-tally -m motion --majority="$bad" "$D/absolute.csv"
	t_err_has "--majority: '$bad'"
done
for bad in bogus '' majority; do
	t_run 64 ess-tally -m motion --base="$bad" "$D/absolute.csv"
	t_err_has "--base: '$bad'"
done
for opt in --eligible --present --represented --max-proxies --quorum; do
	for bad in -1 dix 1.5 ''; do
		t_run 64 ess-tally -m motion "$opt=$bad" "$D/absolute.csv"
		t_err_has "$opt"
	done
done
t_run 64 ess-tally -m motion --quorum=150% --eligible=10 "$D/absolute.csv"
t_err_has '--quorum'
t_run 64 ess-tally -m motion -o svg "$D/absolute.csv"
t_err_has 'svg'

# --- data errors -------------------------------------------------------------
printf 'motion,label,for,against\nM1,x,abc,1\n' >"$TD/bc.csv"
t_run 65 ess-tally -m motion "$TD/bc.csv"
t_err "ess-tally: $TD/bc.csv:2:6: for count 'abc' is not a whole number of at least 0"
printf 'motion,label,for,against\nM1,x,-2,1\n' >"$TD/neg.csv"
t_run 65 ess-tally -m motion "$TD/neg.csv"
t_err "ess-tally: $TD/neg.csv:2:6: for count '-2' is not a whole number of at least 0"
printf 'motion,vote,for\nM1,pour,2\n' >"$TD/both.csv"
t_run 65 ess-tally -m motion "$TD/both.csv"
t_err_has "$TD/both.csv:1: "
t_err_has "use one form or the other"
printf 'motion,label\nM1,x\n' >"$TD/novote.csv"
t_run 65 ess-tally -m motion "$TD/novote.csv"
t_err_has "$TD/novote.csv:1: no 'vote' column"
printf 'vote,voter\npour,Ana\n' >"$TD/nomotion.csv"
t_run 65 ess-tally -m motion "$TD/nomotion.csv"
t_err_has "$TD/nomotion.csv:1: no 'motion' column"
printf 'motion,label,for,against\nM1,x,9223372036854775807,0\nM1,x,1,0\n' >"$TD/ovf.csv"
t_run 65 ess-tally -m motion "$TD/ovf.csv"
t_err_has "$TD/ovf.csv:3"
t_err_has 'overflows'
printf 'motion,vote,weight\nM1,pour,9223372036854775807\nM1,pour,1\n' >"$TD/ovf2.csv"
t_run 65 ess-tally -m motion "$TD/ovf2.csv"
t_err "ess-tally: $TD/ovf2.csv:3:9: the count overflows"

# Header only: the header line, nothing else.
printf 'motion,vote\n' >"$TD/empty.csv"
t_run 0 ess-tally -m motion "$TD/empty.csv"
t_out "$H"

# Motions in the order they first appear; a label from the first row
# that has one.
printf 'motion,label,vote\nB,,pour\nA,Alpha,contre\nB,Beta,pour\n' >"$TD/order.csv"
t_run 0 ess-tally -m motion "$TD/order.csv"
t_out "$H
B,Beta,2,0,0,0,2,2,for > against,1,adopted
A,Alpha,0,1,0,0,1,1,for > against,2,rejected"

t_py_flush
