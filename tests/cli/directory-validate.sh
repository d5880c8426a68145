# ess-directory validate: every check and every fix, the a-valider example,
# French headers, JSON, stdin, Windows-1252, --fix with every output, and
# each error as a user meets it (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory
A=$EX/annuaire

t_err_lacks() {	# TEXT: stderr does not contain TEXT
	! grep -qF -- "$1" "$ERR"
	t_report $? "$T_DESC: stderr lacks '$1'" "stderr: $(head -c 600 "$ERR")"
}
t_err_file() {	# GOLDEN: stderr, the folder $D cut from file names, is GOLDEN
	sed "s|$D/||g" "$ERR" >"$TD/.err2"
	cmp -s "$1" "$TD/.err2"
	t_report $? "$T_DESC: stderr is $(basename "$1")" "$(diff "$1" "$TD/.err2" | head -n 30)"
}
t_err_lines() {	# N: stderr has N lines
	n=$(wc -l <"$ERR")
	[ "$n" -eq "$1" ]
	t_report $? "$T_DESC: $1 lines on stderr" "got $n: $(head -c 600 "$ERR")"
}

# --- the a-valider example (a-valider.expected.txt says what each line has)
V=$A/a-valider.csv
t_run 65 ess-directory validate "$V"
t_out_empty
t_err_has "$V:3:84: siren '860351728': bad check digit (Luhn)"
t_err_has "$V:4:62: siret '52381964700027': bad check digit (Luhn)"
t_err_has "$V:6:72: rna 'W24300123': an RNA number is W and nine characters"
t_err_has "$V:7:189: postcode '1000': the leading zero is lost (--fix writes '01000')"
t_err_has "$V:9:225: email 'bonjour@@atelier-bois-partage.fr': more than one '@'"
t_err_has "$V:10:243: website 'www.example.org': no http:// or https:// (--fix writes 'https://www.example.org')"
t_err_has "$V:11:196: phone '12345': not a French number of 10 digits"
t_err_has "$V:12:6: warning: name '  Les Jardins du Bandiat  ': spaces at the start or end (--fix writes 'Les Jardins du Bandiat')"
t_err_has "ess-directory: 7 problems, 1 warning in 12 records"
t_err_lines 9
# Valid rows, the La Poste SIRET (digit sum) and Corsica (2A004, W2A...):
# nothing said about them.
for l in 2 5 8 13; do
	t_err_lacks "$V:$l:"
done
# --fix: phones normalised, the zero and the scheme added, the name
# trimmed; what cannot be fixed is said again and written as it was.
t_run 65 ess-directory validate --fix "$V"
t_err_has "$V:2:257: phone: '05 53 56 12 34' -> '+33553561234'"
t_err_has "$V:5:201: phone: '0033553561234' -> '+33553561234'"
t_err_has "$V:7:189: postcode: '1000' -> '01000'"
t_err_has "$V:10:243: website: 'www.example.org' -> 'https://www.example.org'"
t_err_has "$V:12:6: name: '  Les Jardins du Bandiat  ' -> 'Les Jardins du Bandiat'"
t_err_has "$V:13:235: phone: '+33 (0)5 53 56 12 34' -> '+33553561234'"
t_err_has "$V:3:84: siren '860351728': bad check digit (Luhn)"
t_err_has "$V:11:196: phone '12345': not a French number"
t_err_has "ess-directory: 14 changes, 5 problems in 12 records"
t_out_has "$(head -n 1 "$V")"
t_cols 1,12,17 "id,postcode,phone
V001,24300,+33553561234
V002,24800,+33553554081
V003,24300,+33553567720
V004,24300,+33553561234
V005,24470,+33684217703
V006,01000,+33474223190
V007,20000,+33495214730
V008,24470,+33619405826
V009,24310,+33553052217
V010,24270,12345
V011,24300,+33670332815
V012,24340,+33553561234"
t_cols 2,18,19 "name,email,website
Les Jardins partagés de Nontron,jardins.nontron@gmail.com,https://jardins-nontron.fr
Association des Parents d’Élèves de Thiviers,ape.thiviers@gmail.com,https://ape-thiviers.fr
Les Ateliers du Bandiat,contact@ateliers-bandiat.coop,https://ateliers-bandiat.coop
La Poste – agence de Nontron,nontron@laposte.fr,https://www.laposte.fr
Comité des fêtes de Saint-Saud,comitedesfetes.stsaud@gmail.com,
Épicerie solidaire de Bourg-en-Bresse,contact@epicerie-bourg.fr,https://epicerie-bourg.fr
Maison des associations d’Ajaccio,mda@mda-ajaccio.fr,https://mda-ajaccio.fr
Atelier Bois Partagé,bonjour@@atelier-bois-partage.fr,https://atelier-bois-partage.fr
Chorale Les Voix de la Dronne,voixdeladronne@orange.fr,https://www.example.org
Club des Aînés de Lanouaille,aines.lanouaille@laposte.net,
Les Jardins du Bandiat,jardinsdubandiat@gmail.com,
Coopérative Terres de Mareuil,contact@terres-mareuil.coop,https://terres-mareuil.coop"
# Fixed once, the file has only what cannot be fixed left; fixed twice,
# nothing changes.
t_run_to 65 "$TD/fixed.csv" ess-directory validate --fix "$V"
t_run 65 ess-directory validate "$TD/fixed.csv"
t_err_has "ess-directory: 5 problems in 12 records"
t_run 65 ess-directory validate --fix "$TD/fixed.csv"
t_out_file "$TD/fixed.csv"
t_err_has "ess-directory: 0 changes, 5 problems in 12 records"

# --- the example directory is clean; French headers, ';', BOM, CRLF -------
t_run 0 ess-directory validate "$A/annuaire.csv"
t_out_empty
t_err_has "ess-directory: 0 problems in "
t_run 0 ess-directory validate "$A/tiers-lieux.csv"
t_err "ess-directory: 0 problems in 12 records"
t_run 0 ess-directory validate --fix "$A/tiers-lieux.csv"
t_out_has "nom,famille,forme_juridique,siret,description,adresse,code_postal,commune,latitude,longitude,telephone,courriel,site_web,offres,besoins,mots_cles,horaires,source"
t_err_has "$A/tiers-lieux.csv:2:208: telephone: '05 53 56 90 20' -> '+33553569020'"
t_err_has "$A/tiers-lieux.csv:2:24: famille: 'coopérative' -> 'cooperative'"
t_out_lacks "05 53 56 90 20"
# -v without --fix: what --fix would normalise, not counted as problems.
t_run 0 ess-directory validate -v "$A/tiers-lieux.csv"
t_err_has "$A/tiers-lieux.csv:2:208: telephone '05 53 56 90 20': --fix writes '+33553569020'"
t_err_has "ess-directory: 0 problems in 12 records"

# --- every check, every fix (golden files, reviewed by hand) -------------
cd "$D" || exit 1
for f in ids places contact misc; do
	t_run 65 ess-directory validate "validate-$f.csv"
	t_out_empty
	t_err_file "validate-$f.expected"
done
for f in contact misc; do
	t_run 65 ess-directory validate --fix "validate-$f.csv"
	t_out_file "validate-$f.fixed.csv"
	t_err_file "validate-$f.fixed.expected"
done
cd "$T_ROOT" || exit 1
# The ids file fixed: spaces out of identifiers, the SIREN's zero back, the
# RNA's W a capital; wrong numbers written as they were.
t_run 65 ess-directory validate --fix "$D/validate-ids.csv"
t_cols 1,3,4,5 "id,siren,siret,rna
I01,732829320,73282932000074,W243001644
I02,732829320,73282932000074,W243001644
I03,054200217,,W243001644
I04,7328293201,7328293200007,W24300123
I05,73282932A,7328293200007X,X243001644
I06,7,32829E+08,7.32829E+13,0241001234
I07,732829321,73282932000075,W2A1001234
I08,356000000,35600000004219,W9R2000030
I09,356000000,35600000000048,
I10,356000000,35600000000049,
I11,732829320,44820137600010,"
t_err_has "ess-directory: 5 changes, 12 problems in 11 records"
t_run 65 ess-directory validate --fix "$D/validate-places.csv"
t_cols 1,3,5,6,7 "id,postcode,insee_code,lat,lon
P01,24300,24311,45.5289,0.66233
P02,01000,01053,46.2052,5.2255
P03,20000,2A004,41.9267,8.7369
P04,2A000,20004,41.9267,8.7369
P05,00300,96001,91.5,-181
P06,05110,04070,44.4,6.03
P07,97133,97701,17.9,-62.83
P08,24300,02431,45.5289,
P09,97400,97411,,55.45
P10,Nontron,24311 Nontron,45°31',est"
t_err_has "validate-places.csv:4:31: lat: '41,9267' -> '41.9267'"
t_err_has "validate-places.csv:7:37: warning: insee_code '04070': department 04, but the postcode 05110 is in 05"
t_err_has "ess-directory: 7 changes, 11 problems, 2 warnings in 10 records"

# --- JSON in (lists as arrays), JSON out ----------------------------------
t_run 65 ess-directory validate "$D/validate-offers.json"
(cd "$D" && "$BIN/ess-directory" validate validate-offers.json 2>"$ERR")
t_err_file "$D/validate-offers.expected"
t_run 65 ess-directory validate --fix -o json "$D/validate-offers.json"
t_json '[r["id"] for r in d]' '["J01", "J02", "J01"]'
t_json 'd[0]["phone"]' '"+33553561234"'
t_json 'd[0]["offers"]' '["semences", "composteur"]'
t_json 'd[1]["offers"]' '["aide alimentaire"]'
t_json 'd[1]["needs"]' '["légumes"]'
t_json 'd[1]["family"]' '"cooperative"'
t_json 'd[1]["postcode"]' '"01000"'
t_json '[d[1]["lat"], d[1]["lon"]]' '[46.2052, 5.2255]'
t_json 'd[1]["updated"]' '"2025-08-14"'
t_json 'd[1]["website"]' '"https://www.epicerie.fr"'
t_json 'd[1]["email"]' '"epicerie@@exemple.fr"'
t_json 'd[2]["name"]' '"Chorale"'
t_json 'd[2]["employees"]' '"beaucoup"'
t_json 'list(d[0].keys())' '["id", "name", "family", "postcode", "insee_code", "lat", "lon", "phone", "email", "website", "offers", "needs", "employees", "updated"]'
t_err_has "validate-offers.json:6: offers: ' aide alimentaire |' -> 'aide alimentaire'"
t_err_has "validate-offers.json:10: id 'J01': the same id as the record on line 2"
t_err_has "ess-directory: 9 changes, 5 problems in 3 records"
t_run 65 ess-directory validate --fix -o jsonl "$D/validate-offers.json"
t_py "jsonl" 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert len(r) == 3 and r[1]["postcode"] == "01000", r' "$OUT"

# --- a French-headed file, ';', on stdin ----------------------------------
printf 'nom;telephone;code_postal;code_insee;courriel;site_web;famille\nLa Ressourcerie;05.53.56.12.34;4300;24311;Contact@Ressourcerie.FR;ressourcerie.fr;Association\nLe Fournil;06 12 34 56;24300;24311;fournil@;http://fournil.fr;boulangerie\n' >"$TD/fr.csv"
T_STDIN=$TD/fr.csv
t_run 65 ess-directory validate
t_err_has "<stdin>:2:32: code_postal '4300': the leading zero is lost (--fix writes '04300')"
t_err_has "<stdin>:2:37: warning: code_insee '24311': department 24, but the code_postal 04300 is in 04"
t_err_has "<stdin>:2:67: site_web 'ressourcerie.fr': no http:// or https:// (--fix writes 'https://ressourcerie.fr')"
t_err_has "<stdin>:3:12: telephone '06 12 34 56': not a French number of 10 digits"
t_err_has "<stdin>:3:36: courriel 'fournil@': what follows the '@' is not a domain name with a dot"
t_err_has "<stdin>:3:63: famille 'boulangerie': not association, cooperative"
t_err_has "ess-directory: 5 problems, 1 warning in 2 records"
T_STDIN=$TD/fr.csv
t_run 65 ess-directory validate --fix -
t_out "nom,telephone,code_postal,code_insee,courriel,site_web,famille
La Ressourcerie,+33553561234,04300,24311,Contact@ressourcerie.fr,https://ressourcerie.fr,association
Le Fournil,06 12 34 56,24300,24311,fournil@,http://fournil.fr,boulangerie"
t_err_has "<stdin>:2:17: telephone: '05.53.56.12.34' -> '+33553561234'"
t_err_has "<stdin>:2:43: courriel: 'Contact@Ressourcerie.FR' -> 'Contact@ressourcerie.fr'"
t_err_has "ess-directory: 5 changes, 3 problems, 1 warning in 2 records"
# --only with French names: only those columns are looked at.
T_STDIN=$TD/fr.csv
t_run 65 ess-directory validate --only=telephone,courriel
t_err_lacks "code_postal"
t_err_lacks "famille"
t_err_has "ess-directory: 2 problems in 2 records"
T_STDIN=$TD/fr.csv
t_run 65 ess-directory validate --only=phone --fix -o csv
t_out_has "La Ressourcerie,+33553561234,4300,"
t_err_has "<stdin>:3:12: telephone '06 12 34 56': not a French number"
t_err_has "ess-directory: 1 change, 1 problem in 2 records"
T_STDIN=$TD/fr.csv
t_run 65 ess-directory validate --only=email,website,family --fix -o csv
t_out_has "La Ressourcerie,05.53.56.12.34,4300,24311,Contact@ressourcerie.fr,https://ressourcerie.fr,association"
t_err_has "ess-directory: 3 changes, 2 problems in 2 records"

# --- Windows-1252 --------------------------------------------------------
printf 'nom;t\351l\351phone;courriel\nCaf\351 Pluche;05 53 56 12 34;caf\351@pluche\n' >"$TD/cp1252.csv"
t_run 65 ess-directory validate "$TD/cp1252.csv"
t_err_has "$TD/cp1252.csv:1:6: invalid UTF-8"
t_err_has "--encoding=windows-1252"
t_run 65 ess-directory validate --encoding=windows-1252 "$TD/cp1252.csv"
t_err "ess-directory: $TD/cp1252.csv:2:28: courriel 'café@pluche': what follows the '@' is not a domain name with a dot
ess-directory: 1 problem in 1 record"
t_run 65 ess-directory validate --fix --encoding=windows-1252 "$TD/cp1252.csv"
t_out "nom,téléphone,courriel
Café Pluche,+33553561234,café@pluche"

# --- phones: every French form, overseas, abroad ------------------------
printf 'id,phone\n' >"$TD/ph.csv"
k=0
for p in '05 53 56 12 34' '05.53.56.12.34' '0553561234' '+33 5 53 56 12 34' \
    '+33 (0)5 53 56 12 34' '0033553561234' '05-53-56-12-34' '+33553561234' \
    '+33 05 53 56 12 34' '0262 21 34 56' '0692 12 34 56' '+262 262 21 34 56' \
    '0590 12 34 56' '0594 12 34 56' '0596 12 34 56' '0697 12 34 56' \
    '0269 61 12 34' '+41 22 123 45 67' '06 12 34 56 78'; do
	k=$((k + 1))
	printf '%s,%s\n' "$k" "$p" >>"$TD/ph.csv"
done
t_run 0 ess-directory validate --fix "$TD/ph.csv"
t_out "id,phone
1,+33553561234
2,+33553561234
3,+33553561234
4,+33553561234
5,+33553561234
6,+33553561234
7,+33553561234
8,+33553561234
9,+33553561234
10,+262262213456
11,+262692123456
12,+262262213456
13,+590590123456
14,+594594123456
15,+596596123456
16,+596697123456
17,+262269611234
18,+41221234567
19,+33612345678"
t_err_has "ess-directory: 18 changes, 0 problems in 19 records"
t_run 0 ess-directory validate "$TD/ph.csv"
t_err "ess-directory: 0 problems in 19 records"

# --- several files: the union of their columns, ids across files -------
printf 'id,name,extra\nM01,Autre fichier,  x\n' >"$TD/second.csv"
t_run 65 ess-directory validate "$D/validate-misc.csv" "$TD/second.csv"
t_err_has "$TD/second.csv:2:1: id 'M01': the same id as the record at $D/validate-misc.csv:2"
t_err_has "$TD/second.csv:2:19: warning: extra '  x': spaces at the start or end (--fix writes 'x')"
t_run 65 ess-directory validate --fix "$D/validate-misc.csv" "$TD/second.csv"
t_out_has "id,name,family,naf,offers,needs,tags,employees,updated,description,note,extra"
t_out_has "M01,Autre fichier,,,,,,,,,,x"

# --- output options with --fix -------------------------------------------
t_run 65 ess-directory validate --fix -o tsv "$D/validate-ids.csv"
t_out_has "$(printf 'I02\tEspaces\t732829320\t73282932000074\tW243001644')"
t_run 65 ess-directory validate --fix --excel "$D/validate-ids.csv"
t_py "excel" 'import sys; b=open(sys.argv[1],"rb").read(); assert b.startswith(b"\xef\xbb\xbfid;name;siren") and b"\r\n" in b, b[:40]' "$OUT"
t_run 65 ess-directory validate --fix -o table "$D/validate-ids.csv"
t_out_has "I02"
# -O: atomic; a run that dies leaves the old file.
t_run 0 ess-directory validate --fix -O "$TD/ph-fixed.csv" "$TD/ph.csv"
t_out_empty
t_check "-O wrote the fixed file" grep -q '^10,+262262213456$' "$TD/ph-fixed.csv"
# In place: the input is read whole before -O replaces it.
cp "$TD/ph.csv" "$TD/inplace.csv"
t_run 0 ess-directory validate --fix -q -O "$TD/inplace.csv" "$TD/inplace.csv"
t_check "-O over the input" cmp -s "$TD/ph-fixed.csv" "$TD/inplace.csv"
printf 'id,phone\n1,0553561234\n2,0553561234,extra\n' >"$TD/ragged.csv"
t_run 65 ess-directory validate --fix -O "$TD/ph-fixed.csv" "$TD/ragged.csv"
t_err_has "$TD/ragged.csv:3: 3 fields, the header has 2"
t_check "-O left in place after a failed run" grep -q '^10,+262262213456$' "$TD/ph-fixed.csv"
# --keep-going and --rejects: the bad row is set aside, the others fixed.
t_run 65 ess-directory validate --fix -k "$TD/ragged.csv"
t_out "id,phone
1,+33553561234"
t_err_has "ess-directory: 1 change, 0 problems in 1 record"
t_run 65 ess-directory validate --fix --rejects="$TD/rej.csv" "$TD/ragged.csv"
t_check "--rejects keeps the bad row" grep -q '^2,0553561234,extra' "$TD/rej.csv"
# Write errors.
t_run_to 74 /dev/full ess-directory validate --fix "$TD/ph.csv"
t_err_has "write error"

# --- quiet, empty, help, and the errors of use --------------------------
t_run 65 ess-directory validate -q "$V"
t_err_empty
t_out_empty
t_run 0 ess-directory validate --quiet "$A/tiers-lieux.csv"
t_err_empty
t_run 65 ess-directory validate --fix -q "$V"
t_err_empty
t_out_has "V012,"
printf 'id,name,phone\n' >"$TD/empty.csv"
t_run 0 ess-directory validate "$TD/empty.csv"
t_err "ess-directory: 0 problems in 0 records"
t_run 0 ess-directory validate --fix "$TD/empty.csv"
t_out "id,name,phone"
: >"$TD/nothing.csv"
t_run 65 ess-directory validate "$TD/nothing.csv"
t_run 66 ess-directory validate "$TD/no-such-file.csv"
t_err_has "$TD/no-such-file.csv"
t_out_empty
t_run 64 ess-directory validate -o json "$V"
t_err_has "-o, -O and --excel write the fixed records: use them with --fix"
t_out_empty
t_run 64 ess-directory validate -O "$TD/x.csv" "$V"
t_err_has "use them with --fix"
t_check "no -O file without --fix" test ! -e "$TD/x.csv"
t_run 64 ess-directory validate --excel "$V"
t_err_has "use them with --fix"
t_run 64 ess-directory validate --only=couleur "$V"
t_err_has "--only: 'couleur' is not a column of the record"
t_run 64 ess-directory validate --only=, "$V"
t_err_has "--only: no column named"
t_run 64 ess-directory validate --fix -o svg "$V"
t_err_has "unknown output format 'svg'"
t_run 64 ess-directory validate --bogus "$V"
t_run 0 ess-directory validate --help
t_out_has "--fix"
t_out_has "--only=COLUMN"
t_out_has "--quiet"
# An RNA number is W and nine characters, or ten digits: nine bare digits
# (a SIREN in the wrong column, say) are not one.
printf 'id,rna\nR1,241000123\nR2,W241000123\nR3,0241001234\n' >"$TD/rna.csv"
t_run 65 ess-directory validate "$TD/rna.csv"
t_err "ess-directory: $TD/rna.csv:2:4: rna '241000123': an RNA number is W and nine characters (W243001234), or ten digits for an older one
ess-directory: 1 problem in 3 records"
t_py_flush
