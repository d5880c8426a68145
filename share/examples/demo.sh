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
