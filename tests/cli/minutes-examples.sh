# The examples of ess-minutes (share/examples/bouillon-2016 and
# ag-cafe-pluche): they render in every format without a word on stderr;
# their counts are the seed's (50 participants, 21 structures, 7 partners;
# the sticker table 18/1, 18/0, 12/5, 9/1, 16/2) and the general
# assembly's (40 present, 8 represented, quorum 30 of 60; each decision's
# votes are ess-tally's); the JSON files they include are what ess-tally
# writes today; check accepts the procès-verbal and names each missing
# item of the broken one; the README's pipeline runs.
. "$(dirname "$0")/lib.sh"
B=$EX/bouillon-2016
A=$EX/ag-cafe-pluche
BINABS=$(cd "$BIN" && pwd)

# ------------------------------------------------ every format renders
for f in "$B/compte-rendu.md" "$A/pv-ag.md"; do
	for o in md html txt json; do
		t_run 0 ess-minutes render -o "$o" "$f"
		t_err_empty
		[ -s "$OUT" ]
		t_report $? "$T_DESC: writes something"
	done
done

# --------------------------------------- the committed includes are fresh
# Run from inside the folder, as they were made: "inputs" is relative.
(cd "$B" && "$BINABS/ess-tally" -o json --sort=input --items=besoins.csv gommettes.csv) >"$TD/gommettes.json" 2>"$ERR"
cmp -s "$TD/gommettes.json" "$B/gommettes.json"
t_report $? "bouillon-2016/gommettes.json is what ess-tally -o json --sort=input --items=besoins.csv gommettes.csv writes" \
	"$(diff "$B/gommettes.json" "$TD/gommettes.json" | head -n 20)"
(cd "$A" && "$BINABS/ess-tally" -m motion --eligible=60 --quorum=50% --majority=two-thirds \
	-o json votes.csv) >"$TD/votes.json" 2>"$ERR"
cmp -s "$TD/votes.json" "$A/votes.json"
t_report $? "ag-cafe-pluche/votes.json is what ess-tally -m motion --eligible=60 --quorum=50% --majority=two-thirds -o json votes.csv writes" \
	"$(diff "$A/votes.json" "$TD/votes.json" | head -n 20)"

# ------------------------------------------------ the seed's counts
t_run 0 ess-minutes attendance -o csv "$B/emargement.csv"
t_out 'participants,structures,partners,present,represented,eligible,quorum,quorum_met
50,21,7,50,0,,,'
t_run 0 ess-minutes attendance -o json "$B/emargement.csv"
t_json '[d[k] for k in ("participants", "structures", "partners")]' '[50, 21, 7]'

# The sign-in sheet's counts by hand (awk), as a cross-check of the file
# itself: 50 rows, 21 distinct structures, 7 distinct partners.
awk -F, 'NR > 1 { n++; if ($3 == "structure") s[$2]; if ($3 == "partner") p[$2] }
	END { for (k in s) ns++; for (k in p) np++; print n, ns, np }' "$B/emargement.csv" >"$OUT"
t_out '50 21 7'

t_run 0 ess-minutes render -o json "$B/compte-rendu.md"
t_json '[d["attendance"][k] for k in ("participants", "structures", "partners")]' '[50, 21, 7]'
t_json '[t["tag"] for t in d["tables"]]' '["tally", "attendance"]'
t_json '[t["attendance"][k] for t in d["tables"] if t["tag"] == "attendance" for k in ("participants", "structures", "partners")]' '[50, 21, 7]'
# The seed's table, in its order: items 1 to 4, then the two proposed.
t_json '[(r["item"], r["green"], r["red"]) for r in [t for t in d["tables"] if t["tag"] == "tally"][0]["tally"]["rows"]]' \
	'[["1", 18, 1], ["2", 18, 0], ["3", 12, 5], ["4", 9, 1], ["5", 16, 2], ["6", 0, 0]]'
t_json '[i["title"] for i in d["items"]]' '["", "Introduction", "Ce qu’il faut retenir", "Déroulement", "Étaient représentés", "Les besoins", "Les solutions à développer", "Les suites à donner", "Pour plus de renseignements", "Annexe 1 : expression des participants sur les besoins pré-identifiés", "Annexe 2 : ateliers sur les pistes d’action", "Annexe 3 : feuille d’émargement"]'
t_json 'len(d["actions"]), len(d["infos"]), len(d["decisions"])' '[4, 1, 0]'
t_json 'd["date"], d["start"], d["end"], d["type"]' '["2016-11-28", "13:30", "18:00", "compte-rendu"]'

# The same table in the rendered text and page.
# The summary, whatever space comes before the colon (French typography
# wants a no-break one).
t_summary() {
	grep -Eq '50 participants.?: 21 structures, 7 partenaires' "$OUT"
	t_report $? "$T_DESC: the summary says 50 participants, 21 structures, 7 partners" \
		"$(grep participants "$OUT" | head -n 3)"
}
t_run 0 ess-minutes render -o md "$B/compte-rendu.md"
t_summary
t_run 0 ess-minutes render -o txt "$B/compte-rendu.md"
t_summary
t_out_lacks 'émargement: emargement.csv'
t_run 0 ess-minutes render -o html "$B/compte-rendu.md"
t_summary
t_out_has 'Coopération économique entre les acteurs de l’ESS du territoire'
t_out_lacks '< gommettes.json'
t_out_lacks '```'

# ------------------------------------------------ the general assembly
t_run 0 ess-minutes attendance --eligible=60 -o csv "$A/emargement.csv"
t_out 'participants,structures,partners,present,represented,eligible,quorum,quorum_met
48,0,0,40,8,60,30,true'

t_run 0 ess-minutes render -o json "$A/pv-ag.md"
t_json '[d["attendance"][k] for k in ("present", "represented", "eligible", "quorum", "quorum_met")]' \
	'[40, 8, 60, 30, true]'
t_json '[[e["for"], e["against"], e["abstain"]] for e in d["decisions"]]' \
	'[[44, 2, 2], [40, 4, 3], [32, 16, 0]]'
# Each decision's votes are the tally's, row by row.
t_py "the decisions' votes are the tally's" '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
tally = [t for t in d["tables"] if t["tag"] == "tally"][0]["tally"]
got = [[e["for"], e["against"], e["abstain"]] for e in d["decisions"]]
want = [[r["for"], r["against"], r["abstain"]] for r in tally["rows"]]
assert got == want, (got, want)
assert tally["present"] == d["attendance"]["present"]
assert tally["represented"] == d["attendance"]["represented"]
assert tally["eligible"] == d["eligible"] == 60
assert tally["quorum"] == d["attendance"]["quorum"]
' "$OUT"

# The decisions' votes, as extract writes them, are those ess-tally
# counted; --what=votes adds the motions of the tally block, the same.
t_run 0 ess-minutes extract --what=decisions -o csv "$A/pv-ag.md"
t_cols 2,4,8,9,10 'item,kind,for,against,abstain
1,decision,44,2,2
2,decision,40,4,3
3,decision,32,16,0'
(cd "$A" && "$BINABS/ess-tally" -m motion --eligible=60 --quorum=50% --majority=two-thirds \
	-o csv votes.csv) >"$TD/tally.csv" 2>"$ERR"
cut -d, -f3-5 "$TD/tally.csv" >"$TD/tally-votes.csv"
cut -d, -f8-10 "$OUT" >"$TD/extract-votes.csv"
cmp -s "$TD/tally-votes.csv" "$TD/extract-votes.csv"
t_report $? "extract --what=decisions pv-ag.md: for, against, abstain as ess-tally -o csv counts them" \
	"$(diff "$TD/tally-votes.csv" "$TD/extract-votes.csv")"
t_run 0 ess-minutes extract --what=votes -o csv "$A/pv-ag.md"
t_cols 2,4,5,8,9,10 'item,kind,text,for,against,abstain
1,decision,Le rapport moral est approuvé,44,2,2
2,decision,Les comptes de l’exercice 2016 sont approuvés et quitus est donné à la trésorière,40,4,3
3,decision,L’adhésion famille est portée à 15 € à compter du 1er avril 2017,32,16,0
5,motion,Approbation du rapport moral,44,2,2
5,motion,Approbation des comptes 2016,40,4,3
5,motion,Adhésion famille portée à 15 €,32,16,0'

t_run 0 ess-minutes extract --what=actions -o csv "$B/compte-rendu.md" "$A/pv-ag.md"
t_cols 1,2,6,7 'date,item,owner,due
2016-11-28,7,Colette Raynaud,2017-01-13
2016-11-28,7,groupe de pilotage ESS,2017-01-31
2016-11-28,7,Claire Mourier,2017-02-28
2016-11-28,7,Claire Mourier,2016-12-16
2017-03-25,3,Martine Sarlande,2017-04-01
2017-03-25,4,Sylvie Lamothe,2017-05-15'
t_run 0 ess-minutes extract --what=actions --open --on=2017-02-01 -o csv "$B/compte-rendu.md" "$A/pv-ag.md"
t_cols 6,7 'owner,due
Claire Mourier,2017-02-28
Martine Sarlande,2017-04-01
Sylvie Lamothe,2017-05-15'

# ------------------------------------------------ check
t_run 0 ess-minutes check "$A/pv-ag.md"
t_err_empty
t_run 65 ess-minutes check "$A/pv-ag-incomplet.md"
P=$A/pv-ag-incomplet.md
t_out "$P:1: missing the place (header key place)
$P:1: missing how and when members were convened (header key convened)
$P:1: missing present and represented members (header key attendance, an attendance block, or keys present and represented)
$P:1: missing the quorum (header key eligible: members who may vote)
$P:1: missing the chair (header key chair)
$P:1: missing the secretary (header key secretary)
$P:26: missing the resolution's counts ({pour: N; contre: N; abstention: N})
$P:30: missing the resolution's counts ({pour: N; contre: N; abstention: N})
$P:1: missing the closing time (header key end)
$P:30: missing the signatures (a '## Signatures' section: chair and secretary)"
t_err 'ess-minutes: 10 items missing'
# A compte-rendu is no procès-verbal: nothing to check.
t_run 0 ess-minutes check "$B/compte-rendu.md"
t_out_empty
t_err_has 'not a procès-verbal (type compte-rendu): not checked'

# ------------------------------------------------ ess-tally | ess-minutes
# The motions straight from ess-tally into minutes that include "< -".
printf -- '---\ntitle: Résolutions\ntype: pv-ag\n---\n## Votes\n```tally\n< -\n```\n' >"$TD/resolutions.md"
(cd "$A" && "$BINABS/ess-tally" -m motion --eligible=60 --quorum=50% --majority=two-thirds \
	-o json votes.csv) >"$TD/votes-pipe.json"
T_STDIN=$TD/votes-pipe.json
t_run 0 ess-minutes render -o json "$TD/resolutions.md"
t_json '[[r["motion"], r["for"], r["against"], r["abstain"], r["result"]] for r in d["tables"][0]["tally"]["rows"]]' \
	'[["1", 44, 2, 2, "adopted"], ["2", 40, 4, 3, "adopted"], ["3", 32, 16, 0, "adopted"]]'
T_STDIN=$TD/votes-pipe.json
t_run 0 ess-minutes render -o html "$TD/resolutions.md"
t_out_has 'Approbation des comptes 2016'

# ------------------------------------------------ the README's pipeline
# The block after "The minutes of a general assembly", run in a copy of
# the examples, with cr/ holding minutes of the year.
work=$TD/readme
mkdir -p "$work/share"
cp -R "$EX" "$work/share/"
cr=$work/share/examples/ag-cafe-pluche/cr
mkdir -p "$cr"
cp "$A/pv-ag.md" "$A/emargement.csv" "$A/votes.json" "$cr/"
cp "$B/gommettes.json" "$cr/"
cp "$B/emargement.csv" "$cr/emargement-bouillon.csv"
sed 's/^émargement: emargement.csv$/émargement: emargement-bouillon.csv/' "$B/compte-rendu.md" >"$cr/compte-rendu.md"
awk '/^The minutes of a general assembly/ { f = 1; next }
	f && /^    / { print substr($0, 5); seen = 1; next }
	f && seen && !/^    / { exit }' "$T_ROOT/README.md" >"$TD/readme.sh"
grep -q 'ess-minutes render' "$TD/readme.sh"
t_report $? "README.md has the minutes pipeline" "$(cat "$TD/readme.sh")"
(cd "$work" && PATH="$BINABS:$PATH" sh -e "$TD/readme.sh") >"$OUT" 2>"$ERR"
t_report $? "README.md's minutes pipeline runs" "$(cat "$ERR" | head -n 10)"
grep -q '<html' "$work/share/examples/ag-cafe-pluche/pv.html" 2>/dev/null
t_report $? "README.md's minutes pipeline writes pv.html"
# The open actions of cr/: none is due after today (2026), none undated.
T_DESC="README.md's minutes pipeline"
t_out 'date,item,title,kind,text,owner,due,for,against,abstain'
cmp -s "$work/share/examples/ag-cafe-pluche/votes.json" "$A/votes.json"
t_report $? "README.md's minutes pipeline writes the votes.json the example includes"

t_py_flush
