# ess-directory export: vCard, GeoJSON, JSON-LD, HTML and Markdown, each
# read back by a parser (python3's json and html.parser, a vCard reader in
# export-check.py, GDAL's ogrinfo and cmark-gfm when they are installed)
# and compared with the CSV it came from; the options, the inputs, and
# every error as a user meets it (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory
A=$EX/annuaire/annuaire.csv
E=$D/export-edge.csv
BAD=$D/export-badcoords.csv
CHECK=$D/export-check.py

chk() {	# FUNCTION ARGS: FUNCTION(stdout, ARGS) of export-check.py passes
	chkf "$OUT" "$1" "$2"
}
chkf() {	# FILE FUNCTION ARGS: FUNCTION(FILE, ARGS) passes
	t_py "$2($3)" "import sys; exec(compile(open('$CHECK', encoding='utf-8').read(), '$CHECK', 'exec')); $2(sys.argv[1], $3)" "$1"
}
skip() {	# DESC: a check that needs a tool this machine lacks
	echo "ok - $1 # skip"
}
nrows() {	# FILE: its records (a CSV with canonical headers)
	python3 -c 'import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))))' "$1"
}

# --- vCard -------------------------------------------------------------------
t_run 0 ess-directory export --format=vcard "$A"
t_err_empty
chk check_vcard "'$A'"
t_out_has 'GEO:geo:45.52976\,0.66118'
t_out_has 'TEL;VALUE=uri:tel:+33553604127'
t_out_has 'ADR:;;14 rue Carnot;Nontron;;24300;France'
t_out_has 'CATEGORIES;X-ESS-LIST=offers:salle de réunion,paniers bio,jeux de soci'
t_out_has 'UID:urn:uuid:7678ade0-3100-55b1-9963-12b4e530dbf7'
cp "$OUT" "$TD/annuaire.vcf"
# Escapes, folding in the middle of €, 🌱 and é runs, CRLF in a value,
# times with zones, foreign phones, URLs with commas, a record without id.
t_run 0 ess-directory export -f vcard "$E"
chk check_vcard "'$E'"
t_out_has 'FN:Atelier « Le Clou \; la Vis\, \\ et Cie »'
t_out_has 'ADR:;;ZA des Forges\, bâtiment B\; porte 2;Nontron;;24300;France'
t_out_has 'CATEGORIES;X-ESS-LIST=offers:réparation\, outillage,prêt\; d'"'"'outils,cours'
t_out_has 'REV:20260203T101500+0100'
t_out_has 'REV:20260115T000000Z'
t_out_has 'TEL;VALUE=uri:tel:+442079460958'
t_out_has 'URL:https://www.clou-vis.coop'
t_out_has 'URL:http://eco-lieu.fr/a\,b\;c'
t_out_has 'GEO:geo:45.123457\,0'
t_out_has 'GEO:geo:45.5123\,0.661'
t_out_lacks 'URL:javascript'
t_err "ess-directory: $E:11:118: website 'javascript:alert(1)' is not an http or https address: left out of the vCard"
t_py "the record without id has the UID of its RNA number" "import sys, uuid; assert 'UID:urn:uuid:%s\r\n' % uuid.uuid5(uuid.NAMESPACE_URL, 'urn:ess-directory:rna:W241000123') in open(sys.argv[1], encoding='utf-8', newline='').read()" "$OUT"
# A long ASCII line folds at exactly 75 octets; a multi-byte character
# that would cross the 75th octet goes to the next line whole.
long=$(python3 -c 'print("x" * 200)')
printf 'name,description\nLong,%s\nÉtoile,%s\n' "$long" "$(python3 -c 'print("é" * 80)')" >"$TD/long.csv"
t_run 0 ess-directory export -f vcard "$TD/long.csv"
t_py "fold points" "import sys
ls = open(sys.argv[1], 'rb').read().split(b'\r\n')
n = [l for l in ls if l.startswith(b'NOTE:')]
i, j = ls.index(n[0]), ls.index(n[1])
assert [len(x) for x in ls[i:i + 3]] == [75, 75, 205 - 150 + 2 + 2 - 1 - 1], [len(x) for x in ls[i:i + 3]]
assert len(ls[j]) == 5 + 2 * 35 and len(ls[j + 1]) == 1 + 2 * 37 and len(ls[j + 2]) == 1 + 2 * 8, [len(x) for x in ls[j:j + 3]]
" "$OUT"
chk check_vcard "'$TD/long.csv'"
t_run 0 ess-directory export -f vcf "$TD/long.csv"
t_out_has 'FN:Étoile'
# Bad data: no name, an updated that is not a date, bad coordinates.
printf 'id,name,lat,lon,updated\nN1,Bon,45.5,0.7,2026-01-01\nN2,,45.5,0.7,\nN3,Mauvaise date,,,hier\nN4,Heure folle,,,2026-01-01T25:00\nN5,Fin,,,\n' >"$TD/names.csv"
t_run 65 ess-directory export -f vcard "$TD/names.csv"
t_err_has "$TD/names.csv:3:4: no name: vCard needs one for every record"
t_run 65 ess-directory export -f vcard -k "$TD/names.csv"
t_err_has "$TD/names.csv:4:20: updated 'hier' is not a date (YYYY-MM-DD, DD/MM/YYYY, or a date and a time)"
t_err_has "$TD/names.csv:5:18: updated '2026-01-01T25:00' is not a date"
t_py "-k writes the good records" "import sys; t = open(sys.argv[1], encoding='utf-8').read(); assert t.count('BEGIN:VCARD') == 2 and 'FN:Bon' in t and 'FN:Fin' in t, t" "$OUT"
t_run 65 ess-directory export -f vcard "$BAD"
t_err "ess-directory: $BAD:3:27: latitude 'abc' is not a number of degrees between -90 and 90"
t_out_empty
printf 'id,nom_usage\n1,x\n' >"$TD/noname.csv"
t_run 65 ess-directory export -f vcard "$TD/noname.csv"
t_err_has "no 'name' column: vCard needs it"
printf 'id,name,lat,lon\n' >"$TD/empty.csv"
t_run 0 ess-directory export -f vcard "$TD/empty.csv"
t_out_empty
t_err_empty

# --- GeoJSON -----------------------------------------------------------------
t_run 0 ess-directory export --format=geojson "$A"
t_err_empty
chk check_geojson "'$A'"
t_json 'd["type"]' '"FeatureCollection"'
t_json 'len(d["features"])' "$(nrows "$A")"
t_json 'd["features"][0]["geometry"]' '{"type": "Point", "coordinates": [0.66118, 45.52976]}'
t_json 'd["features"][0]["properties"]["offers"]' '["salle de réunion", "paniers bio", "jeux de société", "atelier cuisine"]'
t_json 'd["features"][0]["properties"]["employees"]' '1'
t_json 'd["features"][1]["properties"]["rna"]' 'null'
cp "$OUT" "$TD/annuaire.geojson"
if command -v ogrinfo >/dev/null; then
	ogrinfo -ro -al -so "$TD/annuaire.geojson" >"$TD/ogr.txt" 2>&1
	grep -q "Feature Count: $(nrows "$A")" "$TD/ogr.txt" && grep -q "Geometry: Point" "$TD/ogr.txt" &&
		grep -q "offers: StringList" "$TD/ogr.txt" && grep -q 'EPSG",4326' "$TD/ogr.txt"
	t_report $? "ogrinfo reads the annuaire's GeoJSON: every point, the lists" "$(head -c 600 "$TD/ogr.txt")"
	ogrinfo -ro -al -q -where "id = 'A001'" "$TD/annuaire.geojson" >"$TD/ogr1.txt" 2>&1
	grep -q 'POINT (0.66118 45.52976)' "$TD/ogr1.txt" && grep -q 'name (String) = Café Pluche' "$TD/ogr1.txt"
	t_report $? "ogrinfo: A001 is POINT (lon lat)" "$(head -c 600 "$TD/ogr1.txt")"
else
	skip "ogrinfo reads the annuaire's GeoJSON (no ogrinfo)"
	skip "ogrinfo: A001 is POINT (lon lat) (no ogrinfo)"
fi
# A record without coordinates is named on stderr and counted, not lost.
t_run 0 ess-directory export -f geojson "$E"
chk check_geojson "'$E', extra=['referent']"
t_err "ess-directory: $E:5: record 'E02', 'Sans Coordonnées', has no coordinates: not on the map
ess-directory: 1 record without coordinates is not on the map"
t_json '[f["properties"]["name"] for f in d["features"]]' '["Atelier « Le Clou ; la Vis, \\ et Cie »", "<script>alert('"'"'nom'"'"')</script> Asso", "Éco-Lieu Été", "Zèbre Solidaire", "Abeilles du Bandiat"]'
t_json 'd["features"][2]["geometry"]["coordinates"]' '[0, 45.123457]'
t_json '"id" in d["features"][3]' 'false'
t_json 'd["features"][0]["properties"]["lat"]' '45.5123'
t_json 'd["features"][0]["properties"]["referent"]' '"Zoé"'
t_json 'd["features"][1]["properties"]["referent"]' 'null'
printf 'id,name,lat,lon\nX1,Nulle part,,\nX2,Ailleurs,,\n' >"$TD/nowhere.csv"
t_run 0 ess-directory export -f geojson "$TD/nowhere.csv"
t_out '{"type":"FeatureCollection","features":[]}'
t_err_has "$TD/nowhere.csv:3: record 'X2', 'Ailleurs', has no coordinates: not on the map"
t_err_has "ess-directory: 2 records without coordinates are not on the map"
# Coordinates that cannot be read are bad data.
t_run 65 ess-directory export -f geojson "$BAD"
t_err "ess-directory: $BAD:3:27: latitude 'abc' is not a number of degrees between -90 and 90"
t_out_empty
t_run 65 ess-directory export -f geojson --keep-going "$BAD"
t_err "ess-directory: $BAD:3:27: latitude 'abc' is not a number of degrees between -90 and 90
ess-directory: $BAD:4:25: latitude '95' is not a number of degrees between -90 and 90
ess-directory: $BAD:5:27: latitude '45.5' without a longitude
ess-directory: $BAD:7:35: longitude '200' is not a number of degrees between -180 and 180"
t_json '[f["id"] for f in d["features"]]' '["B1", "B5"]'
t_run 65 ess-directory export -f geojson --rejects="$TD/rej.csv" "$BAD"
t_py "--rejects keeps the 4 rows and their reasons" "
import csv, sys
r = list(csv.DictReader(open('$TD/rej.csv', encoding='utf-8')))
assert [x['id'] for x in r] == ['B2', 'B3', 'B4', 'B6'], r
assert r[2]['reject_reason'] == \"latitude '45.5' without a longitude\", r[2]
" "$OUT"
printf 'id,name,lat\n1,x,45\n' >"$TD/nolon.csv"
t_run 65 ess-directory export -f geojson "$TD/nolon.csv"
t_err_has "no 'lon' column: GeoJSON needs it"
printf 'id,name\n1,x\n' >"$TD/nolat.csv"
t_run 65 ess-directory export -f geojson "$TD/nolat.csv"
t_err_has "no 'lat' column: GeoJSON needs it"

# --- JSON-LD -----------------------------------------------------------------
t_run 0 ess-directory export --format=jsonld "$A"
t_err_empty
chk check_jsonld "'$A'"
t_json 'd["@context"]' '"https://schema.org"'
t_json 'd["@graph"][0]["@type"]' '"NGO"'
t_json 'd["@graph"][1]["@type"]' '"Organization"'
t_json 'd["@graph"][0]["identifier"][0]' '{"@type": "PropertyValue", "propertyID": "SIRET", "value": "81946023900018"}'
t_json 'd["@graph"][0]["makesOffer"][0]' '{"@type": "Offer", "itemOffered": {"@type": "Service", "name": "salle de réunion"}}'
t_json 'd["@graph"][0]["seeks"][0]' '{"@type": "Demand", "itemOffered": {"@type": "Service", "name": "bénévoles"}}'
t_json 'd["@graph"][0]["telephone"]' '"+33553604127"'
t_json 'd["@graph"][0]["numberOfEmployees"]' '{"@type": "QuantitativeValue", "value": 1}'
t_json 'd["@graph"][2]["openingHours"]' '["We,Fr 14:00-18:00", "Sa 10:00-17:00"]'
t_json 'd["@graph"][0]["@id"]' '"urn:uuid:7678ade0-3100-55b1-9963-12b4e530dbf7"'
t_run 0 ess-directory export -f json-ld "$E"
chk check_jsonld "'$E'"
t_err "ess-directory: $E:11:118: website 'javascript:alert(1)' is not an http or https address: left out of the JSON-LD"
t_json '[o["@type"] for o in d["@graph"]]' '["Organization", "NGO", "NGO", "Organization", "NGO", "Organization"]'
t_json '"geo" in d["@graph"][1]' 'false'
t_json '"url" in d["@graph"][2]' 'false'
t_json 'd["@graph"][2]["telephone"]' '"+442079460958"'
t_run 65 ess-directory export -f jsonld "$BAD"
t_err_has "$BAD:3:27: latitude 'abc'"
t_run 0 ess-directory export -f jsonld "$TD/empty.csv"
t_json 'd' '{"@context": "https://schema.org", "@graph": []}'

# --- HTML --------------------------------------------------------------------
t_run 0 ess-directory export --format=html "$A"
t_err_empty
chk check_html "'$A'"
t_out_has '<title>Annuaire des acteurs de l&#39;ESS</title>'
t_out_has "<p class=\"intro\">$(nrows "$A") acteurs, par commune.</p>"
# Everything from the data escaped; links only to http(s) and mailto.
t_run 0 ess-directory export -f html "$E"
chk check_html "'$E'"
t_out_lacks '<script'
t_out_has '<h3>&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt; Asso</h3>'
t_out_has '<p class="website"><span class="label">Site :</span> javascript:alert(1)</p>'
t_out_has '<a href="https://www.clou-vis.coop">www.clou-vis.coop</a>'
t_out_has '<a href="mailto:contact@clou-vis.coop">'
t_out_has 'x@y.fr&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>'
t_out_has '<h2>Saint-Pardoux-la-Rivière</h2>'
t_out_has '<h2>Commune non précisée</h2>'
t_py "the index of offers" "
import sys
t = open(sys.argv[1], encoding='utf-8').read()
want = '<dt>paniers bio</dt>\\n<dd><a href=\"#a3\">&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt; Asso</a> · <a href=\"#a6\">Abeilles du Bandiat</a> · <a href=\"#a2\">Sans Coordonnées</a> · <a href=\"#a5\">Zèbre Solidaire</a></dd>\\n'
assert want in t, t[t.index('<dt>paniers bio'):][:400]
" "$OUT"
t_err_empty
t_run 0 ess-directory export -f html --group-by=family "--title=Répertoire <2026> & co" "$E"
chk check_html "'$E', group='family', title='Répertoire <2026> & co'"
t_out_has '<title>Répertoire &lt;2026&gt; &amp; co</title>'
t_py "families in their order" "
import re, sys
h = re.findall(r'<h2>(.*?)</h2>', open(sys.argv[1], encoding='utf-8').read())
assert h == ['Associations', 'Coopératives', 'Mutuelles', 'Fondations', 'Index des offres', 'Index des besoins'], h
" "$OUT"
printf 'name,family\nA,Bizarre\nB,\nC,public\nD,bizarre\nE,SCOP\n' >"$TD/fam.csv"
t_run 0 ess-directory export -f html --group-by=famille "$TD/fam.csv"
t_py "unknown families after the known ones, empty last" "
import re, sys
h = re.findall(r'<h2>(.*?)</h2>', open(sys.argv[1], encoding='utf-8').read())
assert h == ['Acteurs publics', 'Bizarre', 'SCOP', 'Famille non précisée', 'Index des offres', 'Index des besoins'], h
" "$OUT"
t_out_has '<p>Aucune offre.</p>'
t_run 0 ess-directory export -f html "$TD/empty.csv"
chk check_html "'$TD/empty.csv'"
t_out_has '<p class="intro">0 acteur, par commune.</p>'
t_out_has '<p>Aucun besoin.</p>'
t_run 0 ess-directory export -f md "$TD/empty.csv"
t_out "# Annuaire des acteurs de l'ESS

0 acteur, par commune.

## Index des offres

Aucune offre.

## Index des besoins

Aucun besoin."
t_run 65 ess-directory export -f html "$TD/names.csv"
t_err_has "$TD/names.csv:3:4: no name: HTML needs one for every record"
t_run 0 ess-directory export -f html "$BAD"
t_out_has '<h3>Latitude Texte</h3>'

# --- Markdown ----------------------------------------------------------------
t_run 0 ess-directory export --format=md "$A"
t_err_empty
chk check_md "'$A'"
cp "$OUT" "$TD/annuaire.md"
t_run 0 ess-directory export -f markdown "$E"
chk check_md "'$E'"
cp "$OUT" "$TD/edge.md"
t_out_has '### &lt;script&gt;alert('"'"'nom'"'"')&lt;/script&gt; Asso'
t_out_has '1\. Premier point \*gras\* \_souligné\_ \[lien\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; &amp; Cie\'
t_out_has '\# pas un titre\'
t_out_has '\- pas une liste\'
t_out_has '&gt; pas une citation\'
t_out_has '- Site : [www.clou-vis.coop](<https://www.clou-vis.coop>)'
t_out_has '- Site : javascript:alert(1)'
t_out_has '- Recherche : \`code\`, \*\*gras\*\*'
t_out_has '- **paniers bio** : &lt;script&gt;alert('"'"'nom'"'"')&lt;/script&gt; Asso · Abeilles du Bandiat · Sans Coordonnées · Zèbre Solidaire'
t_out_lacks '<script'
if command -v cmark-gfm >/dev/null; then
	for f in annuaire edge; do
		cmark-gfm --unsafe "$TD/$f.md" >"$TD/$f.md.html"
	done
	T_DESC="cmark-gfm --unsafe annuaire.md"
	chkf "$TD/annuaire.md" check_md "'$A', rendered='$TD/annuaire.md.html'"
	T_DESC="cmark-gfm --unsafe export-edge.md"
	chkf "$TD/edge.md" check_md "'$E', rendered='$TD/edge.md.html'"
else
	skip "annuaire.md rendered by cmark-gfm (no cmark-gfm)"
	skip "export-edge.md rendered by cmark-gfm (no cmark-gfm)"
fi
t_run 0 ess-directory export -f md --group-by=family --title='Répertoire *test*' "$E"
t_py "headings" "
import re, sys
h = re.findall(r'(?m)^#+ .*', open(sys.argv[1], encoding='utf-8').read())
assert h[:3] == ['# Répertoire \\\\*test\\\\*', '## Associations', '### &lt;script&gt;alert(\'nom\')&lt;/script&gt; Asso'], h
assert '## Mutuelles' in h and '## Fondations' in h
" "$OUT"

# --- inputs: stdin, several files, French headers, Windows-1252, JSON ---------
T_STDIN=$A
t_run 0 ess-directory export -f vcard
t_out_file "$TD/annuaire.vcf"
T_STDIN=$A
t_run 0 ess-directory export -f vcard -
t_out_file "$TD/annuaire.vcf"
t_run 0 ess-directory export -f geojson "$A" "$E"
t_json 'len(d["features"])' "$(( $(nrows "$A") + 5 ))"
t_json 'd["features"][-1]["properties"]["referent"]' 'null'
t_json 'list(d["features"][0]["properties"])[-1]' '"referent"'
printf 'nom;famille;adresse;code_postal;commune;latitude;longitude;telephone;courriel;site_web;offres;besoins;mots_cles;horaires\r\n"Café l’Étape";Association;3 rue Haute;24800;Thiviers;45,4152;0,9190;05 53 55 00 01;etape@exemple.fr;etape.fr;repas|salle;bénévoles;café;Tu 10:00-12:00\r\n' >"$TD/fr.csv"
t_run 0 ess-directory export -f geojson "$TD/fr.csv"
t_json 'd["features"][0]["geometry"]["coordinates"]' '[0.919, 45.4152]'
t_json '{k: v for k, v in d["features"][0]["properties"].items() if v}' '{"name": "Café l’Étape", "family": "Association", "address": "3 rue Haute", "postcode": "24800", "commune": "Thiviers", "lat": 45.4152, "lon": 0.919, "phone": "05 53 55 00 01", "email": "etape@exemple.fr", "website": "etape.fr", "offers": ["repas", "salle"], "needs": ["bénévoles"], "tags": ["café"], "opening_hours": "Tu 10:00-12:00"}'
t_run 0 ess-directory export -f vcard "$TD/fr.csv"
t_out_has 'FN:Café l’Étape'
t_out_has 'URL:https://etape.fr'
t_out_has 'GEO:geo:45.4152\,0.919'
# The second list: French headers, ';', a BOM, CRLF.
t_run 0 ess-directory export -f geojson "$EX/annuaire/tiers-lieux.csv"
t_err_empty
t_json 'list(d["features"][0]["properties"]) == '"$(python3 -c "exec(compile(open('$CHECK').read(), '$CHECK', 'exec')); print(CANON)")" 'true'
t_json 'd["features"][0]["properties"]["family"]' '"coopérative"'
t_json 'd["features"][0]["geometry"]["coordinates"]' '[0.66348, 45.52809]'
t_run 0 ess-directory export -f md --group-by=family "$EX/annuaire/tiers-lieux.csv"
t_out_has '## Coopératives'
t_out_has '*Coopérative · SCIC SAS*'
iconv -f UTF-8 -t WINDOWS-1252 "$TD/fr.csv" >"$TD/fr-1252.csv"
t_run 0 ess-directory export -f vcard --encoding=windows-1252 "$TD/fr-1252.csv"
t_out_has 'FN:Café l’Étape'
t_out_has 'CATEGORIES;X-ESS-LIST=needs:bénévoles'
t_run 65 ess-directory export -f vcard "$TD/fr-1252.csv"
t_err_has "windows-1252"
printf '[{"name": "Jardin, partagé", "offers": ["graines", "outils; prêt"], "lat": 45.5, "lon": 0.7, "employees": 2, "telephone": "+33 (0)5 53 60 41 27"},\n {"name": "Sans rien", "telephone": "05 53 60 41 27 poste 12"}]\n' >"$TD/in.json"
t_run 0 ess-directory export -f vcard "$TD/in.json"
t_out_has 'CATEGORIES;X-ESS-LIST=offers:graines,outils\; prêt'
t_out_has 'FN:Jardin\, partagé'
t_out_has 'TEL;VALUE=uri:tel:+33553604127'
t_out_has 'TEL:05 53 60 41 27 poste 12'
t_run 0 ess-directory export -f geojson "$TD/in.json"
t_json 'd["features"][0]["properties"]["offers"]' '["graines", "outils; prêt"]'
t_json 'd["features"][0]["properties"]["employees"]' '2'
t_err_has "$TD/in.json:2: record 'Sans rien' has no coordinates: not on the map"

# --- output: -O, its extension, write errors ---------------------------------
t_run 0 ess-directory export -O "$TD/out.geojson" "$A"
t_out_empty
t_check "-O out.geojson is the GeoJSON" cmp -s "$TD/out.geojson" "$TD/annuaire.geojson"
t_run 0 ess-directory export -O "$TD/out.vcf" "$A"
t_check "-O out.vcf is the vCard" cmp -s "$TD/out.vcf" "$TD/annuaire.vcf"
t_run 0 ess-directory export -O "$TD/out.md" "$A"
t_check "-O out.md is the Markdown" cmp -s "$TD/out.md" "$TD/annuaire.md"
t_run 0 ess-directory export --output-file="$TD/out.html" "$A"
t_check "-O out.html is HTML" grep -q '^<!DOCTYPE html>' "$TD/out.html"
t_run 0 ess-directory export -O "$TD/out.jsonld" "$A"
t_check "-O out.jsonld is JSON-LD" grep -q '"@context": "https://schema.org"' "$TD/out.jsonld"
# --format wins over the extension.
t_run 0 ess-directory export -f geojson -O "$TD/out.txt" "$A"
t_check "-f geojson -O out.txt is the GeoJSON" cmp -s "$TD/out.txt" "$TD/annuaire.geojson"
# A failed run leaves the old file in place, and no temporary file.
echo "last week" >"$TD/keep.geojson"
t_run 65 ess-directory export -O "$TD/keep.geojson" "$BAD"
t_check "a failed run keeps last week's file" grep -qx "last week" "$TD/keep.geojson"
t_check "no temporary file is left" sh -c "! ls '$TD' | grep -q 'keep.geojson.tmp'"
t_run 73 ess-directory export -f vcard -O "$TD/no/such/dir/x.vcf" "$A"
t_err_has "cannot create '$TD/no/such/dir/x.vcf'"
for f in vcard geojson jsonld html md; do
	t_run_to 74 /dev/full ess-directory export -f $f "$A"
	t_err_has "write error"
done
t_run 66 ess-directory export -f html "$TD/missing.csv"
t_err_has "cannot open '$TD/missing.csv'"

# --- options -----------------------------------------------------------------
t_run 64 ess-directory export "$A"
t_err_has "no --format given (vcard, geojson, jsonld, html or md)"
t_run 64 ess-directory export -O "$TD/out.csv" "$A"
t_err_has "no --format given"
t_run 64 ess-directory export --format=xml "$A"
t_err_has "--format: 'xml' is not vcard, geojson, jsonld, html or md"
t_run 64 ess-directory export -o csv "$A"
t_err_has "-o csv: export takes --format (vcard, geojson, jsonld, html or md), not -o"
t_run 64 ess-directory export -f html -o html "$A"
t_err_has "-o html: export takes --format"
t_run 64 ess-directory export --output=json -f geojson "$A"
t_err_has "-o json: export takes --format"
t_run 64 ess-directory export -f html --excel "$A"
t_err_has "--excel is for CSV"
t_run 64 ess-directory export -f vcard --title=Annuaire "$A"
t_err_has "--title is for --format=html or md"
t_run 64 ess-directory export -f geojson --group-by=commune "$A"
t_err_has "--group-by is for --format=html or md"
t_run 64 ess-directory export -f html --group-by=postcode "$A"
t_err_has "--group-by: 'postcode' is not commune or family"
t_run 64 ess-directory export -f html --title= "$A"
t_err_has "--title: the title is empty or not UTF-8"
t_run 0 ess-directory export --help
t_out_has "--format=FORMAT"
t_out_has "--group-by=commune|family"
t_out_has "--title=TEXT"

t_py_flush
