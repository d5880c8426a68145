# ess-minutes (issue 5): the parser's errors at file:line:col, attendance,
# extract and check, as a user runs them.
. "$(dirname "$0")/lib.sh"
D=$DATA/minutes

# --- commands and help
t_run 0 ess-minutes --help
t_out_has "Commands:"
t_out_has "  attendance  "
t_out_has "Exit status:"
t_run 0 ess-minutes render --help
t_run 64 ess-minutes
t_err_has "missing command (render, attendance, extract or check)"
t_run 64 ess-minutes nosuch
t_err_has "unknown command 'nosuch'"

# --- attendance
t_run 0 ess-minutes attendance "$D/emargement.csv"
t_out "participants,structures,partners,present,represented,eligible,quorum,quorum_met
6,2,2,5,1,,,"
t_run 0 ess-minutes attendance --eligible=10 -o json "$D/emargement.csv"
t_out '{
  "participants": 6,
  "structures": 2,
  "partners": 2,
  "present": 5,
  "represented": 1,
  "eligible": 10,
  "quorum": 5,
  "quorum_met": true
}'
t_run 0 ess-minutes attendance --eligible=10 --quorum=7 "$D/emargement.csv"
t_out "participants,structures,partners,present,represented,eligible,quorum,quorum_met
6,2,2,5,1,10,7,false"
t_run 0 ess-minutes attendance --eligible=13 --quorum=50% "$D/emargement.csv"
t_cols 7,8 "quorum,quorum_met
7,false"
T_STDIN=$D/emargement.csv
t_run 0 ess-minutes attendance -
t_cols 1 "participants
6"
t_run 65 ess-minutes attendance "$D/bad-status.csv"
t_err "ess-minutes: $D/bad-status.csv:3:3: status 'absent' is neither present nor represented"
t_run 64 ess-minutes attendance --quorum=abc "$D/emargement.csv"
t_run 66 ess-minutes attendance "$D/nosuch.csv"
t_err_has "nosuch.csv"

# --- extract
t_run 0 ess-minutes extract --what=decisions "$D/pv-good.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
2017-03-18,1,1. Rapport moral,decision,le rapport moral est approuvé,,,5,0,1"
t_run 0 ess-minutes extract --what=actions "$D/pv-good.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
2017-03-18,1,1. Rapport moral,action,publier le rapport sur le site,Chloé,2017-04-01,,,
2017-03-18,1,1. Rapport moral,action,relancer la mairie,David,,,,"
# --open: due on or after --on, or no due date.
t_run 0 ess-minutes extract --what=actions --open --on=2017-04-01 "$D/pv-good.md"
t_cols 5 "text
publier le rapport sur le site
relancer la mairie"
t_run 0 ess-minutes extract --open --on=02/04/2017 "$D/pv-good.md"
t_cols 5 "text
relancer la mairie"
t_run 0 ess-minutes extract --what=votes "$D/pv-good.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
2017-03-18,1,1. Rapport moral,decision,le rapport moral est approuvé,,,5,0,1
2017-03-18,2,Votes,motion,Approbation du rapport moral,,,44,2,2
2017-03-18,2,Votes,motion,Approbation des comptes 2016,,,40,4,3
2017-03-18,2,Votes,motion,Adhésion famille portée à 15 €,,,32,16,0"
# Several files, in the order given; stdin as -.
t_run 0 ess-minutes extract --what=decisions "$D/pv-good.md" "$D/cr-inline.md"
t_cols 1,2,5 "date,item,text
2017-03-18,1,le rapport moral est approuvé
2016-01-11,0,on garde le format
2016-01-11,1,ouvrir un groupe de travail"
T_STDIN=$D/cr-inline.md
t_run 0 ess-minutes extract -
t_cols 5 "text
on garde le format
ouvrir un groupe de travail"
t_run 0 ess-minutes extract -o json --what=actions "$D/cr-inline.md"
t_json 'd[0]["owner"], d[0]["due"], d[0]["item"]' '["Marie", "2016-02-01", 1]'
t_run 0 ess-minutes extract -O "$TD/a.csv" "$D/pv-good.md"
t_out_empty
t_check "extract -O writes the file" grep -q "approuvé" "$TD/a.csv"
t_run 74 ess-minutes extract "$D/pv-good.md" -O /dev/full
t_run_to 74 /dev/full ess-minutes extract "$D/pv-good.md"
t_run 66 ess-minutes extract "$D/nosuch.md"
t_err_has "nosuch.md"
t_run 64 ess-minutes extract --what=minutes "$D/pv-good.md"
t_run 64 ess-minutes extract --on=2017-13-01 "$D/pv-good.md"

# --- the parser's errors, each at its file:line:col
err() {	# STATUS FILE MESSAGE
	t_run "$1" ess-minutes extract "$D/$2"
	t_err "ess-minutes: $D/$2:$3"
}
err 65 bad-header-open.md "1:1: header opened here is never closed (expected a line '---')"
err 65 bad-header-line.md "2:1: header line is not 'key: value'"
err 65 bad-date.md "3:7: date '2017-02-30' is not a date (YYYY-MM-DD or DD/MM/YYYY)"
err 65 bad-type.md "3:7: type 'pv' is not compte-rendu, pv-ag or pv-ca"
err 65 bad-time.md "2:8: start '25h' is not a time (14:30, 14h30 or 14h)"
err 65 bad-tag.md "3:4: unknown block tag 'talley' (tally, attendance or table)"
err 65 bad-tag-ess.md "3:4: unknown block tag 'ess-vote' (tally, attendance or table)"
err 65 bad-tag-none.md "3:1: a block that includes a file needs a tag: tally, attendance or table"
err 66 bad-include.md "4:3: cannot open '$D/nosuch.json': No such file or directory"
err 66 bad-attendance-file.md "3:1: cannot open attendance file '$D/nosuch.csv': No such file or directory"
err 65 bad-block-open.md "3:1: table block opened here is never closed (expected a line '\`\`\`')"
err 65 bad-tail-open.md "3:19: '{' opens a tail that is never closed (expected '}' at the end)"
err 65 bad-tail-count.md "3:38: 'x' is not a count (a whole number, 0 or more)"
err 65 bad-tail-key.md "4:27: unknown key 'nul' in the tail (pour, contre, abstention, qui, echeance)"
err 65 bad-tail-due.md "3:37: due date '31/02/2017' is not a date (YYYY-MM-DD or DD/MM/YYYY)"
err 65 bad-tail-pair.md "3:16: 'qui Anne' in the tail is not 'key: value'"
err 65 bad-inline-csv.md "5: 3 fields, the header has 2"
err 65 bad-inline-json.md "4:14: not valid JSON: unexpected token near '}'"
# Ordinary code blocks are left alone, even with our words inside.
t_run 0 ess-minutes extract --what=actions "$D/code-blocks.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
,1,Code,action,la vraie action,,,,,"

# --- "< -": a block reads standard input, once
T_STDIN=$D/motions.json
t_run 0 ess-minutes extract --what=votes "$D/stdin-block.md"
t_cols 5 "text
Approbation du rapport moral
Approbation des comptes 2016
Adhésion famille portée à 15 €"
T_STDIN=$D/motions.json
t_run 65 ess-minutes extract "$D/stdin-twice.md"
t_err_has "stdin-twice.md:8:3: standard input is already read"

# --- check
t_run 0 ess-minutes check "$D/pv-good.md"
t_out_empty
t_err_empty
t_run 0 ess-minutes check "$D/cr-inline.md"
t_err_has "not a procès-verbal (type compte-rendu): not checked"
t_run 65 ess-minutes check "$D/pv-bad.md"
t_out "$D/pv-bad.md:1: missing the body that met (header key organiser or association)
$D/pv-bad.md:1: missing the place (header key place)
$D/pv-bad.md:1: missing how and when members were convened (header key convened)
$D/pv-bad.md:1: missing present and represented members (header key attendance, an attendance block, or keys present and represented)
$D/pv-bad.md:1: missing the quorum (header key eligible: members who may vote)
$D/pv-bad.md:1: missing the secretary (header key secretary)
$D/pv-bad.md:9: missing the resolution's counts ({pour: N; contre: N; abstention: N})
$D/pv-bad.md:1: missing the closing time (header key end)
$D/pv-bad.md:10: missing the signatures (a '## Signatures' section: chair and secretary)"
t_err "ess-minutes: 9 items missing"
t_run 65 ess-minutes check "$D/pv-good.md" "$D/pv-bad.md"
t_run_to 74 /dev/full ess-minutes check "$D/pv-bad.md"

t_py_flush
