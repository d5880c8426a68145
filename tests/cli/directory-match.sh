# ess-directory match: needs paired with other actors' offers by folded
# word overlap, then distance; --top, --max-km, --min-score; several
# files, JSON, encodings; each error as a user meets it (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory
M=$D/match-actors.csv
H=need_id,need_name,need,offer_id,offer_name,offer,score,km

# match-actors.csv: M2 appears twice (one actor: its need "Vélo cargo" is
# not paired with its own offer); the record without id is an actor of
# its own; M5's need "le la de" is only stop words; M6's need "Travail du
# bois" meets M7's "Travaux de menuiserie en bois" (travail and travaux
# are one word); M3 and the record without id have no coordinates.
all="$H
M6,Peintres,Travail du bois,M7,Menuiserie,Travaux de menuiserie en bois,1.00,1.4
M2,Café associatif,camion,,Sans id,Prêt de camion frigorifique,1.00,4.5
M1,Ressourcerie,Bénévoles pour le tri,M2,Café associatif,Bénévoles,1.00,23.8
M1,Ressourcerie,Bénévoles pour le tri,M5,Loin,Bénévoles,1.00,397.0
M3,Jardin partagé,Salle pour réunions,M2,Café associatif,Salle de réunion,1.00,
M3,Jardin partagé,Salle pour réunions,M5,Loin,Salle de réunion,1.00,
M3,Jardin partagé,Un vélo,M1,Ressourcerie,Prêt de vélos,1.00,
M3,Jardin partagé,Un vélo,M1,Ressourcerie,Réparation de vélos,1.00,
M3,Jardin partagé,Un vélo,M2,Café associatif (antenne),Vélo cargo,1.00,
,Sans id,Légumes,M3,Jardin partagé,Légumes bio,1.00,
,Sans id,Légumes,M3,Jardin partagé,Paniers de légumes,1.00,
M2,Café associatif,Vélo cargo,M1,Ressourcerie,Prêt de vélos,0.50,23.8
M2,Café associatif,Vélo cargo,M1,Ressourcerie,Réparation de vélos,0.50,23.8
M2,Café associatif,local de stockage,M1,Ressourcerie,Locaux à louer,0.50,23.8"

# --- every pair, best first ----------------------------------------------------
t_run 0 ess-directory match "$M"
t_out "$all"
t_err_empty
t_out_lacks "M2,Café associatif,Vélo cargo,M2"
t_out_lacks "le la de"
T_STDIN=$M t_run 0 ess-directory match
t_out "$all"
T_STDIN=$M t_run 0 ess-directory match -
t_out "$all"
t_run 0 ess-directory match -o json "$M"
t_json 'len(d)' '14'
t_json 'list(d[0].keys())' '["need_id", "need_name", "need", "offer_id", "offer_name", "offer", "score", "km"]'
t_json 'd[0]' '{"need_id": "M6", "need_name": "Peintres", "need": "Travail du bois", "offer_id": "M7", "offer_name": "Menuiserie", "offer": "Travaux de menuiserie en bois", "score": 1.0, "km": 1.4}'
t_json '[d[4]["km"], d[9]["need_id"], d[13]["score"]]' '[null, "", 0.5]'
t_run 0 ess-directory match -o table "$M"
t_out_has "needs: 8, offers: 14, pairs: 14"
t_out_has "Travaux de menuiserie en bois"
t_run 0 ess-directory match -o jsonl "$M"
t_check "match -o jsonl: one line per pair" test "$(wc -l <"$OUT")" -eq 14
t_run 0 ess-directory match --excel "$M"
t_out_has "M6;Peintres;Travail du bois;M7;Menuiserie;Travaux de menuiserie en bois;1,00;1,4"

# --- --top, --max-km, --min-score ----------------------------------------------
t_run 0 ess-directory match --top=1 "$M"
t_out "$H
M6,Peintres,Travail du bois,M7,Menuiserie,Travaux de menuiserie en bois,1.00,1.4
M2,Café associatif,camion,,Sans id,Prêt de camion frigorifique,1.00,4.5
M1,Ressourcerie,Bénévoles pour le tri,M2,Café associatif,Bénévoles,1.00,23.8
M3,Jardin partagé,Salle pour réunions,M2,Café associatif,Salle de réunion,1.00,
M3,Jardin partagé,Un vélo,M1,Ressourcerie,Prêt de vélos,1.00,
,Sans id,Légumes,M3,Jardin partagé,Légumes bio,1.00,
M2,Café associatif,Vélo cargo,M1,Ressourcerie,Prêt de vélos,0.50,23.8
M2,Café associatif,local de stockage,M1,Ressourcerie,Locaux à louer,0.50,23.8"
t_run 0 ess-directory match --top=2 -o json "$M"
t_json 'len(d)' '13'
# Pairs farther than --max-km go, and so do those of unknown distance; the
# distance compared is the one shown (4.5).
t_run 0 ess-directory match --max-km=4.5 "$M"
t_out "$H
M6,Peintres,Travail du bois,M7,Menuiserie,Travaux de menuiserie en bois,1.00,1.4
M2,Café associatif,camion,,Sans id,Prêt de camion frigorifique,1.00,4.5"
t_run 0 ess-directory match --max-km=4,4 "$M"
t_out "$H
M6,Peintres,Travail du bois,M7,Menuiserie,Travaux de menuiserie en bois,1.00,1.4"
t_run 0 ess-directory match --max-km=0 "$M"
t_out "$H"
t_run 0 ess-directory match --max-km=100 --top=1 "$M"
t_cols 1,4,8 "need_id,offer_id,km
M6,M7,1.4
M2,,4.5
M1,M2,23.8
M2,M1,23.8
M2,M1,23.8"
t_run 0 ess-directory match --min-score=0.5 "$M"
t_out "$all"
t_run 0 ess-directory match --min-score=0.51 -o json "$M"
t_json 'len(d)' '11'
t_json 'min(r["score"] for r in d)' '1.0'
t_run 0 ess-directory match --min-score=1 --top=1 --max-km=5 "$M"
t_cols 3,6 "need,offer
Travail du bois,Travaux de menuiserie en bois
camion,Prêt de camion frigorifique"

# --- words: stop words, plurals, folding ---------------------------------------
# "Un vélo" meets "Prêt de vélos"; "local de stockage" meets "Locaux à
# louer" on one word of two; "Salle pour réunions" meets "Salle de
# réunion"; case, accents and ’ fold.
printf 'id,name,offers,needs\nX1,Un,LOCAL DE STOCKAGE|Chevaux|Journal,\nX2,Deux,,les locaux|cheval|de la|réunion|journaux\nX3,Trois,Réunions d’équipe,\n' >"$TD/words.csv"
t_run 0 ess-directory match "$TD/words.csv"
t_out "$H
X2,Deux,les locaux,X1,Un,LOCAL DE STOCKAGE,1.00,
X2,Deux,cheval,X1,Un,Chevaux,1.00,
X2,Deux,réunion,X3,Trois,Réunions d’équipe,1.00,
X2,Deux,journaux,X1,Un,Journal,1.00,"
# Two words in common of three: 0.67.
printf 'id,name,offers,needs\nY1,Un,atelier de réparation de vélos,\nY2,Deux,,réparation vélos électriques\n' >"$TD/score.csv"
t_run 0 ess-directory match "$TD/score.csv"
t_out "$H
Y2,Deux,réparation vélos électriques,Y1,Un,atelier de réparation de vélos,0.67,"
t_run 0 ess-directory match --min-score=0.67 "$TD/score.csv"
t_out_has "0.67"
t_run 0 ess-directory match --min-score=0.68 "$TD/score.csv"
t_out "$H"
# No need meets an offer: the header alone.
printf 'id,name,offers,needs\nZ1,Un,pain,\nZ2,Deux,,vin\n' >"$TD/none.csv"
t_run 0 ess-directory match "$TD/none.csv"
t_out "$H"
t_err_empty

# --- several files, French headers, JSON, Windows-1252 ---------------------------
t_run 0 ess-directory match -o json "$D/match-actors.json"
t_json 'd' '[{"need_id": "J1", "need_name": "Repair Café", "need": "Salle de réunion", "offer_id": "J2", "offer_name": "Centre social", "offer": "Salles de réunions", "score": 1.0, "km": 1.4}, {"need_id": "J2", "need_name": "Centre social", "need": "outillage", "offer_id": "J1", "offer_name": "Repair Café", "offer": "Prêt d'"'"'outillage", "score": 1.0, "km": 1.4}, {"need_id": "J2", "need_name": "Centre social", "need": "ordinateur portable", "offer_id": "J1", "offer_name": "Repair Café", "offer": "Réparation d'"'"'ordinateurs", "score": 0.5, "km": 1.4}]'
# Needs of one file meet the offers of another.
t_run 0 ess-directory match --top=1 "$D/match-actors.json" "$M"
t_out_has "J1,Repair Café,Salle de réunion,M2,Café associatif,Salle de réunion,1.00,1.1"
t_out_has "M3,Jardin partagé,Salle pour réunions,J2,Centre social,Salles de réunions,1.00,"
t_out_lacks "Salle pour réunions,M2"
t_check "match --top=1 over two files: one row per need" test "$(wc -l <"$OUT")" -eq 12
t_run 0 ess-directory match --encoding=windows-1252 "$D/match-cp1252.csv"
t_out "$H
M1,Œuvre commune,Légumes,M2,Potager,Légumes de saison,1.00,
M2,Potager,Outillage,M1,Œuvre commune,Prêt d’outillage,1.00,"
t_run 65 ess-directory match "$D/match-cp1252.csv"
t_err_has "$D/match-cp1252.csv:2:4: invalid UTF-8"
t_out_empty
# One file with offers only, another with needs only.
printf 'nom;offres\nBoulangerie;pain bio\n' >"$TD/offres.csv"
printf 'nom,besoins\nCantine,Pain\n' >"$TD/besoins.csv"
t_run 0 ess-directory match "$TD/offres.csv" "$TD/besoins.csv"
t_out "$H
,Cantine,Pain,,Boulangerie,pain bio,1.00,"

# --- bad data, missing columns ---------------------------------------------------
printf 'id,name,offers,needs\nX,Un,pain,\n' >"$TD/noneeds.csv"
printf 'id,name,needs\nX,Un,pain\n' >"$TD/nooffers.csv"
t_run 65 ess-directory match "$TD/nooffers.csv"
t_err_has "no 'offers' column: nothing to match"
t_err_has "columns found: 'id', 'name', 'needs'"
printf 'id,name,offers\nX,Un,pain\n' >"$TD/noneeds.csv"
t_run 65 ess-directory match "$TD/noneeds.csv"
t_err_has "no 'needs' column: nothing to match"
printf 'id,name,lat,lon,offers,needs\nB1,Un,45.5,0.6,pain,\nB2,Deux,45.5,est,,pain\nB3,Trois,45.6,0.6,,pain\n' >"$TD/bad.csv"
t_run 65 ess-directory match "$TD/bad.csv"
t_err "ess-directory: $TD/bad.csv:3:14: longitude 'est' is not a number of degrees between -180 and 180"
t_out_empty
t_run 65 ess-directory match -k --rejects="$TD/rej.csv" "$TD/bad.csv"
t_out "$H
B3,Trois,pain,B1,Un,pain,1.00,11.1"
t_check "match --rejects: the bad row with its reason" grep -q "B2,Deux,45.5,est,,pain,longitude 'est'" "$TD/rej.csv"
printf 'old\n' >"$TD/keep.csv"
t_run 65 ess-directory match -O "$TD/keep.csv" "$TD/bad.csv"
t_check "match -O on bad data: the old file stays" grep -qx old "$TD/keep.csv"

# --- usage, files, output --------------------------------------------------------------
t_run 0 ess-directory match -O "$TD/pairs.csv" "$M"
t_out_empty
t_check "match -O: the pairs in the file" sh -c "printf '%s\n' \"\$1\" | cmp -s - '$TD/pairs.csv'" - "$all"
t_run 64 ess-directory match --top=0 "$M"
t_err_has "--top: '0' is not a whole number between 1 and 1000000"
t_run 64 ess-directory match --top=abc "$M"
t_err_has "--top: 'abc' is not a whole number"
t_run 64 ess-directory match --max-km=-1 "$M"
t_err_has "--max-km: '-1' is not a distance in kilometres from 0 to 20100"
t_run 64 ess-directory match --max-km=loin "$M"
t_err_has "--max-km: 'loin' is not a number"
t_run 64 ess-directory match --min-score=2 "$M"
t_err_has "--min-score: '2' is not a number from 0 to 1"
t_run 64 ess-directory match -o svg "$M"
t_run 66 ess-directory match "$TD/missing.csv"
t_err_has "$TD/missing.csv"
t_run 73 ess-directory match -O "$TD/no/such/dir/p.csv" "$M"
t_err_has "cannot create '$TD/no/such/dir/p.csv'"
t_run_to 74 /dev/full ess-directory match "$M"
t_run 0 ess-directory match --help
t_out_has "--max-km=KM"
t_out_has "--top=N"
t_out_has "--min-score=S"
t_out_has "need_id, need_name, need, offer_id, offer_name, offer"

# --- the example directory -------------------------------------------------------
if [ -f "$EX/annuaire/annuaire.csv" ]; then
	t_run 0 ess-directory match -o json "$EX/annuaire/annuaire.csv" "$EX/annuaire/tiers-lieux.csv"
	t_py "pairs are sorted best first, never within one actor" '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d) > 20
key = lambda r: (-r["score"], r["km"] is None, r["km"] or 0)
assert [key(r) for r in d] == sorted(key(r) for r in d)
assert all(r["need_id"] != r["offer_id"] or not r["need_id"] for r in d)
assert all(0 < r["score"] <= 1 for r in d)
' "$OUT"
	t_run 0 ess-directory match --top=3 --max-km=15 "$EX/annuaire/annuaire.csv"
	t_out_has "need_id,need_name,need,offer_id"
fi

t_py_flush
