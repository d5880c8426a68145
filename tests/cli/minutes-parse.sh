# ess-minutes (issue 5): the Markdown conventions as the parser reads
# them: BOM and CRLF, folded header keys, non-breaking spaces before the
# colon, continuation lines, data blocks inline (CSV, JSON, JSON Lines,
# ess-tally's document) or included, "< -".
. "$(dirname "$0")/lib.sh"
D=$DATA/minutes

# BOM, CRLF, "## Un ##", NBSP before the colons, a continuation line.
t_run 0 ess-minutes extract --what=actions "$D/crlf-bom.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
2016-01-11,1,Un,action,rappeler Marie,Paul,,,,"
t_err_empty
# An unknown header key is kept, and named with -v only.
t_run 0 ess-minutes -v extract "$D/crlf-bom.md"
t_err "ess-minutes: $D/crlf-bom.md:5:1: warning: unknown header key 'couleur_du_ciel' (kept)"

# Inline blocks: an attendance sheet (counted), a JSON array under the
# tag ess-table, JSON Lines; "1. DECISION" in a numbered list; French
# header keys; the header's quorum.
t_run 0 ess-minutes check "$D/blocks.md"
t_out_empty
t_err_empty
t_run 0 ess-minutes render -o json "$D/blocks.md"
t_json 'd["tables"][0]["attendance"]' '{"participants": 3, "structures": 0, "partners": 0, "present": 2, "represented": 1, "eligible": 4, "quorum": 3, "quorum_met": true}'
t_json '[t["columns"] for t in d["tables"]]' '[["nom", "statut", "mandataire"], ["atelier", "n", "note"], ["a"]]'
t_run 0 ess-minutes extract --what=votes "$D/blocks.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
2017-06-01,2,Chiffres,decision,budget voté,,,3,0,0"
t_run 0 ess-minutes render -o json "$D/jsonl.md"
t_json 'd["tables"][0]["rows"]' '[[1, ""], [2, "[1,2]"]]'
t_run 65 ess-minutes extract "$D/bad-jsonl.md"
t_err "ess-minutes: $D/bad-jsonl.md:5:7: not valid JSON: invalid token near 'x'"

# A tally block in ess-tally's CSV is read as motions too.
t_run 0 ess-minutes extract --what=votes "$D/tally-csv.md"
t_out "date,item,title,kind,text,owner,due,for,against,abstain
,1,Motions,motion,Rapport moral,,,44,2,2"

# A procès-verbal whose attendance is given as header keys, and whose
# resolutions are ess-tally motions: check accepts it.
t_run 0 ess-minutes check "$D/pv-keys.md"
t_out_empty
t_err_empty

# The pipeline the issue wants: ess-tally's JSON through "< -".
T_STDIN=$D/motions.json
t_run 0 ess-minutes render -o json "$D/stdin-block.md"
t_json '[r[1] for r in d["tables"][0]["rows"]]' '["Approbation du rapport moral", "Approbation des comptes 2016", "Adhésion famille portée à 15 €"]'
# Minutes from stdin cannot read it again.
T_STDIN=$D/stdin-block2.md
t_run 65 ess-minutes extract -
t_err "ess-minutes: <stdin>:4:3: standard input is already read ('< -' may appear once, and not when the minutes come from it)"

t_py_flush
