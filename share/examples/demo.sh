#!/bin/sh
# make demo: the seed's meeting counted again from share/examples, then a
# general assembly of the café.  Run from the top of the source tree.
set -e
cd "$(dirname "$0")/../.."
PATH=$PWD/bin:$PATH
B=share/examples/bouillon-2016
A=share/examples/ag-cafe-pluche
out=build/demo
mkdir -p "$out"

if [ -t 1 ]; then
	say() { printf '\n\033[1m%s\033[0m\n' "$*"; }
else
	say() { printf '\n== %s\n' "$*"; }
fi
run() { printf '$ %s\n' "$*"; "$@"; }

say "Bouillon de territoire, 28 novembre 2016: the sticker votes (one sticker a row, French headers, ';', BOM, CRLF)"
run ess-tally -o table --items=$B/besoins.csv $B/gommettes.csv

say "The same table as the minutes published it, typed into a spreadsheet"
run ess-tally -o table --sort=input $B/tableau.csv

say "For the secretary: a picture and a spreadsheet file"
run ess-tally -o svg -O $out/besoins.svg --items=$B/besoins.csv $B/gommettes.csv
run ess-tally --excel -O $out/besoins.csv --items=$B/besoins.csv $B/gommettes.csv
echo "wrote $out/besoins.svg and $out/besoins.csv (opens cleanly in LibreOffice or Excel)"

say "General assembly of the café: three motions, 40 present, 8 by proxy, two-thirds majority"
run ess-tally -m motion --eligible=60 --quorum=50% --majority=two-thirds -o table $A/votes.csv

D=share/examples/annuaire
say "The directory of the Périgord Vert's actors: 40 records, by family (the meeting's 'associations 70 %, coopératives 26 %')"
run ess-directory stats -o table $D/annuaire.csv

say "Another network's list (French headers, ';', BOM, CRLF) mapped onto the record"
run ess-directory import --from=csv -O $out/tiers-lieux.csv $D/tiers-lieux.csv
echo "wrote $out/tiers-lieux.csv"

say "Both lists as one directory, each actor once: what was merged, and why"
run ess-directory dedupe --report=$out/fusions.csv -O $out/annuaire.csv $D/annuaire.csv $out/tiers-lieux.csv
run ess-directory stats -o table --by=commune $out/annuaire.csv
cut -d, -f1,3,5 $out/fusions.csv

say "Who offers a meeting room within 15 km of Nontron?"
echo "\$ ess-directory query --offers=salle --near=45.529,0.662 --radius=15 -o tsv $out/annuaire.csv | cut -f1,2,13,20"
ess-directory query --offers=salle --near=45.529,0.662 --radius=15 -o tsv $out/annuaire.csv | cut -f1,2,13,20

say "Mise en lien: each need with the closest offer that meets it"
run ess-directory match --top=1 --max-km=8 -o table $out/annuaire.csv

say "Published: a printable page, a map layer and an address book"
run ess-directory export --format=html --title="Annuaire de l'ESS du Périgord Vert" -O $out/annuaire.html $out/annuaire.csv
run ess-directory export --format=geojson -O $out/annuaire.geojson $out/annuaire.csv
run ess-directory export --format=vcard -O $out/annuaire.vcf $out/annuaire.csv
echo "wrote $out/annuaire.html, $out/annuaire.geojson and $out/annuaire.vcf"

say "The minutes of the bouillon de territoire: the secretary's Markdown, the sticker votes counted afresh, the sign-in sheet"
rm -rf "$out/bouillon-2016"
cp -R $B "$out/bouillon-2016"
run ess-tally -o json --sort=input --items=$B/besoins.csv -O "$out/bouillon-2016/gommettes.json" $B/gommettes.csv
run ess-minutes attendance -o table $B/emargement.csv
run ess-minutes render -o html -O "$out/compte-rendu.html" "$out/bouillon-2016/compte-rendu.md"
echo "wrote $out/compte-rendu.html (one page, print it on A4)"

say "A year later: what was decided, who was to do what by when"
echo "\$ ess-minutes extract --what=actions -o tsv $B/compte-rendu.md $A/pv-ag.md | cut -f1,5-7"
ess-minutes extract --what=actions -o tsv $B/compte-rendu.md $A/pv-ag.md | cut -f1,5-7
echo "\$ ess-minutes extract --what=votes -o tsv $A/pv-ag.md | cut -f2,4,5,8-10"
ess-minutes extract --what=votes -o tsv $A/pv-ag.md | cut -f2,4,5,8-10

say "The general assembly's procès-verbal: its motions counted afresh by ess-tally, then checked"
rm -rf "$out/ag-cafe-pluche"
cp -R $A "$out/ag-cafe-pluche"
run ess-tally -m motion --eligible=60 --quorum=50% --majority=two-thirds -o json -O "$out/ag-cafe-pluche/votes.json" $A/votes.csv
run ess-minutes render -o html -O "$out/pv-ag.html" "$out/ag-cafe-pluche/pv-ag.md"
echo "wrote $out/pv-ag.html"
run ess-minutes check $A/pv-ag.md
echo "\$ ess-minutes check $A/pv-ag-incomplet.md"
ess-minutes check $A/pv-ag-incomplet.md || echo "(exit $?: each missing item named with its line)"

C=share/examples/cafe-pluche
say "Café Pluche, Monday baskets: the next pick-up list, as the cron line prints it"
# The example season ran from September 2025 to June 2026: --today puts
# us on Wednesday 1 April 2026, so the next distribution is Easter's,
# moved from the Monday to the Tuesday.
run basket-orders -C $C --today=2026-04-01 pickup --next -o table
run basket-orders -C $C --today=2026-04-01 pickup --next -o html -O $out/paniers.html
echo "wrote $out/paniers.html (print it: one A4 sheet to sign)"
echo "\$ basket-orders -C $C pickup --next    # today, after the season"
basket-orders -C $C pickup --next 2>&1 || echo "(exit $?: nothing to print until the next season is set up)"

say "What to order from each producer that week, and who owes what at the end of January"
run basket-orders -C $C totals --date=2026-04-07 -o table
run basket-orders -C $C balance --on=2026-01-31 -o table

say "Members entitled to vote at the general assembly, for ess-tally --eligible"
run basket-orders -C $C members --on=2026-01-05 -o table
