# ess-tally elections (issue 6): plurality, two-round, approval, score,
# borda, copeland, condorcet, schulze, ranked pairs, the unranked rule,
# ties and --tie-break, the default option and required majorities, the
# output (ranking, --matrix, --rounds, JSON) and every option error.
# Published cases are cited where they are used; the others are built
# here and worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"
D=$DATA/elections

# --- The Tennessee capital example --------------------------------------
# Wikipedia, "Condorcet method", "Instant-runoff voting", "Borda count",
# "Copeland's method", "Two-round system" (the "Tennessee example"):
# 42% Memphis>Nashville>Chattanooga>Knoxville, 26% Nashville>Chattanooga>
# Knoxville>Memphis, 15% Chattanooga>Knoxville>Nashville>Memphis, 17%
# Knoxville>Chattanooga>Nashville>Memphis.  Plurality elects Memphis, IRV
# Knoxville, the Condorcet methods, Borda and Copeland Nashville.  Borda's
# points are the article's (Nashville 194, Chattanooga 173, Memphis 126,
# Knoxville 107).  Two-round: no majority in round 1 (Memphis 42,
# Nashville 26); the run-off Memphis-Nashville is 42 to 58: Nashville,
# as the "Two-round system" article says.
tn=$D/tennessee.csv
t_run 0 ess-tally -m plurality "$tn"
t_out "rank,candidate,votes,share
1,Memphis,42,42.0
2,Nashville,26,26.0
3,Knoxville,17,17.0
4,Chattanooga,15,15.0"
t_err_empty
t_run 0 ess-tally -m two-round "$tn"
t_out "rank,candidate,round1,runoff
1,Nashville,26,58
2,Memphis,42,42
3,Knoxville,17,
4,Chattanooga,15,"
t_run 0 ess-tally -m two-round --rounds "$tn"
t_out "round,candidate,votes,status,transfer
1,Memphis,42,continuing,
1,Nashville,26,continuing,
1,Knoxville,17,excluded,
1,Chattanooga,15,excluded,
2,Memphis,42,excluded,
2,Nashville,58,elected,"
t_run 0 ess-tally -m borda "$tn"
t_out "rank,candidate,points
1,Nashville,194
2,Chattanooga,173
3,Memphis,126
4,Knoxville,107"
# --borda-start=1: every ballot gives each of the 4 candidates one more.
t_run 0 ess-tally -m borda --borda-start=1 "$tn"
t_cols 1,2,3 "rank,candidate,points
1,Nashville,294
2,Chattanooga,273
3,Memphis,226
4,Knoxville,207"
t_run 0 ess-tally -m copeland "$tn"
t_out "rank,candidate,wins,losses,ties,score
1,Nashville,3,0,0,3
2,Chattanooga,2,1,0,1
3,Knoxville,1,2,0,-1
4,Memphis,0,3,0,-3"
for m in condorcet schulze ranked-pairs; do
	t_run 0 ess-tally -m $m "$tn"
	t_cols 1,2 "rank,candidate
1,Nashville
2,Chattanooga
3,Knoxville
4,Memphis"
done
t_run 0 ess-tally -m condorcet -o table "$tn"
t_out_has "Condorcet winner: Nashville"
t_out_has "winner: Nashville"
t_out_has "ballots: 100 valid, 0 blank, 0 invalid"
t_out_has "unranked candidates: last"
t_out_has "ties: reported, not broken"
t_run 0 ess-tally -m irv "$tn"
t_cols 1,2 "rank,candidate
1,Knoxville
2,Memphis
3,Nashville
4,Chattanooga"
# Method names are folded and have aliases.
t_run 0 ess-tally --method=Jugement-Majoritaire --help
t_run 0 ess-tally --method=Tideman "$tn"
t_cols 2 "candidate
Nashville
Chattanooga
Knoxville
Memphis"
t_run 0 ess-tally --method=deux-tours "$tn"
t_cols 2 "candidate
Nashville
Memphis
Knoxville
Chattanooga"

# --- JSON: one document -------------------------------------------------
t_run 0 ess-tally -m borda -o json "$tn"
t_json 'd["method"]' '"borda"'
t_json 'd["unranked"]' '"last"'
t_json 'd["tie_break"]' '"none"'
t_json 'd["borda_start"]' '0'
t_json 'd["ballots"]' '{"valid": 100, "blank": 0, "invalid": 0}'
t_json 'd["sha256"]' "\"$(sha256sum <"$tn" | cut -d' ' -f1)\""
t_json '[(r["rank"], r["tied"], r["candidate"], r["points"]) for r in d["ranking"]]' '[[1, false, "Nashville", 194], [2, false, "Chattanooga", 173], [3, false, "Memphis", 126], [4, false, "Knoxville", 107]]'
t_json 'd["matrix"][0]' '{"candidate": "Memphis", "Memphis": null, "Nashville": 42, "Chattanooga": 42, "Knoxville": 42}'
t_json 'd["ties"]' '[]'
t_json 'd["tied_winners"]' 'false'
t_json 'd["rule"].startswith("borda: with k candidates")' 'true'
t_run 0 ess-tally -m two-round -o json "$tn"
t_json '[(r["round"], r["candidate"], r["votes"], r["status"]) for r in d["rounds"]][-2:]' '[[2, "Memphis", 42, "excluded"], [2, "Nashville", 58, "elected"]]'

# --- Schulze's own example ----------------------------------------------
# Markus Schulze, "A new monotonic, clone-independent, reversal symmetric,
# and Condorcet-consistent single-winner election method", Social Choice
# and Welfare 36 (2011), the 45-voter example (also Wikipedia, "Schulze
# method", example): 5 ACBED, 5 ADECB, 8 BEDAC, 3 CABED, 7 CAEBD, 2 CBADE,
# 7 DCEBA, 8 EBADC.  Published: the matrix d, the strongest paths p
# (p[A,B]=28, p[A,C]=28, p[A,D]=30, p[A,E]=24 ...), and the order
# E > A > C > B > D.
s45=$D/schulze-45.csv
t_run 0 ess-tally -m schulze --candidates=A,B,C,D,E "$s45"
t_out "rank,candidate,wins
1,E,4
2,A,3
3,C,2
4,B,1
5,D,0"
t_run 0 ess-tally -m schulze --matrix --candidates=A,B,C,D,E "$s45"
t_out "matrix,candidate,A,B,C,D,E
pairwise,A,,20,26,30,22
pairwise,B,25,,16,33,18
pairwise,C,19,29,,17,24
pairwise,D,15,12,28,,14
pairwise,E,23,27,21,31,
paths,A,,28,28,30,24
paths,B,25,,28,33,24
paths,C,25,29,,29,24
paths,D,25,28,28,,24
paths,E,25,28,28,31,"
t_run 0 ess-tally -m schulze -o json --candidates=A,B,C,D,E "$s45"
t_json 'd["strength"]' '"winning"'
t_json '[d["paths"][4][k] for k in "ABCD"]' '[25, 28, 28, 31]'
# Margins give the same order here.
t_run 0 ess-tally -m schulze --strength=margin --candidates=A,B,C,D,E "$s45"
t_cols 2 "candidate
E
A
C
B
D"

# --- Schulze and ranked pairs disagree ----------------------------------
# On the same 45 ballots ranked pairs elects A, not E.  Worked out from the
# published matrix: by margin the pairs are B>D 21, E>D 17, A>D 15, C>B 13,
# D>C 11, E>B 9, A>C 7, B>A 5, C>E 3, E>A 1 (winning votes order them the
# same); D>C (C>B>D locked), B>A (A>C>B) and E>A (A>C>E) would make
# cycles and are skipped: A>C>E>B>D.
t_run 0 ess-tally -m ranked-pairs --candidates=A,B,C,D,E "$s45"
t_out "rank,candidate,wins
1,A,4
2,C,3
3,E,2
4,B,1
5,D,0"
t_run 0 ess-tally -m ranked-pairs --strength=winning --candidates=A,B,C,D,E "$s45"
t_cols 2 "candidate
A
C
E
B
D"
t_run 0 ess-tally -m ranked-pairs -o json "$s45"
t_json 'd["strength"]' '"margin"'

# --- A Condorcet cycle: rock, paper, scissors ---------------------------
# A>B>C, B>C>A, C>A>B: each pair is won 2 to 1 round the cycle.  No
# Condorcet winner; the Smith set is {A, B, C}; every method that looks
# only at pairs ties the three.
cy=$D/cycle.csv
t_run 0 ess-tally -m condorcet "$cy"
t_out "rank,candidate,wins,losses,ties
1=,A,1,1,0
1=,B,1,1,0
1=,C,1,1,0"
t_run 0 ess-tally -m condorcet -o table "$cy"
t_out_has "Condorcet winner: none; Smith set: A, B, C"
t_out_has "tied winners: A, B, C (no --tie-break given)"
t_run 0 ess-tally -m condorcet -o json "$cy"
t_json 'd["winner_note"]' '"Condorcet winner: none; Smith set: A, B, C"'
t_json 'd["tied_winners"]' 'true'
t_json '[(r["rank"], r["tied"]) for r in d["ranking"]]' '[[1, true], [1, true], [1, true]]'
for m in schulze ranked-pairs copeland borda; do
	t_run 0 ess-tally -m $m "$cy"
	t_cols 1,2 "rank,candidate
1=,A
1=,B
1=,C"
done
# Ranked pairs: the three pairs are equal (1 each).  Without --tie-break
# none is locked, and a note says so; with order, A>B and B>C are locked
# and C>A skipped, and the tie is listed.
t_run 0 ess-tally -m ranked-pairs -o table "$cy"
t_out_has "ranked pairs: equal pairs A>B, B>C, C>A make a cycle: none of them locked (no --tie-break given)"
t_run 0 ess-tally -m ranked-pairs --tie-break=order -o json "$cy"
t_json '[r["candidate"] for r in d["ranking"]]' '["A", "B", "C"]'
t_json 'd["ties"]' '[{"what": "ranked pairs: equal pairs A>B, B>C, C>A", "chosen": "taken in the order listed", "rule": "order"}]'
# A Condorcet loser below a cycle: the Smith set ranks first, D after it.
printf 'ranking\nA>B>C>D\nB>C>A>D\nC>A>B>D\n' >"$TD/smith.csv"
t_run 0 ess-tally -m condorcet "$TD/smith.csv"
t_cols 1,2 "rank,candidate
1=,A
1=,B
1=,C
4,D"
# The matrix read as such (the cycle's), for the Condorcet methods.
t_run 0 ess-tally -m schulze "$D/cycle-matrix.csv"
t_cols 1,2 "rank,candidate
1=,A
1=,B
1=,C"
t_run 0 ess-tally -m copeland -o table "$D/cycle-matrix.csv"
t_out_has "counted from a pairwise matrix"
t_out_lacks "unranked candidates:"
for m in plurality two-round borda approval irv; do
	t_run 65 ess-tally -m $m "$D/cycle-matrix.csv"
	t_err "ess-tally: a pairwise matrix holds no ballots: --method=$m needs ballots (a matrix feeds copeland, condorcet, schulze and ranked-pairs)"
done

# --- Ties broken, and how -----------------------------------------------
# splitmix64 from the seed: the same seed, the same draw, listed.
t_run 0 ess-tally -m schulze --tie-break=random:42 -o table "$cy"
t_out_has "tie broken (random:42): first place between A, B and C: B"
t_out_has "winner: B"
t_out_has "ties: random:42"
t_run 0 ess-tally -m schulze --tie-break=random:42 "$cy"
t_out "rank,candidate,wins
1,B,0
2=,A,0
2=,C,0"
t_run 0 ess-tally -m schulze --tie-break=random:1 -o json "$cy"
t_json 'd["ties"]' '[{"what": "first place between A, B and C", "chosen": "C", "rule": "random:1"}]'
t_json 'd["tie_break"]' '"random:1"'
t_run 0 ess-tally -m schulze --tie-break=order "$cy"
t_out "rank,candidate,wins
1,A,0
2=,B,0
2=,C,0"
# --candidates sets the order.
t_run 0 ess-tally -m plurality --tie-break=order --candidates=C,B,A "$cy"
t_out "rank,candidate,votes,share
1,C,1,33.3
2=,B,1,33.3
2=,A,1,33.3"
# Two-round: a tie for the second run-off place (B and C, 2 each): not
# broken, there is no run-off; broken by order (--candidates=A,B,C), B
# meets A and wins 4 to 3 on the same ballots.  previous-round has no
# earlier round to look at: order decides, and the rule says so.
printf 'ranking,count\nA>C>B,3\nB>C>A,2\nC>B>A,2\n' >"$TD/tr.csv"
t_run 0 ess-tally -m two-round -o table "$TD/tr.csv"
t_out_has "no run-off: a tie for its places, which --tie-break would break"
t_run 0 ess-tally -m two-round --tie-break=order --candidates=A,B,C "$TD/tr.csv"
t_out "rank,candidate,round1,runoff
1,B,2,4
2,A,3,3
3,C,2,"
t_run 0 ess-tally -m two-round --tie-break=previous-round -o json --candidates=A,B,C "$TD/tr.csv"
t_json 'd["ties"][0]["rule"]' '"previous-round, then order"'
t_json 'd["ties"][0]["chosen"]' '"B"'
# A majority in round 1 elects at once.
printf 'ranking,count\nA>B,3\nB>A,2\n' >"$TD/maj.csv"
t_run 0 ess-tally -m two-round --rounds "$TD/maj.csv"
t_out "round,candidate,votes,status,transfer
1,A,3,elected,
1,B,2,excluded,"
# Plurality: a tied first place counts for no one, and says so.
printf 'ranking\nA=B>C\nA\nC\n' >"$TD/tf.csv"
t_run 0 ess-tally -m plurality -o table "$TD/tf.csv"
t_out_has "ballots with a tied first place, counted for no one: 1"
t_out_has "tied winners: A, C"

# --- Truncated ballots: the unranked rule changes the winner ------------
# 4 ballots rank only A, 3 rank B>A, 1 ranks A>B.  Under --unranked=last
# (the default) a ballot ranking only A puts A above B: A beats B 5 to 3.
# Under ignore, a pair counts only on ballots ranking both: B beats A 3 to
# 1.  So Schulze (as every Condorcet method) elects A, then B.
tr=$D/truncated.csv
t_run 0 ess-tally -m schulze "$tr"
t_cols 2 "candidate
A
B"
t_run 0 ess-tally -m schulze --unranked=ignore "$tr"
t_cols 2 "candidate
B
A"
t_run 0 ess-tally -m schulze --unranked=ignore --matrix "$tr"
t_out "matrix,candidate,A,B
pairwise,A,,1
pairwise,B,3,
paths,A,,0
paths,B,3,"
t_run 0 ess-tally -m copeland --unranked=last --matrix "$tr"
t_out "candidate,A,B
A,,5
B,3,"
t_run 0 ess-tally -m schulze --unranked=ignore -o table "$tr"
t_out_has "unranked candidates: ignore"
# Borda under each rule: last: A gets 1 from each A-only and A>B ballot
# (5), B 3; ignore: an A-only ballot ranks one candidate: 0 points.
t_run 0 ess-tally -m borda "$tr"
t_out "rank,candidate,points
1,A,5
2,B,3"
t_run 0 ess-tally -m borda --unranked=ignore "$tr"
t_out "rank,candidate,points
1,B,3
2,A,1"
# Borda with ties: A=B>C shares 2 and 1: 1.5 each.
printf 'ranking\nA=B>C\n' >"$TD/bt.csv"
t_run 0 ess-tally -m borda "$TD/bt.csv"
t_out "rank,candidate,points
1=,A,1.5
1=,B,1.5
3,C,0"

# --- Approval and score -------------------------------------------------
# Score: Wikipedia, "Score voting", the Tennessee example on 0-10:
# Memphis voters 10/4/2/0 (Memphis, Nashville, Chattanooga, Knoxville),
# Nashville voters 0/10/4/2, Chattanooga voters 0/6/10/6, Knoxville
# voters 0/5/7/10: Nashville 603, Chattanooga 457, Memphis 420,
# Knoxville 312.
t_run 0 ess-tally -m score -i scores "$D/tennessee-scores.csv"
t_out "rank,candidate,sum,ballots,mean
1,Nashville,603,100,6.03
2,Chattanooga,457,100,4.57
3,Memphis,420,100,4.20
4,Knoxville,312,100,3.12"
# Approval: the same voters approving the cities they score above 5
# (Memphis voters: Memphis; Nashville voters: Nashville; Chattanooga
# voters: Nashville, Chattanooga, Knoxville; Knoxville voters:
# Chattanooga, Knoxville): Chattanooga 32... worked out: Memphis 42,
# Nashville 26+15=41, Chattanooga 15+17=32, Knoxville 15+17=32.
printf 'voter,approved,count\n1,Memphis,42\n2,Nashville,26\n3,Nashville;Chattanooga;Knoxville,15\n4,Chattanooga;Knoxville,17\n' >"$TD/appr.csv"
t_run 0 ess-tally -m approval "$TD/appr.csv"
t_out "rank,candidate,approvals,share
1,Memphis,42,42.0
2,Nashville,41,41.0
3=,Chattanooga,32,32.0
3=,Knoxville,32,32.0"
# Ranked ballots approve what they rank.
t_run 0 ess-tally -m approval "$tr"
t_out "rank,candidate,approvals,share
1,A,8,100.0
2,B,4,50.0"
# A score outside --range.
printf 'A,B\n11,3\n' >"$TD/sc.csv"
t_run 65 ess-tally -m score -i scores "$TD/sc.csv"
t_err_has "sc.csv:2:"
t_err_has "score 11 for 'A' is outside --range=0-10"
t_run 0 ess-tally -m score -i scores --range=0-20 "$TD/sc.csv"
t_out "rank,candidate,sum,ballots,mean
1,A,11,1,11.00
2,B,3,1,3.00"
t_run 65 ess-tally -m score -k -i scores -o table "$TD/sc.csv"
t_out_has "ballots: 0 valid, 0 blank, 1 invalid"
# A ballot of the wrong kind.
t_run 65 ess-tally -m schulze "$TD/appr.csv"
t_err_has "appr.csv:2:"
t_err_has "an approval ballot: --method=schulze counts ranked ballots"

# --- The default option and required majorities (Debian) ---------------
# Debian constitution A.6(3): an option A is dropped unless V(A,D) >
# V(D,A) and V(A,D) >= N * V(D,A) for its majority N.  Built here: 6
# B>A>NOTA, 3 A>NOTA>B, 2 NOTA>A>B.  V(A,NOTA) = 9, V(NOTA,A) = 2 (passes
# 3:1); V(B,NOTA) = 6, V(NOTA,B) = 5 (passes 1:1, fails 3:1); B beats A
# 6 to 5.  Without a required majority B wins; with B:3/1, B is dropped
# and A wins.
sm=$D/supermajority.csv
t_run 0 ess-tally -m schulze --default-option=NOTA "$sm"
t_cols 2 "candidate
B
A
NOTA"
t_run 0 ess-tally -m schulze --default-option=NOTA --supermajority=B:3/1 "$sm"
t_out "rank,candidate,wins,status
1,A,1,
2,NOTA,0,
3,B,,dropped"
t_run 0 ess-tally -m schulze --default-option=NOTA --supermajority=B:3:1 -o table "$sm"
t_out_has "dropped: B does not defeat the default option NOTA by 3:1 (6 to 5)"
t_run 0 ess-tally -m schulze --default-option=NOTA --supermajority=A:9/2 "$sm"
t_cols 2 "candidate
B
A
NOTA"
t_run 0 ess-tally -m schulze --default-option=NOTA --supermajority=A:5/1 -o json "$sm"
t_json 'd["supermajorities"]' '{"A": "5:1"}'
t_json 'd["default_option"]' '"NOTA"'
t_json '[r.get("status") for r in d["ranking"]]' '[null, null, "dropped"]'
# An option that does not beat the default option is dropped.
printf 'ranking,count\nNOTA>A>B,3\nB>A>NOTA,2\n' >"$TD/nota.csv"
t_run 0 ess-tally -m condorcet --default-option=NOTA -o table "$TD/nota.csv"
t_out_has "dropped: A does not defeat the default option NOTA (2 to 3)"
t_out_has "dropped: B does not defeat the default option NOTA (2 to 3)"
t_run 65 ess-tally -m schulze --default-option=None "$sm"
t_err "ess-tally: --default-option: 'None' is not one of the options of the ballots"
t_run 65 ess-tally -m schulze --default-option=NOTA --supermajority=Z:3/1 "$sm"
t_err "ess-tally: --supermajority: 'Z' is not one of the options of the ballots"

# --- Option errors: each says why ---------------------------------------
t_usage() {	# MESSAGE ARGS...: exit 64 and the message
	msg=$1
	shift
	t_run 64 ess-tally "$@" "$tn"
	t_err_has "$msg"
}
t_usage "unknown method 'hondt' (dots, motion, plurality, two-round, approval, score, borda, copeland, condorcet, schulze, ranked-pairs, irv, stv, majority-judgment)" -m hondt
t_usage "--seats makes no sense with --method=borda (only with stv)" -m borda --seats=2
t_usage "--quota makes no sense with --method=irv (only with stv)" -m irv --quota=hare
t_usage "--strength makes no sense with --method=plurality (only with schulze, ranked-pairs)" -m plurality --strength=margin
t_usage "--range makes no sense with --method=approval (only with score)" -m approval --range=0-5
t_usage "--borda-start makes no sense with --method=copeland (only with borda)" -m copeland --borda-start=1
t_usage "--default-grade makes no sense with --method=score (only with majority-judgment)" -m score --default-grade=bien
t_usage "--unranked makes no sense with --method=irv (only with two-round, borda, copeland, condorcet, schulze, ranked-pairs)" -m irv --unranked=ignore
t_usage "--matrix makes no sense with --method=plurality (only with two-round, borda, copeland, condorcet, schulze, ranked-pairs)" -m plurality --matrix
t_usage "--rounds makes no sense with --method=schulze (only with two-round, irv, stv)" -m schulze --rounds
t_usage "--supermajority makes no sense with --method=borda (only with copeland, condorcet, schulze, ranked-pairs)" -m borda --default-option=A --supermajority=B:3/1
t_usage "--default-option makes no sense with --method=irv (only with copeland, condorcet, schulze, ranked-pairs)" -m irv --default-option=A
t_usage "--tie-break=previous-round makes no sense with --method=schulze: it has no rounds (use random:SEED or order)" -m schulze --tie-break=previous-round
t_usage "--supermajority needs --default-option: the option it must beat" -m schulze --supermajority=B:3/1
t_usage "--supermajority: 'NOTA' is the default option: it cannot need a majority against itself" -m schulze --default-option=NOTA --supermajority=NOTA:3/1
t_usage "--supermajority: 2/3 is below 1: N/M is the ratio of the votes for the option to those for the default option (3/1: three quarters; a two-thirds majority is 2/1)" -m schulze --default-option=N --supermajority=B:2/3
t_usage "--supermajority: 'B3' is not OPTION:N/M (e.g. 'Amend the constitution:3/1')" -m schulze --default-option=N --supermajority=B3
t_usage "--supermajority: 'B:x/1' is not OPTION:N/M with N and M whole numbers above 0" -m schulze --default-option=N --supermajority=B:x/1
t_usage "--supermajority: option 'B' is given twice" -m schulze --default-option=N --supermajority=B:3/1 --supermajority=B:2/1
t_usage "--rounds and --matrix each replace the ranking: give one, or both with -o json" -m two-round --rounds --matrix
t_usage "-o svg draws sticker votes, irv and stv rounds and majority judgment only, not --method=schulze" -m schulze -o svg
t_usage "--range: '10-0' is not LO-HI with LO below HI (e.g. 0-10)" -m score --range=10-0
t_usage "--range: 'x' is not LO-HI with LO below HI (e.g. 0-10)" -m score --range=x
t_usage "--borda-start: '2' is not 0 or 1" -m borda --borda-start=2
t_usage "--strength: 'ratio' is not margin or winning" -m schulze --strength=ratio
t_usage "--quota: 'dhondt' is not droop, droop-exact, hare or hagenbach-bischoff" -m stv --quota=dhondt
t_usage "--seats: N must be at least 1" -m stv --seats=0
t_usage "--unranked: 'maybe' is not last or ignore" -m schulze --unranked=maybe
t_usage "--tie-break: 'coin' is not random:SEED, order or previous-round" -m schulze --tie-break=coin
t_usage "--tie-break: seed 'x' is not a whole number from 0 to 18446744073709551615" -m schulze --tie-break=random:x
t_usage "--tie-break: seed '-1' is not a whole number from 0 to 18446744073709551615" -m schulze --tie-break=random:-1
t_usage "--candidates: the list is empty" -m schulze --candidates=
t_usage "--unranked is an election option: it makes no sense with --method=dots" --unranked=last
t_usage "--tie-break is an election option: it makes no sense with --method=motion" -m motion --tie-break=order
t_usage "--items is for sticker votes and motions: it makes no sense with --method=schulze" -m schulze --items=x.csv
t_usage "--majority is for sticker votes and motions: it makes no sense with --method=irv" -m irv --majority=absolute
t_usage "-i cef is a ballot format: it makes no sense with --method=dots" -i cef
t_run 64 ess-tally -m schulze --rounds "$tn"
t_out_empty
t_py_flush
