# ess-tally's ballot formats, read as a user gives them: each format of
# tests/data/ballots (the same Tennessee election in every ranked format:
# 42 Memphis>Nashville>Chattanooga>Knoxville, 26 Nashville>..., 15
# Chattanooga>..., 17 Knoxville>...; Wikipedia, "Condorcet method"), by
# its extension, by its content on stdin, and forced by -i; then every
# check of a ballot, stopping (65) and with --keep-going (counted invalid,
# still 65, rejected CSV rows in --rejects).
. "$(dirname "$0")/lib.sh"

D=$DATA/ballots
PLURALITY='rank,candidate,votes,share
1,Memphis,42,42.0
2,Nashville,26,26.0
3,Knoxville,17,17.0
4,Chattanooga,15,15.0'

# --- every ranked format: the same counts ------------------------------------
for f in tennessee-long.csv tennessee-ranks.csv tennessee-candidates.csv \
	tennessee.cvotes tennessee.soc tennessee-old.soc tennessee.blt tennessee.jsonl; do
	t_run 0 ess-tally -m plurality "$D/$f"
	t_out "$PLURALITY"
	t_err_empty
	# The same bytes on stdin: the format from the content.
	T_STDIN=$D/$f t_run 0 ess-tally -m plurality
	t_out "$PLURALITY"
	t_run 0 ess-tally -m schulze -o json "$D/$f"
	t_json '[r["candidate"] for r in d["ranking"]]' '["Nashville", "Chattanooga", "Knoxville", "Memphis"]'
done
for pair in tennessee-long.csv:long tennessee-ranks.csv:ranks tennessee-candidates.csv:candidates \
	tennessee.cvotes:cef tennessee.soc:preflib tennessee-old.soc:preflib tennessee.blt:blt \
	tennessee.jsonl:long tennessee-matrix.csv:matrix; do
	f=${pair%%:*}
	t_run 0 ess-tally -m schulze -o json "$D/$f"
	t_json 'd["format"]' "\"${pair#*:}\""
	t_json 'd["ballots"]["valid"]' 100
done
# CEF: "^2 * 13" is 26 voters; "/EMPTY/ * 3" three blank ballots.
t_run 0 ess-tally -m schulze -o json "$D/tennessee.cvotes"
t_json 'd["ballots"]' '{"valid": 100, "blank": 3, "invalid": 0}'

# The matrix feeds the Condorcet methods only.
t_run 0 ess-tally -m schulze "$D/tennessee-matrix.csv"
t_out 'rank,candidate,wins
1,Nashville,3
2,Chattanooga,2
3,Knoxville,1
4,Memphis,0'
t_run 65 ess-tally -m plurality "$D/tennessee-matrix.csv"
t_err_has 'a pairwise matrix holds no ballots'
# As Debian publishes its matrices: the corner cell empty.
sed '1s/^candidate,/,/' "$D/tennessee-matrix.csv" >"$TD/debian-matrix.csv"
t_check "the corner is empty" grep -q '^,Memphis,' "$TD/debian-matrix.csv"
t_run 0 ess-tally -m schulze "$TD/debian-matrix.csv"
t_out 'rank,candidate,wins
1,Nashville,3
2,Chattanooga,2
3,Knoxville,1
4,Memphis,0'
# Only the first name may be empty.
printf 'candidate,,Nashville\nMemphis,-,42\n' >"$TD/hole.csv"
t_run 65 ess-tally -m schulze "$TD/hole.csv"
t_err_has "column 2 of the header has no name"

# --- -i forces the format -----------------------------------------------------
cp "$D/tennessee.cvotes" "$TD/votes.txt"
t_run 0 ess-tally -m plurality -i cef "$TD/votes.txt"
t_out "$PLURALITY"
cp "$D/tennessee.blt" "$TD/votes.dat"
t_run 0 ess-tally -m plurality -i blt "$TD/votes.dat"
t_out "$PLURALITY"
t_run 65 ess-tally -m plurality -i blt "$D/tennessee.cvotes"
t_err "ess-tally: $D/tennessee.cvotes:1:1: a BLT file starts with the number of candidates and of seats ('4 2')"
t_run 64 ess-tally -m plurality -i votes "$D/tennessee.cvotes"
t_err_has "unknown input format 'votes' (csv, tsv, json, jsonl, long, ranks, candidates, approval, grades, scores, grade-counts, matrix, cef, preflib, blt)"
# -i tsv then -i long: a TSV table of long ballots.
printf 'voter\tranking\n1\tA>B\n2\tB\n' >"$TD/l.tsv"
t_run 0 ess-tally -m plurality -i tsv -i long "$TD/l.tsv"
t_out 'rank,candidate,votes,share
1=,A,1,50.0
1=,B,1,50.0'

# --- approval, grades, scores, grade counts -----------------------------------
for f in approval-long.csv approval-columns.csv; do
	t_run 0 ess-tally -m approval -o json "$D/$f"
	t_json 'd["ballots"]' '{"valid": 3, "blank": 1, "invalid": 0}'
	t_json '[r["candidate"] for r in d["ranking"]]' '["B", "A", "C"]'
done
t_run 0 ess-tally -m majority-judgment -o json "$D/grades-fr.csv"
t_json 'd["format"]' '"grades"'
t_json 'd["ballots"]["valid"]' 3
t_run 0 ess-tally -m majority-judgment -o json "$D/grades-en.csv"
t_json 'd["ballots"]["valid"]' 2
t_run 0 ess-tally -m majority-judgment -o json "$D/grades-num.csv"
t_json 'd["ballots"]["valid"]' 2
t_run 0 ess-tally -m majority-judgment -o json "$D/grade-counts.csv"
t_json 'd["format"]' '"grade-counts"'
t_json 'd["ballots"]["valid"]' 21
t_run 0 ess-tally -m score -o json "$D/scores.csv"
t_json 'd["format"]' '"scores"'
t_json '[r["candidate"] for r in d["ranking"]]' '["A", "C", "B"]'

# --- --candidates ---------------------------------------------------------------
t_run 65 ess-tally -m plurality --candidates=A,B "$D/tennessee-long.csv"
t_err "ess-tally: $D/tennessee-long.csv:2:3: unknown candidate 'Memphis'"
t_run 64 ess-tally -m plurality --candidates=A,B,A "$D/tennessee-long.csv"
t_err "ess-tally: --candidates: 'A' is listed twice"
t_run 0 ess-tally -m plurality --candidates=Nashville,Memphis,Knoxville,Chattanooga,Atlanta "$D/tennessee.soc"
t_out "$PLURALITY
5,Atlanta,0,0.0"

# --- every check: stops at the first ---------------------------------------------
t_run 65 ess-tally -m plurality "$D/err-unknown.cvotes"
t_err "ess-tally: $D/err-unknown.cvotes:3:5: unknown candidate 'Atlanta'"
t_out_empty
t_run 65 ess-tally -m plurality "$D/err-twice.csv"
t_err "ess-tally: $D/err-twice.csv:3:3: candidate 'A' is on the ballot twice"
t_run 65 ess-tally -m plurality "$D/err-gap-candidates.csv"
t_err "ess-tally: $D/err-gap-candidates.csv:3:3: 'B' is ranked 3 but no candidate is ranked 2: the ranks leave a gap"
t_run 65 ess-tally -m plurality "$D/err-gap-ranks.csv"
t_err "ess-tally: $D/err-gap-ranks.csv:3:6: rank 3 is filled but rank 2 is empty: the ranks leave a gap"
t_run 65 ess-tally -m plurality "$D/err-weight.cvotes"
t_err "ess-tally: $D/err-weight.cvotes:1:7: count '0' is not a positive whole number"
t_run 65 ess-tally -m plurality "$D/err-count.csv"
t_err "ess-tally: $D/err-count.csv:3:7: count '-1' is not a positive whole number"
t_run 65 ess-tally -m plurality "$D/err-blt.blt"
t_err "ess-tally: $D/err-blt.blt:3:3: unknown candidate: 5 is not between 1 and 3"
t_run 65 ess-tally -m plurality "$D/err-preflib.soi"
t_err "ess-tally: $D/err-preflib.soi:6:7: unknown candidate: alternative 7 is not between 1 and 3"

# --- --keep-going: every problem said, the ballots counted invalid, still 65 ------
t_run 65 ess-tally -m plurality -k -o json "$D/err-blt.blt"
t_err "ess-tally: $D/err-blt.blt:3:3: unknown candidate: 5 is not between 1 and 3
ess-tally: $D/err-blt.blt:4:5: candidate '1' is on the ballot twice
ess-tally: $D/err-blt.blt:5:1: weight 'x' is not a positive whole number
ess-tally: $D/err-blt.blt:6:6: the ballot does not end with 0"
t_json 'd["ballots"]' '{"valid": 2, "blank": 0, "invalid": 4}'
t_run 65 ess-tally -m plurality -k -o json "$D/err-preflib.soi"
t_err "ess-tally: $D/err-preflib.soi:6:7: unknown candidate: alternative 7 is not between 1 and 3
ess-tally: $D/err-preflib.soi:7:12: expected an alternative's number, ',' or braces around tied ones
ess-tally: $D/err-preflib.soi:8:6: expected an alternative's number, ',' or braces around tied ones
ess-tally: $D/err-preflib.soi:9:1: count 0 is not a positive whole number"
t_json 'd["ballots"]' '{"valid": 2, "blank": 0, "invalid": 4}'
t_run 65 ess-tally -m plurality -k -o json "$D/err-weight.cvotes"
t_err "ess-tally: $D/err-weight.cvotes:1:7: count '0' is not a positive whole number
ess-tally: $D/err-weight.cvotes:2:7: weight 'x' is not a positive whole number"
t_json 'd["ballots"]' '{"valid": 1, "blank": 0, "invalid": 2}'
t_run 65 ess-tally -m plurality --rejects="$TD/rejects.csv" "$D/err-count.csv"
t_out 'rank,candidate,votes,share
1,A,2,100.0
2,B,0,0.0'
t_check "rejects hold the rows and reasons" cmp -s "$TD/rejects.csv" - <<'EOF'
voter,ranking,count,reject_reason
2,B>A,-1,count '-1' is not a positive whole number
3,B>A,1.5,count '1.5' is not a positive whole number
EOF

# --- blank ballots are counted, not errors ------------------------------------------
printf 'voter,ranking\n1,A>B\n2,\n3, \n' >"$TD/blank.csv"
t_run 0 ess-tally -m plurality -o json "$TD/blank.csv"
t_json 'd["ballots"]' '{"valid": 1, "blank": 2, "invalid": 0}'

# --- broken files: a message at the place, 65 -----------------------------------------
printf '#/Candidates: A ; B\nA > B\n#/Number of Seats: 2\n' >"$TD/late.cvotes"
t_run 65 ess-tally -m plurality "$TD/late.cvotes"
t_err "ess-tally: $TD/late.cvotes:3:1: parameters (#/...) must come before the first vote"
printf '2 1\n1 1 0\n' >"$TD/noend.blt"
t_run 65 ess-tally -m plurality "$TD/noend.blt"
t_err "ess-tally: $TD/noend.blt:2: the ballots do not end with a line '0'"
printf '2 1\n[seats 3]\n1 1 0\n0\n"A"\n"B"\n' >"$TD/opt.blt"
t_run 65 ess-tally -m plurality "$TD/opt.blt"
t_err "ess-tally: $TD/opt.blt:2:2: unknown option: only [tie ...] and [dropped ...] are understood"
printf 'A > B\n\377 > A\n' >"$TD/bad.cvotes"
t_run 65 ess-tally -m plurality "$TD/bad.cvotes"
t_err "ess-tally: $TD/bad.cvotes:2:1: invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"
printf 'A > B\n\351t\351 > A\n' >"$TD/latin1.cvotes"
t_run 0 ess-tally -m plurality --encoding=latin1 "$TD/latin1.cvotes"
t_out_has "1=,été,1,50.0"

# An online form's export: when and a remark beside the ballot, neither
# a candidate.
printf 'Horodatage,Votant,Commentaire,Memphis,Nashville\n2026-01-01 10:00,a,RAS,1,2\n2026-01-01 10:05,b,,2,1\n2026-01-01 10:06,c,bof,2,1\n' >"$TD/form.csv"
t_run 0 ess-tally -m schulze "$TD/form.csv"
t_out 'rank,candidate,wins
1,Nashville,1
2,Memphis,0'

t_py_flush
