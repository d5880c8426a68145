# ess-directory dedupe: the three rules (siret, name-postcode, name-nearby),
# transitive groups, the SIRET veto, field-by-field merging (empty fields
# filled, lists united, conflicts kept), the report, --dry-run, and each
# error as a user meets it (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory
A=$D/dedupe-actors.csv
H=id,name,siret,postcode,commune,lat,lon,phone,email,website,offers,needs,tags,merged_ids,conflicts
R=kept_id,kept_line,merged_id,merged_line,reason,detail

# dedupe-actors.csv: A1-A2 similar names 42 m apart (A2 has no postcode),
# A1-A3 the same SIRET written with and without spaces; B1-B2 one name
# key (case, accents, Saint/St) in one postcode; C1-C2 two workshops at
# one place whose names share half their words; D1-D2 one name key but
# two SIRETs; E1 and a record without id, 24 m apart, similarity 0.80;
# F1-F2 one postcode written 01000 and 1000; G1-G2 one SIRET, G2-G3 one
# name key (so G3 joins G1 through G2); H1-H2 500 m apart; Z1-Z2 at 0,0.
report="$R
A1,$A:2,A2,$A:3,name-nearby,\"42 m, similarity 1.00\"
A1,$A:2,A3,$A:4,siret,79351824200029
B1,$A:5,B2,$A:6,name-postcode,24470 cafe st pardoux
E1,$A:11,$A:12,$A:12,name-nearby,\"24 m, similarity 0.80\"
F1,$A:13,F2,$A:14,name-postcode,01000 epicerie solidaire
G1,$A:15,G2,$A:16,siret,44444444444444
G1,$A:15,G3,$A:17,name-postcode,\"24600 maison jeux riberacois, via G2\""
merged="$H
A1,Ressourcerie du Périgord Vert,793 518 242 00029,24800,Thiviers,45.41519,0.91902,05 53 55 08 61,contact@rpv.org,https://rpv.org,mobilier de réemploi|Collecte d'encombrants|Vêtements,local de stockage|bénévoles,réemploi|insertion,A2|A3,name: La Ressourcerie Périgord Vert (A2) | name: Ressourcerie Périgord (A3) | lat: 45.41544 (A2) | lon: 0.91862 (A2) | phone: 05 53 55 00 00 (A3)
B1,Café Saint-Pardoux,,24470,Saint-Pardoux-la-Rivière,,,06 71 22 48 90,,,jeux|concerts,,,B2,
C1,Atelier vélo,,24300,Nontron,45.5291,0.6621,,,,,,,,
C2,Atelier bois,,24300,Nontron,45.5291,0.6621,,,,,,,,
D1,Le Jardin partagé,11111111111111,24300,Nontron,45.52,0.66,,,,,,,,
D2,Jardin partagé,22222222222222,24300,Nontron,45.52,0.66,,,,,,,,
E1,Les Amis du Moulin,,24360,Piégut-Pluviers,45.62640,0.69336,06 12 39 84 57,,,,,,$A:12,name: Amis du Moulin de Piégut ($A:12) | lat: 45.62629 ($A:12) | lon: 0.69362 ($A:12)
F1,Épicerie solidaire,33333333333333,01000,Bourg-en-Bresse,,,,epicerie@bourg.fr,,,,,F2,
G1,Maison des jeux,44444444444444,24600,Ribérac,45.2516,0.3468,,,,,,,G2|G3,name: Maison des Jeux du Ribéracois (G2)
H1,Grange lointaine,,,,45.30,0.50,,,,,,,,
H2,La Grange lointaine,,,,45.3045,0.50,,,,,,,,
Z1,Null Island,,,,0,0,,,,,,,,
Z2,Null Island,,,,0,0,,,,,,,,"

# --- the merged directory --------------------------------------------------
t_run 0 ess-directory dedupe "$A"
t_out "$merged"
# Each conflict is a warning naming both records' file:line.
t_err_has "ess-directory: $A:3: name 'La Ressourcerie Périgord Vert' differs from 'Ressourcerie du Périgord Vert' kept from $A:2: added to conflicts"
t_err_has "ess-directory: $A:4: phone '05 53 55 00 00' differs from '05 53 55 08 61' kept from $A:2: added to conflicts"
t_err_has "ess-directory: $A:12: lat '45.62629' differs from '45.62640' kept from $A:11: added to conflicts"
t_check "dedupe: one warning per conflict" test "$(grep -c 'added to conflicts' "$ERR")" -eq 10
# Same values written differently are no conflict: +33 5 53... is 05 53...,
# CAFE ST PARDOUX is Café Saint-Pardoux, saint-pardoux-la-riviere the
# commune, 1000 the postcode 01000.
t_check "dedupe: +33 phone is no conflict" sh -c "! grep -q \"phone '+33\" '$ERR'"
t_check "dedupe: case, accents and St are no conflict" sh -c "! grep -q 'CAFE ST PARDOUX\|riviere\|postcode' '$ERR'"
# The SIRET rule needs no coordinates (A3 has none); 0,0 is no place.
t_run 0 ess-directory dedupe -o json "$A"
t_json 'len(d)' '13'
t_json 'd[0]["merged_ids"]' '["A2", "A3"]'
t_json 'd[0]["offers"]' '["mobilier de réemploi", "Collecte d'"'"'encombrants", "Vêtements"]'
t_json 'd[0]["conflicts"][4]' '"phone: 05 53 55 00 00 (A3)"'
t_json 'd[0]["lat"]' '45.41519'
t_json 'd[2]["merged_ids"]' '[]'
t_json 'd[2]["conflicts"]' '[]'
t_json 'list(d[0].keys())[-2:]' '["merged_ids", "conflicts"]'
t_run 0 ess-directory dedupe -o table "$A"
t_out_has "records read: 20, kept: 13, merged into others: 7"
t_out_has "A2|A3"

# --- the report -----------------------------------------------------------
t_run 0 ess-directory dedupe --dry-run "$A"
t_out "$report"
t_err_empty
t_run 0 ess-directory dedupe --report="$TD/report.csv" "$A"
t_out "$merged"
t_check "dedupe --report: the report file" cmp -s "$TD/report.csv" /dev/stdin <<EOF
$report
EOF
t_run 0 ess-directory dedupe --dry-run --report="$TD/r2.csv" "$A"
t_out_empty
t_check "dedupe --dry-run --report: the report in the file" cmp -s "$TD/report.csv" "$TD/r2.csv"
t_run 0 ess-directory dedupe --dry-run -O "$TD/r3.csv" "$A"
t_out_empty
t_check "dedupe --dry-run -O: the report in the file" cmp -s "$TD/report.csv" "$TD/r3.csv"
t_run 0 ess-directory dedupe --dry-run -o json "$A"
t_json 'd[3]' '{"kept_id": "E1", "kept_line": "'"$A"':11", "merged_id": "'"$A"':12", "merged_line": "'"$A"':12", "reason": "name-nearby", "detail": "24 m, similarity 0.80"}'
t_json '[r["reason"] for r in d]' '["name-nearby", "siret", "name-postcode", "name-nearby", "name-postcode", "siret", "name-postcode"]'
# --report writes CSV whatever -o says; -O takes the directory.
t_run 0 ess-directory dedupe -o json --report="$TD/r4.csv" -O "$TD/dir.json" "$A"
t_out_empty
t_check "dedupe --report with -o json: the report is CSV" cmp -s "$TD/report.csv" "$TD/r4.csv"
t_py "-O holds the JSON directory" 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==13 and d[0]["merged_ids"]==["A2","A3"]' "$TD/dir.json"
# --report=- with -O: the report on stdout.
t_run 0 ess-directory dedupe --report=- -O "$TD/dir.csv" "$A"
t_out "$report"
t_check "dedupe -O: the directory in the file" sh -c "printf '%s\n' \"\$1\" | cmp -s - '$TD/dir.csv'" - "$merged"

# --- --radius and --similarity ----------------------------------------------------
t_run 0 ess-directory dedupe --dry-run --radius=600 "$A"
t_out_has "H1,$A:18,H2,$A:19,name-nearby,\"500 m, similarity 1.00\""
t_run 0 ess-directory dedupe --dry-run --radius=499 "$A"
t_out_lacks "H2"
# Without the nearby rule A2 (no postcode) and the record without id stay.
t_run 0 ess-directory dedupe --dry-run --radius=0 "$A"
t_out "$R
A1,$A:2,A3,$A:4,siret,79351824200029
B1,$A:5,B2,$A:6,name-postcode,24470 cafe st pardoux
F1,$A:13,F2,$A:14,name-postcode,01000 epicerie solidaire
G1,$A:15,G2,$A:16,siret,44444444444444
G1,$A:15,G3,$A:17,name-postcode,\"24600 maison jeux riberacois, via G2\""
t_run 0 ess-directory dedupe --dry-run --radius=30 "$A"
t_out_has "E1,$A:11,$A:12"
t_out_lacks "A2"
# Atelier vélo and Atelier bois share one word of two: 0.50.
t_run 0 ess-directory dedupe --dry-run --similarity=0,5 "$A"
t_out_has "C1,$A:7,C2,$A:8,name-nearby,\"0 m, similarity 0.50\""
t_run 0 ess-directory dedupe --dry-run --similarity=0.81 "$A"
t_out_lacks "E1"
t_out_has "A1,$A:2,A2"
# The SIRET veto: D1 and D2 share a name key and a place, not a SIRET.
t_run 0 ess-directory dedupe --dry-run --similarity=0.1 "$A"
t_out_lacks "D2"

# --- several files, French headers, JSON, Windows-1252 ---------------------------
# dedupe-tiers.csv: ';', BOM, CRLF, French headers, decimal commas; its
# Ressourcerie joins A1 by name and postcode; horaires is a new column.
t_run 0 ess-directory dedupe "$A" "$D/dedupe-tiers.csv"
t_cols 1,14,15 "id,horaires,merged_ids
A1,We 14:00-18:00,A2|A3|$D/dedupe-tiers.csv:2
B1,,B2
C1,,
C2,,
D1,,
D2,,
E1,,$A:12
F1,,F2
G1,,G2|G3
H1,,
H2,,
Z1,,
Z2,,
,Mo-Fr 09:00-18:00,"
t_run 0 ess-directory dedupe -o json "$A" "$D/dedupe-tiers.csv"
t_json 'd[0]["offers"]' '["mobilier de réemploi", "Collecte d'"'"'encombrants", "Vêtements", "Ateliers de réparation"]'
t_json '[d[-1]["name"], d[-1]["lat"], d[-1]["offers"]]' '["Tiers-lieu du Bandiat", 45.52809, ["coworking"]]'
t_run 0 ess-directory dedupe --dry-run "$D/dedupe-tiers.csv" "$A"
t_out_has "$D/dedupe-tiers.csv:2,$D/dedupe-tiers.csv:2,A1,$A:2,name-postcode,24800 ressourcerie perigord vert"
t_out_has "$D/dedupe-tiers.csv:2,$D/dedupe-tiers.csv:2,A2,$A:3,name-nearby,\"42 m, similarity 1.00\""
t_out_has "$D/dedupe-tiers.csv:2,$D/dedupe-tiers.csv:2,A3,$A:4,siret,\"79351824200029, via A1\""
# JSON with list arrays: lists united, the first spelling kept.
t_run 0 ess-directory dedupe -o json "$D/dedupe-actors.json"
t_json 'len(d)' '2'
t_json 'd[0]["offers"]' '["formation numérique", "réparation d'"'"'ordinateurs", "prêt d'"'"'ordinateurs"]'
t_json 'd[0]["needs"]' '["bénévoles"]'
t_json 'd[0]["merged_ids"]' '["J2"]'
t_json 'd[0]["conflicts"]' '[]'
T_STDIN=$D/dedupe-actors.json t_run 0 ess-directory dedupe --dry-run
t_out "$R
J1,<stdin>:2,J2,<stdin>:3,name-postcode,24300 clic perigord vert"
# Windows-1252: œ and ’ fold like oe and '.
t_run 0 ess-directory dedupe --encoding=windows-1252 "$D/dedupe-cp1252.csv"
t_out "id,nom,code_postal,telephone,merged_ids,conflicts
W1,Cœur de village,24300,05 53 00 00 01,W2,telephone: 05 53 00 00 02 (W2)
W3,L’Escale,24600,05 53 00 00 04,W4,"
t_err "ess-directory: $D/dedupe-cp1252.csv:3: telephone '05 53 00 00 02' differs from '05 53 00 00 01' kept from $D/dedupe-cp1252.csv:2: added to conflicts"
t_run 65 ess-directory dedupe "$D/dedupe-cp1252.csv"
t_err_has "$D/dedupe-cp1252.csv:2:5: invalid UTF-8"
t_err_has "--encoding=windows-1252"
t_out_empty

# --- a directory deduped before: its merged_ids and conflicts carry on ---------
t_run 0 ess-directory dedupe -O "$TD/once.csv" "$A"
t_run 0 ess-directory dedupe "$TD/once.csv"
t_out_file "$TD/once.csv"
t_err_empty
printf 'id,name,postcode,phone,merged_ids,conflicts\nX1,Le Fournil,24300,0553000001,X0,email: a@b.fr (X0)\nX2,Le Fournil,24300,0553000002,X9,\n' >"$TD/again.csv"
t_run 0 ess-directory dedupe "$TD/again.csv"
t_out "id,name,postcode,phone,merged_ids,conflicts
X1,Le Fournil,24300,0553000001,X0|X2|X9,email: a@b.fr (X0) | phone: 0553000002 (X2)"

# --- transitive groups, lists, conflicts noted once ---------------------------
printf 'id,name,siret,postcode,phone,tags\nT1,Un,1,24000,01,a|B\nT2,Deux,1,,02,b|c\nT3,Deux,,,02,C|d\nT4,Trois,,,,\nT5,Deux,1,,03,\n' >"$TD/tr.csv"
# T2 and T5 join T1 by SIRET; T3 has no postcode: it stays.
t_run 0 ess-directory dedupe "$TD/tr.csv"
t_out "id,name,siret,postcode,phone,tags,merged_ids,conflicts
T1,Un,1,24000,01,a|B|c,T2|T5,name: Deux (T2) | phone: 02 (T2) | phone: 03 (T5)
T3,Deux,,,02,C|d,,
T4,Trois,,,,,,"
t_check "dedupe: 'Deux' warned twice, noted once" test "$(grep -c "name 'Deux'" "$ERR")" -eq 2
# Empty and odd SIRETs never join records.
printf 'id,name,siret\nS1,A,\nS2,B,\nS3,C,[ND]\nS4,D,[ND]\nS5,E, \n' >"$TD/nosiret.csv"
t_run 0 ess-directory dedupe --dry-run "$TD/nosiret.csv"
t_out "$R"
# A file without name, postcode or coordinates: only the SIRET rule.
printf 'siret,note\n123,x\n1 2 3,y\n' >"$TD/siret-only.csv"
t_run 0 ess-directory dedupe "$TD/siret-only.csv"
t_out "siret,note,merged_ids,conflicts
123,x,$TD/siret-only.csv:3,note: y ($TD/siret-only.csv:3)"
# Nothing to read: the header and the extra columns.
printf 'id,name\n' >"$TD/empty.csv"
t_run 0 ess-directory dedupe "$TD/empty.csv"
t_out "id,name,merged_ids,conflicts"
t_run 0 ess-directory dedupe --dry-run "$TD/empty.csv"
t_out "$R"

# --- bad data -----------------------------------------------------------------
printf 'id,name,lat,lon\nK1,Le Fournil,45.5,0.6\nK2,Le Fournil,abc,0.6\nK3,Fournil,45.5,0.6\nK4,Fournil,45.5,200\n' >"$TD/bad.csv"
t_run 65 ess-directory dedupe "$TD/bad.csv"
t_err "ess-directory: $TD/bad.csv:3:15: latitude 'abc' is not a number of degrees between -90 and 90"
t_out_empty
t_run 65 ess-directory dedupe -k --rejects="$TD/rej.csv" "$TD/bad.csv"
t_out "id,name,lat,lon,merged_ids,conflicts
K1,Le Fournil,45.5,0.6,K3,name: Fournil (K3)"
t_err_has "$TD/bad.csv:3:15: latitude 'abc' is not a number of degrees between -90 and 90"
t_err_has "$TD/bad.csv:5:17: longitude '200' is not a number of degrees between -180 and 180"
t_check "dedupe --rejects: both rows kept with their reason" test "$(grep -c 'not a number of degrees' "$TD/rej.csv")" -eq 2
# A bad row with -O: nothing is written, the old file stays.
printf 'old\n' >"$TD/keep.csv"
t_run 65 ess-directory dedupe -O "$TD/keep.csv" "$TD/bad.csv"
t_check "dedupe -O on bad data: the old file stays" grep -qx old "$TD/keep.csv"
t_check "dedupe -O on bad data: no temporary file left" sh -c "! ls '$TD' | grep -q 'keep.csv.tmp'"
printf 'id,name\nX,"unclosed\n' >"$TD/ragged.csv"
t_run 65 ess-directory dedupe "$TD/ragged.csv"
t_out_empty

# --- usage and files ------------------------------------------------------------------
t_run 64 ess-directory dedupe --radius=abc "$A"
t_err_has "--radius: 'abc' is not a number"
t_run 64 ess-directory dedupe --radius=-5 "$A"
t_err_has "--radius: '-5' is not a distance in metres from 0 to 100000"
t_run 64 ess-directory dedupe --similarity=0 "$A"
t_err_has "--similarity: '0' is not a number above 0 and up to 1"
t_run 64 ess-directory dedupe --similarity=1.5 "$A"
t_err_has "--similarity: '1.5' is not a number above 0 and up to 1"
t_run 64 ess-directory dedupe --report= "$A"
t_err_has "--report: no file named"
t_run 64 ess-directory dedupe --dry-run --report="$TD/x.csv" -O "$TD/y.csv" "$A"
t_err_has "give --report or -O, not both"
t_run 64 ess-directory dedupe --report=- "$A"
t_err_has "would both go to standard output"
t_run 64 ess-directory dedupe --report="$TD/same.csv" -O "$TD/same.csv" "$A"
t_err_has "--report and -O name the same file"
t_check "dedupe --report and -O the same: nothing written" test ! -e "$TD/same.csv"
t_run 64 ess-directory dedupe --bogus "$A"
t_err_has "unrecognized option '--bogus'"
t_run 66 ess-directory dedupe "$TD/missing.csv"
t_err_has "$TD/missing.csv"
t_run 73 ess-directory dedupe --report="$TD/no/such/dir/r.csv" "$A"
t_err_has "cannot create '$TD/no/such/dir/r.csv'"
t_run 73 ess-directory dedupe -O "$TD/no/such/dir/d.csv" "$A"
t_run_to 74 /dev/full ess-directory dedupe "$A"
t_run_to 74 /dev/full ess-directory dedupe --dry-run "$A"
t_run 0 ess-directory dedupe --help
t_out_has "--radius=M"
t_out_has "--similarity=S"
t_out_has "--report=FILE"
t_out_has "--dry-run"
t_out_has "merged_ids"

# --- the example directory: tiers-lieux.csv overlaps annuaire.csv ------------
if [ -f "$EX/annuaire/annuaire.csv" ] && [ -f "$EX/annuaire/tiers-lieux.csv" ]; then
	t_run 0 ess-directory dedupe --dry-run "$EX/annuaire/annuaire.csv" "$EX/annuaire/tiers-lieux.csv"
	t_out_has "kept_id,kept_line,merged_id"
	t_run 0 ess-directory dedupe -o json "$EX/annuaire/annuaire.csv" "$EX/annuaire/tiers-lieux.csv"
	t_py "every record read is kept or named in merged_ids" '
import csv, json, sys
d = json.load(open(sys.argv[1]))
a = list(csv.reader(open("'"$EX"'/annuaire/annuaire.csv", encoding="utf-8-sig")))
t = list(csv.reader(open("'"$EX"'/annuaire/tiers-lieux.csv", encoding="utf-8-sig"), delimiter=";"))
assert len(d) + sum(len(r["merged_ids"]) for r in d) == len(a) + len(t) - 2
assert any(r["merged_ids"] for r in d)
' "$OUT"
fi

t_py_flush
