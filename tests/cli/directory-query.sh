# ess-directory query: every condition, their AND, several files, JSON,
# the columns kept, and each error as a user meets it (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory
H=id,name,family,postcode,commune,description,offers,needs,tags,lat,lon,updated,note

ids() {	# the ids (first field) of the CSV on stdout, one line
	python3 -c 'import csv,sys; print(" ".join(r[0] for r in list(csv.reader(open(sys.argv[1])))[1:]))' "$OUT"
}
t_ids() {	# WANT: the ids kept
	got=$(ids)
	[ "$got" = "$1" ]
	t_report $? "$T_DESC: ids '$1'" "got '$got'"
}

# --- every condition alone -------------------------------------------------
t_run 0 ess-directory query "$D/query.csv"
t_ids "Q01 Q02 Q03 Q04 Q05 Q06 Q07"
t_out_has "$H"
t_err_empty
t_run 0 ess-directory query --postcode=24 "$D/query.csv"
t_ids "Q01 Q02 Q03 Q04 Q07"
# A postcode that lost its leading zero in a spreadsheet: 1000 is 01000.
t_run 0 ess-directory query --postcode=01 "$D/query.csv"
t_ids "Q06"
t_run 0 ess-directory query --postcode=01000 "$D/query.csv"
t_ids "Q06"
t_run 0 ess-directory query --postcode=24,87 "$D/query.csv"
t_ids "Q01 Q02 Q03 Q04 Q05 Q07"
t_run 0 ess-directory query --postcode=243 "$D/query.csv"
t_ids "Q01 Q07"
t_run 0 ess-directory query --family=cooperative "$D/query.csv"
t_ids "Q02 Q05"
t_run 0 ess-directory query --family=mutuelle,fondation "$D/query.csv"
t_ids "Q03 Q06"
t_run 0 ess-directory query --family=Associations "$D/query.csv"
t_ids "Q01 Q04 Q07"
t_run 0 ess-directory query "--commune=SAINT SAUD LACOUSSIÈRE" "$D/query.csv"
t_ids "Q04"
t_run 0 ess-directory query --commune=saint-saud-lacoussiere "$D/query.csv"
t_ids "Q04"
t_run 0 ess-directory query --commune=nontron "$D/query.csv"
t_ids "Q01 Q07"
t_run 0 ess-directory query --commune=nontro "$D/query.csv"
t_ids ""
t_out "$H"
# --search: whole words, or a prefix with '*'; folded.
t_run 0 ess-directory query "--search=coop*" "$D/query.csv"
t_ids "Q02 Q05"
t_run 0 ess-directory query --search=coop "$D/query.csv"
t_ids ""
t_run 0 ess-directory query --search=COOPÉRATIVE "$D/query.csv"
t_ids "Q02 Q05"
t_run 0 ess-directory query --search=oeuvre "$D/query.csv"
t_ids "Q04"
t_run 0 ess-directory query "--search=l'œuvre" "$D/query.csv"
t_ids "Q04"
t_run 0 ess-directory query "--search=cafe paniers" "$D/query.csv"
t_ids "Q01"
t_run 0 ess-directory query "--search=cafe velo" "$D/query.csv"
t_ids ""
# Every searched column: description, offers, needs and tags too.
t_run 0 ess-directory query --search=reparation "$D/query.csv"
t_ids "Q02"
t_run 0 ess-directory query --search=frigorifique "$D/query.csv"
t_ids "Q01"
t_run 0 ess-directory query --search=sante "$D/query.csv"
t_ids "Q03"
t_run 0 ess-directory query "--search=velo*" "$D/query.csv"
t_ids "Q02"
# The commune is not searched.
t_run 0 ess-directory query --search=limoges "$D/query.csv"
t_ids ""
t_run 0 ess-directory query --offers=salle "$D/query.csv"
t_ids "Q01"
t_run 0 ess-directory query --offers=velos "$D/query.csv"
t_ids "Q02"
t_run 0 ess-directory query "--needs=salle reunion" "$D/query.csv"
t_ids "Q02"
t_run 0 ess-directory query "--needs=salle stockage" "$D/query.csv"
t_ids ""
t_run 0 ess-directory query --needs=benevole "$D/query.csv"
t_ids ""
t_run 0 ess-directory query "--needs=benevole*" "$D/query.csv"
t_ids "Q01 Q06"
t_run 0 ess-directory query --near=45.53,0.66 --radius=1 "$D/query.csv"
t_ids "Q01 Q07"
t_run 0 ess-directory query --near=45.53,0.66 --radius=0,1 "$D/query.csv"
t_ids "Q07"
t_run 0 ess-directory query "--near=45,53;0,66" --radius=40 "$D/query.csv"
t_ids "Q01 Q03 Q04 Q07"
t_run 0 ess-directory query --near=45.53,0.66 "$D/query.csv"
t_ids "Q01 Q07"
t_run 0 ess-directory query --near=45.53,0.66 --radius=12.5 "$D/query.csv"
t_ids "Q01 Q04 Q07"
t_run 0 ess-directory query --updated-since=2026-01-01 "$D/query.csv"
t_ids "Q01 Q03 Q06 Q07"
t_run 0 ess-directory query --updated-since=01/03/2026 "$D/query.csv"
t_ids "Q03 Q06"

t_run 0 ess-directory query --family=esus --count "$EX/annuaire/annuaire.csv"
t_out "1"

# --- combined with AND --------------------------------------------------------
t_run 0 ess-directory query --postcode=24 "--search=coop*" "$D/query.csv"
t_ids "Q02"
t_run 0 ess-directory query --postcode=24 --family=association --updated-since=2026-01-01 "$D/query.csv"
t_ids "Q01 Q07"
t_run 0 ess-directory query --near=45.53,0.66 --radius=50 --offers=composteur "$D/query.csv"
t_ids "Q04"

# --- --count ----------------------------------------------------------------
t_run 0 ess-directory query --postcode=24 --count "$D/query.csv"
t_out "5"
T_STDIN=$D/query.csv
t_run 0 ess-directory query --count
t_out "7"
t_run 0 ess-directory query --search=nothing --count "$D/query.csv"
t_out "0"
t_run 64 ess-directory query --count -o json "$D/query.csv"
t_err_has "--count prints a number"

# --- the rows are kept whole: unknown columns, quoted line ends -------------------
t_run 0 ess-directory query --postcode=24600 "$D/query.csv"
t_out "$H
Q02,Coopérative Vélo du Ribéracois,Coopérative,24600,Ribérac,\"Atelier vélo
et réparation\",atelier vélo|prêt de vélos,salle de réunion,mobilité,45.2456,0.3378,2025-05-01,"
t_run 0 ess-directory query --postcode=24300 -o json "$D/query.csv"
t_json 'len(d)' '2'
t_json 'd[0]["offers"]' '["salle de réunion", "paniers bio"]'
t_json 'd[0]["lat"]' '45.5294'
t_json 'd[0]["note"]' '"keep me"'
t_json 'd[1]["needs"]' '[]'
t_json 'list(d[0].keys())' '["id", "name", "family", "postcode", "commune", "description", "offers", "needs", "tags", "lat", "lon", "updated", "note"]'
t_run 0 ess-directory query --postcode=24300 -o jsonl "$D/query.csv"
t_check "query -o jsonl: two lines" test "$(wc -l <"$OUT")" -eq 2
t_run 0 ess-directory query --postcode=24300 -o tsv "$D/query.csv"
t_out_has "Q07	Recoop	association"

# --- French headers, ';', decimal commas, several files --------------------------
t_run 0 ess-directory query --postcode=24800 "$D/query-fr.csv"
t_ids "F02"
t_out_has "identifiant,nom,famille,code_postal,ville,objet,offres,besoins,mots_cles,latitude,longitude,mis_a_jour,autre"
t_run 0 ess-directory query --near=45.53,0.66 --radius=1 "$D/query-fr.csv"
t_ids "F01"
t_run 0 ess-directory query "--search=coop*" -o json "$D/query-fr.csv"
t_json 'd[0]["latitude"]' '45.5301'
t_json 'd[0]["offres"]' '["épicerie", "paniers"]'
t_run 0 ess-directory query --postcode=24300 "$D/query.csv" "$D/query-fr.csv"
t_out "$H,autre
Q01,Café Pluche,association,24300,Nontron,\"Café associatif, paniers bio le lundi\",salle de réunion|paniers bio,bénévoles|camion frigorifique,café|alimentation,45.5294,0.6617,2026-01-02,keep me,
Q07,Recoop,association,24300,Nontron,La recoopération des objets,réemploi,,réemploi,45.53,0.66,2026-02-02,,
F01,Épicerie solidaire,association,24300,NONTRON,Épicerie coopérative,épicerie|paniers,bénévoles,alimentation,\"45,5301\",\"0,6601\",2026-03-01,,z"
t_run 0 ess-directory query --count "$D/query.csv" "$D/query-fr.csv" "$D/query.json"
t_out "11"

# Two columns of one file whose names differ only by case stay two; a later
# file's column of the same name joins the first.
printf 'id,note,Note\n1,a,b\n' >"$TD/n1.csv"
printf 'id,NOTE\n2,c\n' >"$TD/n2.csv"
t_run 0 ess-directory query "$TD/n1.csv" "$TD/n2.csv"
t_out "id,note,Note
1,a,b
2,c,"

# --- JSON in: arrays, nulls, timestamps -------------------------------------------
T_STDIN=$D/query.json
t_run 0 ess-directory query --offers=salle
t_ids "J1"
t_out_has "J1,Tiers-lieu des Brandes,association,24160,Excideuil,salle de réunion|imprimante 3D,,45.3381,1.0476,2026-05-05"
t_run 0 ess-directory query --updated-since=2026-01-01 --count "$D/query.json"
t_out "2"
t_run 0 ess-directory query --near=45.5,1 --radius=100 --count "$D/query.json"
t_out "1"
t_run 0 ess-directory -i json query --needs=salle -o json "$D/query.json"
t_json 'd[0]["needs"]' '["salle de réunion"]'
t_json 'd[0]["lat"]' 'null'

# A key the first record lacks is named, not lost silently; empty ones only with -v.
printf '[{"id":"1","name":"a"},{"id":"2","name":"b","needs":["x"]},{"id":"3","name":"c","tags":[]}]' >"$TD/keys.json"
t_run 0 ess-directory query "$TD/keys.json"
t_err "ess-directory: $TD/keys.json:1: record 2: key 'needs' is not in the first record's keys: its values are not read (give the first record this key, even as null)"
t_run 0 ess-directory query -v "$TD/keys.json"
t_err_has "record 3: key 'tags'"

# --- -O, --excel ----------------------------------------------------------------------
t_run 0 ess-directory query --family=mutual -O "$TD/out.csv" "$D/query.csv"
t_out_empty
t_check "query -O: the file holds the row" grep -q '^Q03,' "$TD/out.csv"
t_run 0 ess-directory query --family=mutual --excel "$D/query.csv"
t_out_has "Q03;Mutuelle du Périgord;mutuelle;24000"
t_out_has "45,1846;0,7214"

# --- errors ---------------------------------------------------------------------------
printf 'id,name,updated,lat,lon\nB1,Un,2026-01-01,45,0.5\nB2,Deux,hier,abc,0.5\nB3,Trois,2026-02-30,45.1,0.5\n' >"$TD/bad.csv"
t_run 65 ess-directory query --updated-since=2026-01-01 "$TD/bad.csv"
t_err_has "bad.csv:3:9: updated 'hier' is not a date (YYYY-MM-DD or DD/MM/YYYY)"
t_run 65 ess-directory query -k --updated-since=2026-01-01 "$TD/bad.csv"
t_ids "B1"
t_err_has "bad.csv:3:"
t_err_has "bad.csv:4:"
t_run 65 ess-directory query --rejects="$TD/rej.csv" --updated-since=2026-01-01 "$TD/bad.csv"
t_check "query --rejects: both rows kept with their reason" test "$(grep -c 'not a date' "$TD/rej.csv")" -eq 2
t_run 65 ess-directory query --near=45,0.5 "$TD/bad.csv"
t_err_has "bad.csv:3:14: latitude 'abc' is not a number of degrees between -90 and 90"
printf 'id,name\nN1,Un\n' >"$TD/nocols.csv"
for c in --family=association --postcode=24 --commune=Nontron --offers=x --needs=x --near=45,0 --updated-since=2026-01-01; do
	t_run 65 ess-directory query "$c" "$TD/nocols.csv"
	t_err_has "nocols.csv:1: no '"
done
t_run 65 ess-directory query --family=association "$TD/nocols.csv"
t_err_has "no 'family' column for the condition on it"
t_err_has "columns found: 'id', 'name'"
printf 'id,postcode\nN1,24000\n' >"$TD/nosearch.csv"
t_run 65 ess-directory query --search=x "$TD/nosearch.csv"
t_err_has "no 'name' column"
t_run 64 ess-directory query --family=bidule "$D/query.csv"
t_err_has "--family: 'bidule' is not association"
t_run 64 ess-directory query --postcode=2x "$D/query.csv"
t_err_has "--postcode: '2x' is not the start of a postcode"
t_run 64 ess-directory query --postcode=240000 "$D/query.csv"
t_run 64 ess-directory query --postcode=, "$D/query.csv"
t_run 64 ess-directory query --near=north "$D/query.csv"
t_err_has "--near: 'north' is not LAT,LON"
t_run 64 ess-directory query --near=95,0 "$D/query.csv"
t_run 64 ess-directory query --near=45,5,0,7 "$D/query.csv"
t_err_has "LAT;LON"
t_run 64 ess-directory query --radius=0 --near=45,0 "$D/query.csv"
t_err_has "--radius: '0' is not a distance"
t_run 64 ess-directory query --radius=abc "$D/query.csv"
t_run 64 ess-directory query --updated-since=2026-13-01 "$D/query.csv"
t_err_has "--updated-since: '2026-13-01' is not a date"
t_run 64 ess-directory query "--search=*" "$D/query.csv"
t_err_has "--search: '*' has no word to look for"
t_run 64 ess-directory query --commune=- "$D/query.csv"
t_run 64 ess-directory query -o svg "$D/query.csv"
t_err_has "unknown output format 'svg'"
t_run 66 ess-directory query "$TD/missing.csv"
t_err "ess-directory: cannot open '$TD/missing.csv': No such file or directory"
t_run 66 ess-directory query "$D/query.csv" "$TD/missing.csv"
t_out_empty
t_run_to 74 /dev/full ess-directory query "$D/query.csv"
t_err_has "write error"
printf '\377\376x\n' >"$TD/latin.csv"
t_run 65 ess-directory query "$TD/latin.csv"
t_err_has "windows-1252"

# --- the README's pipeline: import | dedupe | match ------------------------------------
T_DESC="README pipeline"
(cd "$T_ROOT" && "$BIN/ess-directory" import --from=csv share/examples/annuaire/tiers-lieux.csv |
	"$BIN/ess-directory" dedupe share/examples/annuaire/annuaire.csv - 2>/dev/null |
	"$BIN/ess-directory" match --top=1 --max-km=10 -o csv) >"$OUT" 2>"$ERR"
t_report $? "README pipeline: import | dedupe | match exits 0" "$(cat "$ERR")"
t_out_has "need_id,need_name,need,offer_id,offer_name,offer,score,km"
t_out_has "A006,Les Nuits de la Dronne,bénévoles,A030,Relais Bénévolat Périgord Vert,bénévoles,1.00,0.1"

# --- the command line -----------------------------------------------------------------
t_run 0 ess-directory query --help
t_out_has "Usage: ess-directory query [OPTION...] [FILE]..."
for o in --family= --postcode= --commune= --search= --offers= --needs= --near= --radius= --updated-since= --count --input= --output=; do
	t_out_has "$o"
done
t_run 64 ess-directory
t_err_has "missing command"
t_run 64 ess-directory nosuch
t_err_has "unknown command 'nosuch'"
t_run 0 ess-directory --help
t_out_has "query      keep the records"
t_run 0 ess-directory -o json query --family=mutual "$D/query.csv"
t_json 'd[0]["id"]' '"Q03"'
t_py_flush
