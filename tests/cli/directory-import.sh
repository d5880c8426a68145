# ess-directory import: SIRENE (units, establishments, both joined), RNA
# (waldec and import shapes, encodings, positions), GoGoCarto JSON and any
# directory in CSV or JSON; every option and each error as a user meets it
# (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory
R=id,name,family,legal_form,siren,siret,rna,naf,sector,description,address,postcode,commune,insee_code,lat,lon,phone,email,website,offers,needs,tags,opening_hours,employees,source,updated
UL=$D/StockUniteLegale-extrait.csv
ET=$D/StockEtablissement-extrait.csv

ids() {	# the ids (first field) of the CSV on stdout, one line
	python3 -c 'import csv,sys; print(" ".join(r[0] for r in list(csv.reader(open(sys.argv[1], encoding="utf-8")))[1:]))' "$OUT"
}
t_ids() {	# WANT: the ids written
	got=$(ids)
	[ "$got" = "$1" ]
	t_report $? "$T_DESC: ids '$1'" "got '$got'"
}
t_lines() {	# N: stdout has N lines
	got=$(wc -l <"$OUT")
	[ "$got" -eq "$1" ]
	t_report $? "$T_DESC: $1 lines" "got $got"
}

# --- options -----------------------------------------------------------
t_run 64 ess-directory import "$UL"
t_err_has "missing --from (sirene, rna, gogocarto or csv)"
t_out_empty
t_run 64 ess-directory import --from=xml "$UL"
t_err_has "--from: 'xml' is not sirene, rna, gogocarto or csv"
t_run 64 ess-directory import --from=rna --ess-only "$UL"
t_err_has "--ess-only goes with --from=sirene"
t_run 64 ess-directory import --from=csv --active-only "$UL"
t_err_has "--active-only goes with --from=sirene"
t_run 64 ess-directory import --from=sirene --position=A "$UL"
t_err_has "--position goes with --from=rna"
t_run 64 ess-directory import --from=rna --position=A,Z "$D/import-rna-bad.csv"
t_err_has "--position: 'A,Z' is not a list of A, D, R and S"
t_run 64 ess-directory import --from=rna --position=, "$D/import-rna-bad.csv"
t_err_has "--position: no position given"
t_run 0 ess-directory import --help
t_out_has "--from=SOURCE"
t_out_has "--ess-only"
t_out_has "--active-only"
t_out_has "--position=LIST"
t_out_has "--encoding"

# --- SIRENE: both files, joined ---------------------------------------------
t_run 0 ess-directory import --from=sirene "$UL" "$ET"
t_out_has "$R,family_rule,headcount_band,active"
t_err_empty
t_lines 36
t_cols 1,2,3,4,27 "id,name,family,legal_form,family_rule
39846102000016,CUMA DU NONTRONNAIS,cooperative,coopérative d'utilisation de matériel agricole en commun (CUMA),categorieJuridique 6316: coopérative d'utilisation de matériel agricole en commun (CUMA)
39846102000024,CUMA DU NONTRONNAIS,cooperative,coopérative d'utilisation de matériel agricole en commun (CUMA),categorieJuridique 6316: coopérative d'utilisation de matériel agricole en commun (CUMA)
40629318300017,AMICALE LAIQUE DE LA COQUILLE,association,association déclarée,categorieJuridique 9220: association déclarée
41603958400022,RADIO CHATAIGNE,association,association déclarée,categorieJuridique 9220: association déclarée
41603958400048,RADIO CHATAIGNE,association,association déclarée,categorieJuridique 9220: association déclarée
44972013500036,MUTUELLE SOLIDAIRE DU PERIGORD VERT,mutual,mutuelle,categorieJuridique 8210: mutuelle
44972013500044,MUTUELLE SOLIDAIRE DU PERIGORD VERT,mutual,mutuelle,categorieJuridique 8210: mutuelle
44972013500051,MUTUELLE SOLIDAIRE DU PERIGORD VERT,mutual,mutuelle,categorieJuridique 8210: mutuelle
48270519100013,LES JARDINS DE LA COLE,association,association déclarée d'insertion par l'économique,categorieJuridique 9221: association déclarée d'insertion par l'économique
48270519100021,LES JARDINS DE LA COLE,association,association déclarée d'insertion par l'économique,categorieJuridique 9221: association déclarée d'insertion par l'économique
48913605100013,LES FOURNILS DU BANDIAT,company,société à responsabilité limitée,categorieJuridique 5499: société à responsabilité limitée
48913605100021,LES FOURNILS DU BANDIAT,company,société à responsabilité limitée,categorieJuridique 5499: société à responsabilité limitée
49318265300011,FONDATION LES CHEMINS DE L ISLE,foundation,fondation,categorieJuridique 9300: fondation
50836124300019,LES AMIS DU VELORAIL DE THIVIERS,association,association déclarée,categorieJuridique 9220: association déclarée
51386940400014,COOP COMPTA PERIGORD,cooperative,SARL coopérative ouvrière de production (SCOP),categorieJuridique 5458: SARL coopérative ouvrière de production (SCOP)
52864107900017,LA GRANGE AUX SAVOIRS,association,association déclarée,categorieJuridique 9220: association déclarée
53027681500012,LES NUITS DE LA DRONNE,association,association déclarée,categorieJuridique 9220: association déclarée
53027681500038,LES NUITS DE LA DRONNE,association,association déclarée,categorieJuridique 9220: association déclarée
77619402900018,COMITE DES FETES DE JUMILHAC LE GRAND,association,association déclarée,categorieJuridique 9220: association déclarée
79351824200011,LA RESSOURCERIE PERIGORD VERT,association,association déclarée,categorieJuridique 9220: association déclarée
79351824200029,LA RESSOURCERIE PERIGORD VERT,association,association déclarée,categorieJuridique 9220: association déclarée
79824516300026,COOP ESSAIM PERIGORD,cooperative,SA coopérative ouvrière de production (SCOP) à conseil d'administration,categorieJuridique 5558: SA coopérative ouvrière de production (SCOP) à conseil d'administration
80462917800018,GARAGE SOLIDAIRE DU RIBERACOIS,association,association déclarée,categorieJuridique 9220: association déclarée
81946023900018,CAFE PLUCHE,association,association déclarée,categorieJuridique 9220: association déclarée
82190347300014,LES TOQUES DU PERIGORD VERT,cooperative,SARL coopérative ouvrière de production (SCOP),categorieJuridique 5458: SARL coopérative ouvrière de production (SCOP)
82190347300022,LES TOQUES DU PERIGORD VERT,cooperative,SARL coopérative ouvrière de production (SCOP),categorieJuridique 5458: SARL coopérative ouvrière de production (SCOP)
84730162900022,CAFE LECTURE LA PAGE BLANCHE,association,association déclarée,categorieJuridique 9220: association déclarée
85924610000019,LE GRENIER COOPERATIF DE THIVIERS,cooperative,autre SARL coopérative,categorieJuridique 5460: autre SARL coopérative
88213457000010,LES PANIERS DU BANDIAT,esus,société par actions simplifiée,economieSocialeSolidaire=O
89205713400017,,company,entrepreneur individuel,categorieJuridique 1000: entrepreneur individuel
90137268000016,LA FABRIQUE DU BANDIAT,esus,société par actions simplifiée,economieSocialeSolidaire=O
90582417300017,FERME TIERS LIEU DE BELLEVUE,cooperative,autre SARL coopérative,categorieJuridique 5460: autre SARL coopérative
90715384500017,RECYCLERIE VERTE SERVICES,esus,société par actions simplifiée,economieSocialeSolidaire=O
90715384500025,RECYCLERIE VERTE SERVICES,esus,société par actions simplifiée,economieSocialeSolidaire=O
91246038300017,LE BOCAL FABLAB DU RIBERACOIS,esus,société par actions simplifiée,economieSocialeSolidaire=O"
t_cols 1,5,7,8,11,12,13,14,25,26,28,29 "id,siren,rna,naf,address,postcode,commune,insee_code,source,updated,headcount_band,active
39846102000016,398461020,,01.61Z,ROUTE DE SAINT-JORY,24470,SAINT-SAUD-LACOUSSIERE,24498,sirene,2023-04-11,01,true
39846102000024,398461020,,01.61Z,ROUTE DE BRANTOME,24530,CHAMPAGNAC-DE-BELAIR,24096,sirene,2023-04-11,NN,true
40629318300017,406293183,W243000021,93.29Z,RUE DE LA MAIRIE,24450,LA COQUILLE,24133,sirene,2019-02-12,NN,true
41603958400022,416039584,W243000298,60.10Z,RUE DU CHATEAU,24160,EXCIDEUIL,24164,sirene,2025-11-19,NN,true
41603958400048,416039584,W243000298,60.10Z,5 RUE DE LA POSTE,24270,LANOUAILLE,24227,sirene,2025-11-19,01,true
44972013500036,449720135,,65.12Z,4 RUE GAMBETTA,24600,RIBERAC,24352,sirene,2025-09-01,01,true
44972013500044,449720135,,65.12Z,5 PLACE PAUL BERT,24300,NONTRON,24311,sirene,2025-09-01,01,true
44972013500051,449720135,,65.12Z,21 RUE LAMY,24800,THIVIERS,24551,sirene,2025-09-01,03,true
48270519100013,482705191,W243000859,01.13Z,LIEU-DIT LES FARGES,24800,THIVIERS,24551,sirene,2025-12-09,11,true
48270519100021,482705191,W243000859,01.13Z,LIEU-DIT CHEZ BOISSARD,24470,SAINT-PARDOUX-LA-RIVIERE,24479,sirene,2025-12-09,NN,false
48913605100013,489136051,,10.71C,31 RUE CARNOT,24300,NONTRON,24311,sirene,2025-08-19,03,true
48913605100021,489136051,,10.71C,12 RUE LAMY,24800,THIVIERS,24551,sirene,2025-08-19,01,true
49318265300011,493182653,,94.99Z,LA GRANGE DU BOURG,24630,JUMILHAC-LE-GRAND,24218,sirene,2024-06-30,02,true
50836124300019,508361243,W243001402,93.29Z,AVENUE DE LA GARE,24800,THIVIERS,24551,sirene,2023-10-05,NN,false
51386940400014,513869404,,69.20Z,7 PLACE NATIONALE,24600,RIBERAC,24352,sirene,2025-02-27,02,true
52864107900017,528641079,W243002377,94.99Z,LIEU-DIT CHEZ FARJOUTIE,24470,SAINT-SAUD-LACOUSSIERE,24498,sirene,2025-05-05,NN,true
53027681500012,530276815,W243001005,90.01Z,LIEU-DIT LES GRANGES,24310,BRANTOME EN PERIGORD,24064,sirene,2024-12-18,NN,true
53027681500038,530276815,W243001005,90.01Z,BOULEVARD CHARLEMAGNE,24310,BRANTOME EN PERIGORD,24064,sirene,2024-12-18,01,true
77619402900018,776194029,W243000087,94.99Z,PLACE DU CHATEAU,24630,JUMILHAC-LE-GRAND,24218,sirene,2018-03-20,NN,true
79351824200011,793518242,W243000764,47.79Z,PLACE ALFRED AGARD,24300,NONTRON,24311,sirene,2025-10-21,01,true
79351824200029,793518242,W243000764,38.32Z,ZA DE LA GARE, 5 RUE DU STADE,24800,THIVIERS,24551,sirene,2025-10-21,03,true
79824516300026,798245163,,70.22Z,4 RUE GAMBETTA,24160,EXCIDEUIL,24164,sirene,2025-07-17,03,true
80462917800018,804629178,W241003785,45.20A,RUE DES CHAUMES,24600,RIBERAC,24352,sirene,2025-11-11,03,true
81946023900018,819460239,W243001187,56.30Z,14 RUE CARNOT,24300,NONTRON,24311,sirene,2025-03-02,01,true
82190347300014,821903473,,56.21Z,12 RUE DE LA TOUR,24340,MAREUIL EN PERIGORD,24253,sirene,2025-10-03,03,true
82190347300022,821903473,,56.21Z,ROUTE DE PERIGUEUX,24310,BRANTOME EN PERIGORD,24064,sirene,2025-10-03,01,true
84730162900022,847301629,W241003912,56.30Z,9 RUE JEAN-BAPTISTE LACOSTE,24160,EXCIDEUIL,24164,sirene,2024-10-08,01,true
85924610000019,859246100,,47.11C,30 RUE LAMY,24800,THIVIERS,24551,sirene,2026-02-05,02,true
88213457000010,882134570,,47.21Z,2 CHEMIN DE LA MALADRERIE,24300,NONTRON,24311,sirene,2025-11-04,02,true
89205713400017,892057134,,01.13Z,,24470,SAINT-PARDOUX-LA-RIVIERE,24479,sirene,2025-01-14,NN,true
90137268000016,901372680,,68.20B,9 AVENUE DU GENERAL LECLERC,24300,NONTRON,24311,sirene,2026-01-06,02,true
90582417300017,905824173,,01.50Z,LIEU-DIT BELLEVUE,24320,VERTEILLAC,24573,sirene,2025-12-03,02,true
90715384500017,907153845,,38.11Z,ZA DU PUY GILET,24360,PIEGUT-PLUVIERS,24328,sirene,2025-12-22,11,true
90715384500025,907153845,,38.11Z,ZA DE FONSAUVAGE,24300,NONTRON,24311,sirene,2025-12-22,02,true
91246038300017,912460383,,85.59B,14 RUE COULEAU,24600,RIBERAC,24352,sirene,2025-09-30,01,true"
# The files are told apart by their headers, in any order.
cp "$OUT" "$TD/joined.csv"
t_run 0 ess-directory import --from=sirene "$ET" "$UL"
t_out_file "$TD/joined.csv"
# Lambert-93 to WGS84 against PROJ's figures (within 1e-5 degree), and at
# most 6 decimals.
t_run 0 ess-directory import --from=sirene -o json "$UL" "$ET"
t_py "lat/lon match sirene-expected.txt" "
import json, sys
exp = {}
for l in open('$D/sirene-expected.txt'):
    if not l.startswith('#'):
        s, x, y, la, lo = l.split()
        exp[s] = (float(la), float(lo))
got = {r['siret']: (r['lat'], r['lon']) for r in json.load(open(sys.argv[1]))}
for s, (la, lo) in exp.items():
    if s in got:
        assert abs(got[s][0] - la) < 1e-5 and abs(got[s][1] - lo) < 1e-5, (s, got[s], la, lo)
assert got['89205713400017'] == (None, None) and got['53027681500012'] == (None, None)
" "$OUT"
t_json 'd[0]["lat"]' '45.54201'
t_json 'len(d)' '35'
t_json 'list(d[0].keys())[-4:]' '["updated", "family_rule", "headcount_band", "active"]'
t_json 'max(len(str(r["lon"]).split(".")[-1]) for r in d if r["lon"] is not None) <= 6' 'true'
t_run 0 ess-directory import --from=sirene --encoding=windows-1252 -o json "$D/StockEtablissement-extrait-cp1252.csv"
t_py "cp1252 lat/lon match sirene-expected.txt" "
import json, sys
exp = {}
for l in open('$D/sirene-expected.txt'):
    if not l.startswith('#'):
        s, x, y, la, lo = l.split()
        exp[s] = (float(la), float(lo))
d = json.load(open(sys.argv[1]))
assert len(d) == 5
for r in d:
    la, lo = exp[r['siret']]
    assert abs(r['lat'] - la) < 1e-5 and abs(r['lon'] - lo) < 1e-5, r
" "$OUT"
t_json '[d[0]["name"], d[0]["family"], d[0]["family_rule"], d[0]["address"]]' '["Café Pluche – l’épicerie", "", "unknown: no legal unit", "2 PLACE ALFRED AGARD"]'
t_json 'd[4]["name"]' '"Pôle prévention"'
t_run 65 ess-directory import --from=sirene "$D/StockEtablissement-extrait-cp1252.csv"
t_err_has "StockEtablissement-extrait-cp1252.csv:2:"
t_err_has "--encoding=windows-1252"

# --- SIRENE: one file alone ---------------------------------------------------
t_run 0 ess-directory import --from=sirene "$UL"
t_lines 26
t_cols 1,2,3,6,11,15,26,28,29 "id,name,family,siret,address,lat,updated,headcount_band,active
398461020,CUMA DU NONTRONNAIS,cooperative,39846102000016,,,2023-04-11,01,true
406293183,AMICALE LAIQUE DE LA COQUILLE,association,40629318300017,,,2019-02-12,NN,true
416039584,RADIO CHATAIGNE,association,41603958400048,,,2025-11-19,01,true
449720135,MUTUELLE SOLIDAIRE DU PERIGORD VERT,mutual,44972013500051,,,2025-09-01,03,true
482705191,LES JARDINS DE LA COLE,association,48270519100013,,,2025-12-09,11,true
489136051,LES FOURNILS DU BANDIAT,company,48913605100013,,,2025-08-19,03,true
493182653,FONDATION LES CHEMINS DE L ISLE,foundation,49318265300011,,,2024-06-30,02,true
508361243,LES AMIS DU VELORAIL DE THIVIERS,association,50836124300019,,,2023-10-05,NN,false
513869404,COOP COMPTA PERIGORD,cooperative,51386940400014,,,2025-02-27,02,true
528641079,LA GRANGE AUX SAVOIRS,association,52864107900017,,,2025-05-05,NN,true
530276815,LES NUITS DE LA DRONNE,association,53027681500038,,,2024-12-18,01,true
776194029,COMITE DES FETES DE JUMILHAC LE GRAND,association,77619402900018,,,2018-03-20,NN,true
793518242,LA RESSOURCERIE PERIGORD VERT,association,79351824200029,,,2025-10-21,03,true
798245163,COOP ESSAIM PERIGORD,cooperative,79824516300026,,,2025-07-17,03,true
804629178,GARAGE SOLIDAIRE DU RIBERACOIS,association,80462917800018,,,2025-11-11,03,true
819460239,CAFE PLUCHE,association,81946023900018,,,2025-03-02,01,true
821903473,LES TOQUES DU PERIGORD VERT,cooperative,82190347300014,,,2025-10-03,03,true
847301629,CAFE LECTURE LA PAGE BLANCHE,association,84730162900022,,,2024-10-08,01,true
859246100,LE GRENIER COOPERATIF DE THIVIERS,cooperative,85924610000019,,,2026-02-05,02,true
882134570,LES PANIERS DU BANDIAT,esus,88213457000010,,,2025-11-04,02,true
892057134,,company,89205713400017,,,2025-01-14,NN,true
901372680,LA FABRIQUE DU BANDIAT,esus,90137268000016,,,2026-01-06,02,true
905824173,FERME TIERS LIEU DE BELLEVUE,cooperative,90582417300017,,,2025-12-03,02,true
907153845,RECYCLERIE VERTE SERVICES,esus,90715384500017,,,2025-12-22,11,true
912460383,LE BOCAL FABLAB DU RIBERACOIS,esus,91246038300017,,,2025-09-30,01,true"
t_err_empty
t_run 0 ess-directory import --from=sirene "$ET"
t_lines 36
t_run 0 ess-directory import --from=sirene -o json "$ET"
t_json '[r["name"] for r in d if r["name"]]' '["HANGAR DE CHAMPAGNAC", "STUDIO D EXCIDEUIL", "AGENCE DE RIBERAC", "AGENCE DE NONTRON", "FOURNIL DE THIVIERS", "BILLETTERIE DU FESTIVAL", "LA BOUTIQUE DE LA RESSOURCERIE", "CUISINE CENTRALE"]'
t_json 'sorted(set((r["family"], r["family_rule"], r["legal_form"], r["rna"]) for r in d))' '[["", "unknown: no legal unit", "", ""]]'
t_json '[r["siret"] for r in d if r["active"] == "false"]' '["48270519100021", "50836124300019"]'
t_run 0 ess-directory import --from=sirene --active-only "$ET"
t_lines 34
t_run 64 ess-directory import --from=sirene --ess-only "$ET"
t_err "ess-directory: --ess-only needs the legal-unit file (StockUniteLegale): the establishments do not say the legal category"
t_out_empty

# --- SIRENE: --ess-only, --active-only ----------------------------------------
# Not ESS: LES FOURNILS DU BANDIAT (SARL) and 892057134 (EI).
t_run 0 ess-directory import --from=sirene --ess-only "$UL"
t_ids "398461020 406293183 416039584 449720135 482705191 493182653 508361243 513869404 528641079 530276815 776194029 793518242 798245163 804629178 819460239 821903473 847301629 859246100 882134570 901372680 905824173 907153845 912460383"
t_run 0 ess-directory import --from=sirene --active-only "$UL"
t_out_lacks "508361243,"
t_lines 25
t_run 0 ess-directory import --from=sirene --ess-only --active-only -v "$UL" "$ET"
t_out_lacks "48913605100013"
t_out_lacks "48270519100021"
t_out_lacks "50836124300019"
t_out_has "88213457000010"
t_lines 31
t_err_has "records written: 30, left out by the options: 5, rejected: 0"
t_err_has "column 'statutDiffusionUniteLegale' is not used"

# --- SIRENE: crafted edge cases ------------------------------------------------
# Columns in another order, [ND], 1900-01-01 and 0001-01-01, persons' names,
# a category that is not 4 digits, public law, the ESS flag, repetition
# index, street types spelt out, overseas (UTM) coordinates left out, a bad
# coordinate, a unit without establishment and an establishment without unit.
t_run 0 ess-directory import --from=sirene "$D/import-units.csv" "$D/import-etabs.csv"
t_cols 1,2,3,4,11,15,16,26,27,29 "id,name,family,legal_form,address,lat,lon,updated,family_rule,active
10000000100011,ASSO DES ESSAIS,association,association déclarée,BATIMENT B, 12 BIS AVENUE DE LA REPUBLIQUE,45.52976,0.66118,2025-03-04,categorieJuridique 9220: association déclarée,true
10000000100029,ASSO DES ESSAIS,association,association déclarée,LIEU-DIT LES BORIES,,,2025-01-02,categorieJuridique 9220: association déclarée,false
10000000200012,MARIE MARTIN,company,entrepreneur individuel,3 CHEMIN DES VIGNES,,,2024-06-01,categorieJuridique 1000: entrepreneur individuel,true
10000000300013,SCIC DU BOCAGE,esus,société par actions simplifiée,1 RUE DES LILAS,,,2025-02-02,economieSocialeSolidaire=O,true
10000000400014,COMMUNE DE TEST,public,commune,PLACE DE LA MAIRIE,,,2025-02-02,categorieJuridique 7210: commune,true
10000000500015,COOP FERMEE,cooperative,SARL coopérative ouvrière de production (SCOP),5 QUARTIER DU MOULIN,45.41807,0.9228,2019-05-05,categorieJuridique 5458: SARL coopérative ouvrière de production (SCOP),false
10000000600016,ENTREPRISE ORDINAIRE,company,société à responsabilité limitée,7 IMPASSE DES ROSES,,,2025-01-01,categorieJuridique 5499: société à responsabilité limitée,true
10000000700017,CATEGORIE BIZARRE,,,,,,2025-01-01,unknown: no categorieJuridique,true
10000000900019,ASSO SIGLE,association,association déclarée,LE BOURG,,,,categorieJuridique 9220: association déclarée,true"
t_err_has "import-etabs.csv:6:73: coordonneeLambertAbscisseEtablissement 'abc' is not a number: no lat/lon"
t_err_has "import-etabs.csv:8:82: only one of the two Lambert-93 coordinates is given: no lat/lon"
t_err_has "import-units.csv:8:29: categorieJuridiqueUniteLegale '92X0' is not 4 digits: family from the ESS flag only"
t_err_has "1 establishment has no legal unit in '$D/import-units.csv': not imported"
t_err_has "1 legal unit has no establishment in '$D/import-etabs.csv': not imported"
t_run 0 ess-directory import --from=sirene --ess-only --active-only "$D/import-units.csv" "$D/import-etabs.csv"
t_ids "10000000100011 10000000300013 10000000900019"
t_run 0 ess-directory import --from=sirene "$D/import-units.csv"
t_cols 1,2,6,26 "id,name,siret,updated
100000001,ASSO DES ESSAIS,10000000100011,2025-01-02
100000002,MARIE MARTIN,10000000200012,
100000003,SCIC DU BOCAGE,10000000300013,2025-02-01
100000004,COMMUNE DE TEST,10000000400014,2025-02-01
100000005,COOP FERMEE,10000000500015,2019-05-05
100000006,ENTREPRISE ORDINAIRE,10000000600016,2025-01-01
100000007,CATEGORIE BIZARRE,10000000700017,2025-01-01
100000008,FONDATION SANS ETABLISSEMENT,10000000800018,2025-01-01
100000009,ASSO SIGLE,10000000900019,"
t_run 0 ess-directory import --from=sirene "$D/import-etabs.csv"
t_cols 1,2,7 "id,name,rna
10000000100011,,
10000000100029,ANTENNE DES BORIES,
10000000200012,,
10000000300013,,
10000000400014,,
10000000500015,,
10000000600016,,
10000000700017,,
10000000900019,,
10000001000010,ETAB SANS UNITE,"

# --- SIRENE: errors --------------------------------------------------------
t_run 65 ess-directory import --from=sirene "$D/import-units-unsorted.csv" "$D/import-etabs.csv"
t_err "ess-directory: $D/import-units-unsorted.csv:4:1: siren '100000003' comes after '100000005': the legal-unit file must be sorted by siren to be joined with the establishments (sort it, or import it alone)"
t_run 65 ess-directory import --from=sirene -k "$UL" --encoding=windows-1252 "$D/StockEtablissement-extrait-cp1252.csv"
t_err_has "StockEtablissement-extrait-cp1252.csv:3:1: siren '793518242' comes after '819460239': the establishment file must be sorted by siren"
# Alone, an unsorted file is fine.
t_run 0 ess-directory import --from=sirene "$D/import-units-unsorted.csv"
t_ids "100000001 100000005 100000003"
t_run 65 ess-directory import --from=sirene "$D/import-units-dup.csv" "$D/import-etabs.csv"
t_err "ess-directory: $D/import-units-dup.csv:3:1: siren '100000001' appears twice in the legal-unit file"
t_run 65 ess-directory import --from=sirene "$D/import-etabs-bad.csv"
t_err_has "import-etabs-bad.csv:2:65: Lambert-93 coordinates 900000.0 9000000.0 are outside metropolitan France: no lat/lon"
t_err_has "import-etabs-bad.csv:3:1: siren '10000000X' is not 9 digits"
t_run 65 ess-directory import --from=sirene -k --rejects="$TD/rejects.csv" "$D/import-etabs-bad.csv"
t_ids "10000000100011 10000000100037"
t_err_has "import-etabs-bad.csv:4:17: siret '1000000010002' is not 14 digits starting with the siren '100000001'"
t_err_has "import-etabs-bad.csv:5:54: dateDernierTraitementEtablissement '2025-02-30' is not a date: left empty"
t_check "rejects file has both rows and their reasons" grep -q "^10000000X,00012,.*siren '10000000X' is not 9 digits" "$TD/rejects.csv"
t_check "rejects file has the bad siret" grep -q "^100000001,00029,1000000010002,.*not 14 digits" "$TD/rejects.csv"
t_run 65 ess-directory import --from=sirene "$D/import-csv.csv"
t_err_has "not a SIRENE file: a legal-unit file has siren and denominationUniteLegale, an establishment file siret and nic; columns found: 'nom'"
t_run 64 ess-directory import --from=sirene "$D/import-etabs.csv" "$ET"
t_err "ess-directory: '$D/import-etabs.csv' and '$ET' are both establishment files: give one"
t_run 64 ess-directory import --from=sirene "$UL" "$D/import-units.csv"
t_err_has "are both legal-unit files: give one"
t_run 64 ess-directory import --from=sirene "$UL" "$ET" "$UL"
t_err "ess-directory: --from=sirene takes a legal-unit file, an establishment file, or one of each"
t_run 66 ess-directory import --from=sirene "$TD/nowhere.csv"
t_err_has "cannot open '$TD/nowhere.csv'"
printf 'siren,siret,nic\n' >"$TD/empty-etabs.csv"
t_run 0 ess-directory import --from=sirene "$TD/empty-etabs.csv"
t_lines 1
: >"$TD/empty.csv"
t_run 65 ess-directory import --from=sirene "$TD/empty.csv"
t_err_has "no header row"
# stdin, and a pipe.
T_STDIN=$UL
t_run 0 ess-directory import --from=sirene
t_lines 26
T_STDIN=$ET
t_run 0 ess-directory import --from=sirene - -o jsonl
t_lines 35

# --- RNA ----------------------------------------------------------------------
t_run 0 ess-directory import --from=rna "$D/rna_waldec_20260101_dpt_24.csv"
t_out_has "$R,family_rule,active"
t_ids "W243001187 W243000764 W243002256 W243000412 W243001532 W241003321 W241002556 W243000987 W243001876 W243002019 W243000021 W243000087 W243002490 W243002603 W241004107"
t_err_empty
t_cols 1,2,3,4,6,11,12,13,14,19,25,26,27,28 "id,name,family,legal_form,siret,address,postcode,commune,insee_code,website,source,updated,family_rule,active
W243001187,CAFÉ PLUCHE,association,association,81946023900018,14 rue Carnot,24300,NONTRON,24311,https://cafepluche.fr,rna,2023-10-24,rna,true
W243000764,LA RESSOURCERIE PERIGORD VERT,association,association,79351824200029,ZA de la Gare, 5 rue du Stade,24800,THIVIERS,24551,,rna,2021-03-09,rna,true
W243002256,L’ATELIER VÉLO DE SAINT-PARDOUX,association,association,,1 place de la Mairie,24470,SAINT-PARDOUX-LA-RIVIERE,24479,,rna,2019-02-23,rna,true
W243000412,FOYER RURAL DE CHAMPAGNAC DE BELAIR,association,association,,Le Bourg,24530,CHAMPAGNAC-DE-BELAIR,24096,,rna,2022-06-02,rna,true
W243001532,COMPOST’ÂGE DRONNE ET BELLE,association,association,,place du Marché,24310,BRANTOME EN PERIGORD,24064,,rna,2017-06-10,rna,true
W241003321,AMAP DE VERTEILLAC,association,association,,place de la Mairie,24320,VERTEILLAC,24573,,rna,2024-02-15,rna,true
W241002556,ÂGES ET PARTAGES,association,association,,11 rue Jean-Baptiste Lacoste,24160,EXCIDEUIL,24164,,rna,2020-09-28,rna,true
W243000987,LES AMIS DE LA BIBLIOTHEQUE DE MAREUIL,association,association,,place de l’Église,24340,MAREUIL EN PERIGORD,24253,,rna,2018-01-19,rna,true
W243001876,RELAIS BENEVOLAT PERIGORD VERT,association,union d'associations,,rue Pierre de Mareuil,24310,BRANTOME EN PERIGORD,24064,,rna,2018-09-22,rna,true
W243002019,REPAIR CAFÉ DE JUMILHAC,association,association,,Salle des fêtes, place du Château,24630,JUMILHAC-LE-GRAND,24218,,rna,2019-01-05,rna,true
W243000021,AMICALE LAIQUE DE LA COQUILLE,association,association,40629318300017,rue de la Mairie,24450,LA COQUILLE,24133,,rna,2010-01-04,rna,true
W243000087,COMITE DES FETES DE JUMILHAC LE GRAND,association,association,77619402900018,place du Château,24630,JUMILHAC-LE-GRAND,24218,,rna,2015-04-13,rna,true
W243002490,ŒUVRES ET PATRIMOINE DE MONSEC,association,association,,Le Bourg,24340,MONSEC,24283,,rna,2016-04-30,rna,true
W243002603,FÉDÉRATION DES CAFÉS ASSOCIATIFS DU PÉRIGORD,association,fédération d'associations,,c/o Café Pluche, 14 rue Carnot,24300,NONTRON,24311,,rna,2021-12-18,rna,true
W241004107,LES TOITS DE LA DRONNE,association,association,85106372700016,8 rue Principale,24350,TOCANE-SAINT-APRE,24553,https://toitsdeladronne.org,rna,2025-03-14,rna,true"
t_run 0 ess-directory import --from=rna --position=A,D "$D/rna_waldec_20260101_dpt_24.csv"
t_out_has "W243001402,LES AMIS DU VELORAIL DE THIVIERS,"
t_out_has ",2023-10-12,rna,false"
t_out_lacks "W243001755"
t_lines 17
t_run 0 ess-directory import --from=rna --position=s -v "$D/rna_waldec_20260101_dpt_24.csv"
t_ids "W243001755"
t_err_has "$D/rna_waldec_20260101_dpt_24.csv: not UTF-8: read as Windows-1252"
t_err_has "records written: 1, left out by the options: 16, rejected: 0"
# rna_import: other column names (adr1, libcom), Latin-1.
t_run 0 ess-directory import --from=rna --position=A,D,R,S "$D/rna_import_20260101_dpt_24.csv"
t_cols 1,2,4,10,11,13,26,28 "id,name,legal_form,description,address,commune,updated,active
0243000215,AMICALE LAIQUE DE LA COQUILLE,association,développer les activités sportives et culturelles dans l'esprit de l'école laïque,RUE DE LA MAIRIE,LA COQUILLE,2009-07-01,true
0243000348,SOCIETE DE CHASSE SAINT-HUBERT DE NONTRON,association,pratique et organisation de la chasse, régulation du gibier,MAIRIE, PLACE ALFRED AGARD,NONTRON,2009-07-01,true
0243000511,UNION DES ANCIENS COMBATTANTS DU CANTON DE THIVIERS,union d'associations,entretenir le souvenir, défendre les intérêts moraux et matériels des anciens combattants,6 RUE LAMY,THIVIERS,2009-07-01,true
0241000927,ECOLE DE MUSIQUE DU RIBERACOIS,association,enseignement de la musique, création d'un orchestre d'harmonie,7 PLACE NATIONALE,RIBERAC,2009-07-01,true
0243000780,FOOTBALL CLUB PIEGUT-PLUVIERS,association,pratique du football, formation des jeunes joueurs,STADE MUNICIPAL, AVENUE DE NONTRON,PIEGUT-PLUVIERS,2009-07-01,true
0243000902,ASSOCIATION DES PARENTS D'ELEVES DE BRANTOME,association,représenter les familles, organiser la fête de l'école et les sorties,ECOLE PUBLIQUE, RUE GAMBETTA,BRANTOME EN PERIGORD,2004-06-30,false"
# --encoding given is used as is.
t_run 0 ess-directory import --from=rna --encoding=latin1 "$D/rna_import_20260101_dpt_24.csv"
t_out_has "développer les activités"
# Several files are one stream.
t_run 0 ess-directory import --from=rna "$D/rna_waldec_20260101_dpt_24.csv" "$D/rna_import_20260101_dpt_24.csv"
t_lines 21
# Crafted: Windows-1252 (’ Œ œ € in 0x80-0x9F), CRLF, titre_court,
# groupement, repetition index, date_disso, positions, a bad date.
t_run 0 ess-directory import --from=rna --position=A,D,R,S -o json "$D/import-rna-cp1252.csv"
t_json '[r["id"] for r in d]' '["W241000001", "W241000002", "W241000003", "W241000004", "W241000006"]'
t_json 'd[0]["name"]' '"L’ŒUVRE DES CŒURS"'
t_json 'd[0]["description"]' '"aider les familles, main-dœuvre bénévole, 5 €"'
t_json 'd[0]["address"]' '"3 bis rue des Écoles"'
t_json '[d[1]["name"], d[1]["legal_form"], d[1]["address"], d[1]["website"], d[1]["active"]]' '["LE COURT", "union d'"'"'associations", "Le Bourg", "www.lecourt.fr", "false"]'
t_json '[d[2]["name"], d[2]["legal_form"], d[2]["active"]]' '["FÉDÉ DES AMIS", "fédération d'"'"'associations", "false"]'
t_json '[d[4]["address"], d[4]["siret"], d[4]["updated"]]' '["12 ter avenue de la Gare", "12345678900011", ""]'
t_err_has "import-rna-cp1252.csv:6:84: maj_time 'hier' is not a date: left empty"
t_run 0 ess-directory import --from=rna --encoding=windows-1252 "$D/import-rna-cp1252.csv"
t_ids "W241000001 W241000006"
# Read as UTF-8, it is not.
t_run 65 ess-directory import --from=rna --encoding=utf-8 "$D/import-rna-cp1252.csv"
t_err_has "--encoding=windows-1252"
# stdin: a redirected file, then a pipe (copied to a temporary file).
T_STDIN=$D/import-rna-cp1252.csv
t_run 0 ess-directory import --from=rna
t_ids "W241000001 W241000006"
t_err_has "<stdin>:6:84: maj_time 'hier' is not a date: left empty"
mkfifo "$TD/fifo"
cat "$D/import-rna-cp1252.csv" >"$TD/fifo" &
T_STDIN=$TD/fifo
t_run 0 ess-directory import --from=rna -v -
t_ids "W241000001 W241000006"
t_out_has "L’ŒUVRE DES CŒURS"
t_err_has "<stdin>: not UTF-8: read as Windows-1252"
t_err_has "<stdin>:6:84: maj_time"
wait
cat "$D/import-rna-bad.csv" >"$TD/fifo" &
T_STDIN=$TD/fifo
t_run 65 ess-directory import --from=rna --position=D
t_lines 1
t_err_has "<stdin>:3:30: position 'X' is not A (active), D (dissolved), R or S"
wait
# A pipe named as FILE is read once too.
cat "$D/import-rna-cp1252.csv" >"$TD/fifo" &
t_run 0 ess-directory import --from=rna "$TD/fifo"
t_ids "W241000001 W241000006"
t_err_has "$TD/fifo:6:84: maj_time 'hier' is not a date: left empty"
wait
: >"$TD/fifo" &
T_STDIN=$TD/fifo
t_run 65 ess-directory import --from=rna
t_err "ess-directory: <stdin>: no header row (the input is empty)"
wait
T_STDIN=/dev/null
t_run 65 ess-directory import --from=rna
t_err "ess-directory: <stdin>: no header row (the input is empty)"
t_run 66 ess-directory import --from=rna "$D"
t_err_has "cannot read '$D'"
# Errors: a bad position, no id; -k goes on.
t_run 65 ess-directory import --from=rna "$D/import-rna-bad.csv"
t_err "ess-directory: $D/import-rna-bad.csv:3:30: position 'X' is not A (active), D (dissolved), R or S"
t_run 65 ess-directory import --from=rna -k --rejects="$TD/rna-rejects.csv" "$D/import-rna-bad.csv"
t_ids "W241000010 W241000012"
t_err_has "import-rna-bad.csv:4:1: no RNA number in column 'id'"
t_check "rna rejects hold the two rows" test "$(grep -c "^W241000011;\|^;SANS" "$TD/rna-rejects.csv")" -eq 2
printf 'id;nom;position\nW1;X;A\n' >"$TD/notrna.csv"
t_run 65 ess-directory import --from=rna "$TD/notrna.csv"
t_err_has "no column 'titre'"
t_out_empty
t_run 66 ess-directory import --from=rna "$D/import-rna-bad.csv" "$TD/nowhere.csv"
t_out_empty

# --- GoGoCarto ----------------------------------------------------------------
t_run 0 ess-directory import --from=gogocarto "$D/gogocarto.json"
t_out_has "$R,family_rule"
t_err_empty
t_cols 1,2,11,12,13,15,16,17,22,23,25,26 "id,name,address,postcode,commune,lat,lon,phone,tags,opening_hours,source,updated
4Kd,Café Pluche,14 rue Carnot,24300,Nontron,45.52976,0.66118,05 53 60 41 27,Café associatif|Lien social|Alimentation,Mo,Tu,Th 15:00-17:00,gogocarto,2025-12-01
4Lq,Jardins de la Côle,Les Farges,24800,Thiviers,45.42351,0.9298,0553621740,Insertion|Agriculture|Circuit court,Fr 16:30-19:00,gogocarto,2025-06-17
5aR,Marché de producteurs de Saint-Pardoux,Place de la Mairie,24470,Saint-Pardoux-la-Rivière,,,,Circuit court|Alimentation,Su 08:30-12:30,gogocarto,2024-05-02
5cX,Friperie solidaire Le Fil d’Ariane,22 rue Gambetta,24600,Ribérac,45.24886,0.33896,+33 5 53 92 77 46,Réemploi|Insertion,We 14:00-18:00; Sa 09:30-12:30,gogocarto,2025-09-03
6Bm,Jardin partagé des Oiseaux,Rue des Écoles,24450,La Coquille,45.54033,0.97818,,Agriculture|Lien social,,gogocarto,2025-04-11
6Cz,Boutique paysanne Terres du Nontronnais,3 place de la Halle,24360,Piégut-Pluviers,45.62397,0.6915,05 53 60 37 81,Circuit court|Alimentation|Agriculture,Tu-Th 09:00-12:30; Fr,Sa 09:00-12:30,15:00-19:00,gogocarto,2026-01-09
7Dh,Librairie associative Le Chat Perché,6 rue Victor Hugo,24310,Brantôme en Périgord,45.36444,0.64609,05 53 05 64 29,Culture|Lien social,We,Sa 10:00-12:30,14:30-18:30,gogocarto,2025-11-20
7Fk,Point Rénovation Habitat de Lanouaille,5 rue de la Poste,24270,Lanouaille,45.3926,1.13966,05 53 52 19 04,Habitat|Énergie,Tu 14:00-17:00,gogocarto,2025-10-14"
t_run 0 ess-directory import --from=gogocarto -o json "$D/gogocarto.json"
t_json 'd[0]["tags"]' '["Café associatif", "Lien social", "Alimentation"]'
t_json 'd[0]["email"]' '"bonjour@cafepluche.fr"'
t_json '[d[2]["lat"], d[2]["lon"]]' '[null, null]'
t_json 'd[0]["family_rule"]' '"unknown: no category names a family"'
T_STDIN=$D/gogocarto.json
t_run 0 ess-directory import --from=gogocarto
t_lines 9
# Crafted: a plain array, numbers as ids, lat/lng with decimal commas,
# categories naming a family, '|' in a category, slots in openHours, no
# geo, a bad geo, no name, a bad date.
t_run 0 ess-directory import --from=gogocarto -o json "$D/import-gogocarto.json"
t_json '[r["id"] for r in d]' '["1", "b2", "c3", "d4"]'
t_json '[d[0]["lat"], d[0]["lon"], d[0]["family"], d[0]["family_rule"]]' '[45.5, 0.7, "association", "gogocarto category '"'"'Association'"'"'"]'
t_json 'd[0]["tags"]' '["Association", "Culture/Loisirs"]'
t_json 'd[0]["opening_hours"]' '"Mo-We 09:00-12:00,14:00-18:00; Sa 10:00-12:00"'
t_json '[d[1]["address"], d[1]["postcode"], d[1]["commune"], d[1]["lat"]]' '["1 rue Haute", "24300", "Nontron", null]'
t_json '[d[2]["lat"], d[2]["family"], d[2]["updated"]]' '[null, "cooperative", ""]'
t_json '[d[3]["name"], d[3]["phone"], d[3]["family"]]' '["", "0553000000", ""]'
t_err_has "import-gogocarto.json:21:3: element 3: geo is not a latitude and a longitude in degrees: no lat/lon"
t_err_has "import-gogocarto.json:21:3: element 3: updatedAt 'n'importe quand' is not a date: left empty"
t_err_has "import-gogocarto.json:28:3: element 4: no name"
printf '[{"id": "x", "name": "Une ligne", "address": " 2 rue Haute, 24300 Nontron "}]' >"$TD/oneline.json"
t_run 0 ess-directory import --from=gogocarto -o jsonl "$TD/oneline.json"
t_out_has '"address":"2 rue Haute, 24300 Nontron","postcode":"",'
t_run 65 ess-directory import --from=gogocarto "$D/import-gogocarto-bad.json"
t_err "ess-directory: $D/import-gogocarto-bad.json:3:3: element 2: not an object ({...})"
t_run 65 ess-directory import --from=gogocarto -k "$D/import-gogocarto-bad.json"
t_ids "a b"
printf '{"licence": "x", "data": 3}\n' >"$TD/nodata.json"
t_run 65 ess-directory import --from=gogocarto "$TD/nodata.json"
t_err "ess-directory: $TD/nodata.json:1:1: not a GoGoCarto export: neither an array of elements nor an object with a \"data\" array"
t_out_empty
printf '[\n  {"id": 1,\n]\n' >"$TD/broken.json"
t_run 65 ess-directory import --from=gogocarto "$TD/broken.json"
t_err_has "$TD/broken.json:3:"
t_out_empty
printf '{"data": [{"id": "z", "name": "Caf\351"}]}\n' >"$TD/latin1.json"
t_run 65 ess-directory import --from=gogocarto "$TD/latin1.json"
t_err "ess-directory: $TD/latin1.json:1:35: invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"
t_run 0 ess-directory import --from=gogocarto --encoding=latin1 "$TD/latin1.json"
t_out_has "z,Café,"
t_run 66 ess-directory import --from=gogocarto "$TD/nowhere.json"
t_err_has "cannot open '$TD/nowhere.json'"

# --- csv: any directory ------------------------------------------------------
t_run 0 ess-directory import --from=csv "$D/import-csv.csv"
t_out "$R,family_rule,referent
,Atelier A,cooperative,,,,,,,,,24300,,,,,,,,,,,,,import-csv,,column family,Jeanne
,Atelier B,association,,,,,,,,,24800,,,,,,,,,,,,,sirene,,categorieJuridique 9220: association déclarée,
,Atelier C,Bizarre,,,,,,,,,24300,,,,,,,,,,,,,import-csv,,column family: not a known family,
,Atelier D,,,,,,,,,,24300,,,,,,,,,,,,,import-csv,,unknown: empty family column,"
t_err "ess-directory: $D/import-csv.csv:4:11: family 'Bizarre' is not association, cooperative, mutual, foundation, esus, company, public or other: kept as written"
# French headers, ';', BOM, CRLF.
t_run 0 ess-directory import --from=csv "$EX/annuaire/tiers-lieux.csv"
t_out_has "$R,family_rule"
t_out_has ",La Fabrique du Bandiat,cooperative,SCIC SAS,,90137268000016,"
t_out_lacks "coopérative,"
t_run 0 ess-directory import --from=csv "$EX/annuaire/annuaire.csv"
t_py "annuaire keeps every value and family" "
import csv, sys
src = list(csv.DictReader(open('$EX/annuaire/annuaire.csv', encoding='utf-8')))
out = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
assert len(src) == len(out)
for a, b in zip(src, out):
    for k, v in a.items():
        assert b[k] == v, (k, v, b[k])
    assert b['family_rule'] == 'column family'
" "$OUT"
# A JSON directory, and stdin.
t_run 0 ess-directory import --from=csv -o jsonl "$D/query.json"
t_out_has '"family_rule":"column family"'
t_out_has '"source":"query"'
T_STDIN=$D/import-csv.csv
t_run 0 ess-directory import --from=csv
t_out_has ",Atelier A,cooperative,,,,,,,,,24300,,,,,,,,,,,,,stdin,,column family,Jeanne"
printf 'nom,famille\nA,asso\n' | iconv -t windows-1252 >"$TD/win.csv"
printf 'nom,famille\nCaf\351,coop\351rative\n' >"$TD/win.csv"
t_run 0 ess-directory import --from=csv --encoding=windows-1252 "$TD/win.csv"
t_out_has ",Café,cooperative,"

# --- output: formats, -O, write errors ------------------------------------------
t_run 0 ess-directory import --from=sirene -o table "$UL"
t_out_has "CUMA DU NONTRONNAIS"
t_run 0 ess-directory import --from=rna -o md "$D/import-rna-cp1252.csv"
t_out_has "| W241000001 |"
t_run 0 ess-directory import --from=sirene --excel "$UL"
t_out_has "id;name;family;"
t_run 0 ess-directory import --from=sirene -O "$TD/out.csv" "$UL" "$ET"
t_out_empty
t_check "-O writes the joined file" cmp -s "$TD/out.csv" "$TD/joined.csv"
echo "last week" >"$TD/keep.csv"
t_run 65 ess-directory import --from=sirene -O "$TD/keep.csv" "$D/import-units-unsorted.csv" "$D/import-etabs.csv"
t_check "-O keeps the old file when the run fails" grep -qx "last week" "$TD/keep.csv"
t_run 65 ess-directory import --from=rna -O "$TD/keep.csv" "$D/import-rna-bad.csv"
t_check "-O keeps the old file after a rejected row" grep -qx "last week" "$TD/keep.csv"
t_run_to 74 /dev/full ess-directory import --from=sirene "$UL" "$ET"
t_err_has "write error"
t_run_to 74 /dev/full ess-directory import --from=gogocarto "$D/gogocarto.json"
t_run 73 ess-directory import --from=csv -O "$TD/no/such/dir/x.csv" "$D/import-csv.csv"
t_err_has "cannot create"

t_py_flush
