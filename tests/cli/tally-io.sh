# ess-tally's input and output contract (DESIGN.md): sniffing, -i, -d,
# encodings, BOM, line ends, spaces; every output format, -O written
# atomically, --excel, --keep-going, --rejects, --verbose.
. "$(dirname "$0")/lib.sh"
D=$DATA/tally

t_out_head() {	# N TEXT: the first N lines of stdout, trailing spaces dropped, are TEXT
	printf '%s\n' "$2" >"$TD/.whead"
	head -n "$1" "$OUT" | sed 's/ *$//' >"$TD/.ghead"
	cmp -s "$TD/.whead" "$TD/.ghead"
	t_report $? "$T_DESC: first $1 lines" "$(diff "$TD/.whead" "$TD/.ghead" | head -n 30)"
}
t_file() {	# FILE TEXT: FILE holds exactly TEXT and a newline
	printf '%s\n' "$2" >"$TD/.wfile"
	cmp -s "$TD/.wfile" "$1"
	t_report $? "$T_DESC: $(basename "$1") holds what is expected" "$(diff "$TD/.wfile" "$1" 2>&1 | head -n 30)"
}
HEAD=rank,item,label,green,red,abstain,total,net,approval

# X: 3 green, 1 red; Y: 1 green.  The same table from every input form.
expect="$HEAD
1,X,Café,3,1,0,4,2,75.0
2,Y,Jardin partagé,1,0,0,1,1,100.0"
rows='X,Café,vert
X,Café,vert
X,Café,vert
X,Café,rouge
Y,Jardin partagé,vert'
I=$TD/in
printf 'item,label,vote\n%s\n' "$rows" >"$I.csv"
printf '%s\n' "$expect" >"$I.want"

# --- input forms ---------------------------------------------------------------
t_run 0 ess-tally "$I.csv"
t_out "$expect"
t_err_empty
T_STDIN=$I.csv t_run 0 ess-tally -
t_out "$expect"
T_STDIN=$I.csv t_run 0 ess-tally
t_out "$expect"
# Line ends: CR LF, CR alone, mixed, no final newline: the same rows.
printf 'item,label,vote\r\nX,Café,vert\r\nX,Café,vert\r\nX,Café,vert\r\nX,Café,rouge\r\nY,Jardin partagé,vert\r\n' >"$I.crlf"
t_run 0 ess-tally "$I.crlf"
t_out "$expect"
printf 'item,label,vote\rX,Café,vert\rX,Café,vert\rX,Café,vert\rX,Café,rouge\rY,Jardin partagé,vert\r' >"$I.cr"
t_run 0 ess-tally "$I.cr"
t_out "$expect"
printf 'item,label,vote\r\nX,Café,vert\nX,Café,vert\rX,Café,vert\r\nX,Café,rouge\nY,Jardin partagé,vert' >"$I.mixed"
t_run 0 ess-tally "$I.mixed"
t_out "$expect"
printf 'item,label,vote\n%s' "$rows" >"$I.nofinal"
t_run 0 ess-tally "$I.nofinal"
t_out "$expect"
printf 'item,label,vote\n"X","Café","vert"\nX,Café,vert\nX,"Café",vert\n"X",Café,"rouge"\nY,"Jardin partagé",vert' >"$I.quoted"
t_run 0 ess-tally "$I.quoted"
t_out "$expect"
# Quoted fields over CR LF lines, last one without a line end.
printf 'item,label,vote\r\n"X","Café","vert"\r\nX,Café,vert\r\nX,Café,vert\r\nX,Café,rouge\r\n"Y","Jardin partagé","vert"' >"$I.qcrlf"
t_run 0 ess-tally "$I.qcrlf"
t_out "$expect"
# Blank lines are skipped.
printf '\nitem,label,vote\n\nX,Café,vert\nX,Café,vert\n\n\nX,Café,vert\nX,Café,rouge\nY,Jardin partagé,vert\n\n' >"$I.blank"
t_run 0 ess-tally "$I.blank"
t_out "$expect"
# A BOM, with ';' and CR LF: what a French spreadsheet saves.
printf '\357\273\277item;label;vote\r\nX;Café;vert\r\nX;Café;vert\r\nX;Café;vert\r\nX;Café;rouge\r\nY;Jardin partagé;vert\r\n' >"$I.bom"
t_run 0 ess-tally "$I.bom"
t_out "$expect"
printf '\357\273\277"item","label","vote"\n%s\n' "$rows" >"$I.bomq"
t_run 0 ess-tally "$I.bomq"
t_out "$expect"

# Delimiters: sniffed among , ; TAB |, or forced.
printf 'item;label;vote\n%s\n' "$(printf '%s' "$rows" | tr , ';')" >"$I.semi"
t_run 0 ess-tally "$I.semi"
t_out "$expect"
printf 'item\tlabel\tvote\n%s\n' "$(printf '%s' "$rows" | tr , '\t')" >"$I.tsv"
t_run 0 ess-tally "$I.tsv"
t_out "$expect"
t_run 0 ess-tally -i tsv "$I.tsv"
t_out "$expect"
t_run 0 ess-tally --input=tsv "$I.tsv"
t_out "$expect"
t_run 0 ess-tally -d tab "$I.tsv"
t_out "$expect"
t_run 0 ess-tally -d '\t' "$I.tsv"
t_out "$expect"
printf 'item|label|vote\n%s\n' "$(printf '%s' "$rows" | tr , '|')" >"$I.pipe"
t_run 0 ess-tally "$I.pipe"
t_out "$expect"
t_run 0 ess-tally -d '|' "$I.pipe"
t_out "$expect"
t_run 0 ess-tally -i csv -d ';' "$I.semi"
t_out "$expect"
# Quoted delimiters in the header do not count; -d overrides the sniffing.
printf 'item,"Libellé;du;besoin",vote\nX,y,vert\n' >"$TD/dq.csv"
t_run 0 ess-tally "$TD/dq.csv"
t_out "$HEAD
1,X,,1,0,0,1,1,100.0"
printf 'item,Libellé;du;besoin;x,vote\nX,y,vert\n' >"$TD/dd.csv"
t_run 65 ess-tally "$TD/dd.csv"
t_run 0 ess-tally -d , "$TD/dd.csv"
t_out "$HEAD
1,X,,1,0,0,1,1,100.0"
t_run 0 ess-tally --delimiter=, "$TD/dd.csv"
t_out "$HEAD
1,X,,1,0,0,1,1,100.0"

# JSON arrays and JSON Lines, sniffed or forced.
printf '[\n{"item":"X","label":"Café","vote":"vert"},\n{"item":"X","label":"Café","vote":"vert"},\n{"item":"X","label":"Café","vote":"vert"},\n{"item":"X","label":"Café","vote":"rouge"},\n{"item":"Y","label":"Jardin partagé","vote":"vert"}\n]\n' >"$I.json"
t_run 0 ess-tally "$I.json"
t_out "$expect"
t_run 0 ess-tally -i json "$I.json"
t_out "$expect"
T_STDIN=$I.json t_run 0 ess-tally
t_out "$expect"
sed -n 's/,$//; /^{/p' "$I.json" >"$I.jsonl"
t_run 0 ess-tally "$I.jsonl"
t_out "$expect"
t_run 0 ess-tally -i jsonl "$I.jsonl"
t_out "$expect"
t_run 0 ess-tally --input=ndjson "$I.jsonl"
t_out "$expect"
# Keys in any order; numbers are counts; the label may be missing.
printf '[{"vote":"vert","item":"X","count":3,"label":"Café"},{"item":"X","vote":"rouge","count":1,"label":"Café"},{"item":"Y","vote":"vert","count":1,"label":"Jardin partagé"}]' >"$TD/k.json"
t_run 0 ess-tally "$TD/k.json"
t_out "$expect"
printf '[{"N°":"X","Couleur":"Vert","Libellé":"Café","Nombre":4}]' >"$TD/fr.json"
t_run 0 ess-tally "$TD/fr.json"
t_out "$HEAD
1,X,Café,4,0,0,4,4,100.0"
# A JSON wide form with numbers.
printf '{"item":"X","label":"Café","green":3,"red":1}\n{"item":"Y","label":"Jardin partagé","green":1,"red":0}\n' >"$TD/wide.jsonl"
t_run 0 ess-tally "$TD/wide.jsonl"
t_out "$expect"

# --- encodings -------------------------------------------------------------------
cp_want="$HEAD
1,2,€ prix libre,1,0,0,1,1,100.0
2,1,Café associatif,1,1,0,2,0,50.0"
t_run 0 ess-tally --encoding=windows-1252 "$D/cp1252.csv"
t_out "$cp_want"
t_err_empty
t_run 0 ess-tally --encoding=cp1252 "$D/cp1252.csv"
t_out "$cp_want"
T_STDIN=$D/cp1252.csv t_run 0 ess-tally --encoding=windows-1252
t_out "$cp_want"
# Without it: the first bad byte, and the hint.
t_run 65 ess-tally "$D/cp1252.csv"
t_err "ess-tally: $D/cp1252.csv:1:2: invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)"
t_out_empty
# The digest is that of the bytes as read, before conversion.
t_run 0 ess-tally --encoding=windows-1252 -o json "$D/cp1252.csv"
t_json 'd["sha256"]' "\"$(sha256sum <"$D/cp1252.csv" | cut -d' ' -f1)\""
printf 'item,label,vote\nA,\340 la ferme,vert\n' >"$TD/latin1.csv"
t_run 0 ess-tally --encoding=latin1 "$TD/latin1.csv"
t_out "$HEAD
1,A,à la ferme,1,0,0,1,1,100.0"
t_run 0 ess-tally --encoding=ISO-8859-1 "$TD/latin1.csv"
t_out "$HEAD
1,A,à la ferme,1,0,0,1,1,100.0"
t_run 0 ess-tally --encoding=utf-8 "$I.csv"
t_out "$expect"
# A byte windows-1252 does not have.
printf 'item,vote\nA\201,vert\n' >"$TD/undef.csv"
t_run 65 ess-tally --encoding=windows-1252 "$TD/undef.csv"
t_err_has "$TD/undef.csv"
t_err_has "windows-1252"
# A big converted file (several reads), ';' and CR LF.
{
	printf 'item;label;vote\r\n'
	seq 1 30000 | awk '{ printf "%d;Caf\351 n\260%d;vert\r\n", $1 % 3, $1 }'
} >"$TD/bigcp.csv"
t_run 65 ess-tally "$TD/bigcp.csv"
t_run 0 ess-tally --encoding=windows-1252 "$TD/bigcp.csv"
t_out_has "1,0,Café n°3,10000,0,0,10000,10000,100.0"

# --- spaces ----------------------------------------------------------------------
# Values are trimmed at both ends (' vert ' is green, ' A ' is item A),
# inner spaces are kept.
printf 'item,label,vote\n A , Café  associatif ,  vert \nA,Café  associatif,rouge\n" A ","  Café  associatif  "," rouge "\n' >"$TD/sp.csv"
t_run 0 ess-tally "$TD/sp.csv"
t_out "$HEAD
1,A,Café  associatif,1,2,0,3,-1,33.3"
printf 'item\tvote\n A \t vert \n' >"$TD/sp.tsv"
t_run 0 ess-tally "$TD/sp.tsv"
t_out "$HEAD
1,A,,1,0,0,1,1,100.0"

# --- output formats ----------------------------------------------------------------
t_run 0 ess-tally -o csv "$I.csv"
t_out "$expect"
t_run 0 ess-tally --output=csv "$I.csv"
t_out "$expect"
t_run 0 ess-tally -o tsv "$I.csv"
t_out "$(printf '%s\n' "$expect" | tr , '\t')"
# Labels that need quoting or escaping.
printf 'item,label,vote\n1,"Café, bar",vert\n2,"dit ""oui""",vert\n3,"deux\nlignes",vert\n4,a|b,vert\n5,"tab\there",vert\n' >"$TD/q.csv"
t_run 0 ess-tally --sort=input "$TD/q.csv"
t_out "$HEAD
1,1,\"Café, bar\",1,0,0,1,1,100.0
1,2,\"dit \"\"oui\"\"\",1,0,0,1,1,100.0
1,3,\"deux
lignes\",1,0,0,1,1,100.0
1,4,a|b,1,0,0,1,1,100.0
1,5,tab	here,1,0,0,1,1,100.0"
t_run 0 ess-tally --sort=input -o tsv "$TD/q.csv"
t_out "$(printf '%s\n' "$HEAD" | tr , '\t')
1	1	Café, bar	1	0	0	1	1	100.0
1	2	dit \"oui\"	1	0	0	1	1	100.0
1	3	deux\\nlignes	1	0	0	1	1	100.0
1	4	a|b	1	0	0	1	1	100.0
1	5	tab\\there	1	0	0	1	1	100.0"
t_run 0 ess-tally --sort=input -o md "$TD/q.csv"
t_out_has '| 1 | 4 | a\|b | 1 | 0 | 0 | 1 | 1 | 100.0 |'
t_out_has '| 1 | 3 | deux<br>lignes |'
t_run 0 ess-tally --sort=input -o json "$TD/q.csv"
t_json '[r["label"] for r in d["rows"]]' '["Café, bar", "dit \"oui\"", "deux\nlignes", "a|b", "tab\there"]'
t_run 0 ess-tally --sort=input -o jsonl "$TD/q.csv"
t_py "every line one object" 'import json,sys
ls=open(sys.argv[1]).read().split("\n")
assert ls[-1]=="" and len(ls)==6, ls
assert [json.loads(l)["label"] for l in ls[:-1]]==["Café, bar","dit \"oui\"","deux\nlignes","a|b","tab\there"]' "$OUT"

# json: one document, rows in the columns' order, numbers as numbers,
# UTF-8 as it is.
t_run 0 ess-tally -o json "$I.csv"
t_json 'd["rows"]' '[{"rank": 1, "item": "X", "label": "Café", "green": 3, "red": 1, "abstain": 0, "total": 4, "net": 2, "approval": 75.0}, {"rank": 2, "item": "Y", "label": "Jardin partagé", "green": 1, "red": 0, "abstain": 0, "total": 1, "net": 1, "approval": 100.0}]'
t_out_has '"Café"'
t_out_lacks '\u00e9'
t_json 'd["inputs"]' "[\"$I.csv\"]"
t_json 'd["ballots"]' '5'
t_json 'd["sha256"]' "\"$(sha256sum <"$I.csv" | cut -d' ' -f1)\""
T_STDIN=$I.csv t_run 0 ess-tally -o json
t_json 'd["sha256"]' "\"$(sha256sum <"$I.csv" | cut -d' ' -f1)\""
t_json 'd["inputs"]' '["-"]'
# jsonl: one object a line, nothing else.
t_run 0 ess-tally -o jsonl "$I.csv"
t_py "two objects" 'import json,sys
ls=open(sys.argv[1]).read().split("\n")
assert ls[-1]=="" and len(ls)==3, ls
assert json.loads(ls[0])=={"rank":1,"item":"X","label":"Café","green":3,"red":1,"abstain":0,"total":4,"net":2,"approval":75.0}, ls[0]
assert json.loads(ls[1])=={"rank":2,"item":"Y","label":"Jardin partagé","green":1,"red":0,"abstain":0,"total":1,"net":1,"approval":100.0}, ls[1]
assert list(json.loads(ls[0]).keys())==["rank","item","label","green","red","abstain","total","net","approval"]' "$OUT"
t_run 0 ess-tally --output=ndjson "$I.csv"
t_out_has '"item":"Y"'
# table: aligned by display width, numbers to the right, a bar of 20 for
# the most stickers (X: 3 green = 15 full blocks, 1 red = 5 light ones).
t_run 0 ess-tally -o table "$I.csv"
t_out_head 4 "rank  item  label           green  red  abstain  total  net  approval
────  ────  ──────────────  ─────  ───  ───────  ─────  ───  ────────  ────────────────────
   1  X     Café                3    1        0      4    2      75.0  ███████████████░░░░░
   2  Y     Jardin partagé      1    0        0      1    1     100.0  █████"
t_out_has 'ballots: 5 stickers in 5 rows; 0 rows rejected'
t_out_has 'sorted by net'
t_run 0 ess-tally --output=table --sort=input "$TD/q.csv"
t_out_has 'deux lignes'
# md: a table with the notes under it.
t_run 0 ess-tally -o md "$I.csv"
t_out_head 4 "| rank | item | label | green | red | abstain | total | net | approval |
| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| 1 | X | Café | 3 | 1 | 0 | 4 | 2 | 75.0 |
| 2 | Y | Jardin partagé | 1 | 0 | 0 | 1 | 1 | 100.0 |"
t_out_has 'sorted by net'
t_run 0 ess-tally --output=markdown "$I.csv"
t_out_has '| 2 | Y | Jardin partagé |'
# svg: well formed, one bar per colour with its count, labels escaped.
t_run 0 ess-tally -o svg "$I.csv"
t_py "svg is well formed" 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$OUT"
t_py "svg has the items and their bars" 'import xml.dom.minidom,sys
d=xml.dom.minidom.parse(sys.argv[1])
assert d.documentElement.tagName=="svg"
texts=[t.firstChild.data for t in d.getElementsByTagName("text") if t.firstChild]
assert "X. Café" in texts and "Y. Jardin partagé" in texts, texts
titles=sorted(t.firstChild.data for t in d.getElementsByTagName("title"))
assert titles==["green: 1","green: 3","red: 1"], titles' "$OUT"
printf 'item,label,vote\n1,"A & B <c> ""q"" ’",vert\n' >"$TD/esc.csv"
t_run 0 ess-tally -o svg "$TD/esc.csv"
t_py "svg escapes labels" 'import xml.dom.minidom,sys
d=xml.dom.minidom.parse(sys.argv[1])
texts=[t.firstChild.data for t in d.getElementsByTagName("text") if t.firstChild]
assert "1. A & B <c> \"q\" ’" in texts, texts' "$OUT"
t_run 0 ess-tally -o svg --top=1 "$D/ties.csv"
t_py "svg keeps the top rows" 'import xml.dom.minidom,sys
d=xml.dom.minidom.parse(sys.argv[1])
texts=[t.firstChild.data for t in d.getElementsByTagName("text") if t.firstChild]
assert "A. A" in texts and "B. B" in texts and "C. C" not in texts, texts' "$OUT"
t_run 0 ess-tally -o svg -O "$TD/chart.svg" "$I.csv"
t_out_empty
t_py "svg file well formed" 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$TD/chart.svg"

# Without -o: table on a terminal, csv otherwise (and always csv into -O).
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
	script -qec "'$BIN/ess-tally' '$I.csv'" /dev/null >"$TD/tty.out" 2>&1
	t_check "on a terminal: a table" grep -q '────' "$TD/tty.out"
	t_check "on a terminal: the bar" grep -q '███████████████░░░░░' "$TD/tty.out"
	script -qec "'$BIN/ess-tally' -O '$TD/tty.csv' '$I.csv'" /dev/null >"$TD/tty.out" 2>&1
	t_check "on a terminal, -O FILE: csv in the file" cmp -s "$TD/tty.csv" "$I.want"
else
	t_report 0 "output on a terminal: skipped (no script(1))"
fi
t_run 0 ess-tally "$I.csv"
t_out "$expect"

# --- -O: atomic output ------------------------------------------------------------
mkdir "$TD/o"
O=$TD/o/result.csv
t_run 0 ess-tally -O "$O" "$I.csv"
t_out_empty
t_file "$O" "$expect"
t_run 0 ess-tally --output-file="$O" -o json "$I.csv"
t_py "-O json file" 'import json,sys; assert json.load(open(sys.argv[1]))["rows"][0]["item"]=="X"' "$O"
# A failed run leaves last week's file as it was, and no temporary file.
printf 'old\n' >"$O"
printf 'item,vote\nA,vert\nB,bleu\n' >"$TD/bad.csv"
t_run 65 ess-tally -O "$O" "$TD/bad.csv"
t_file "$O" "old"
t_check "-O: no temporary file left" test "$(ls -A "$TD/o")" = result.csv
t_run 66 ess-tally -O "$O" "$I.csv" "$TD/missing.csv"
t_file "$O" "old"
t_check "-O: no temporary file left after 66" test "$(ls -A "$TD/o")" = result.csv
t_run 65 ess-tally -O "$TD/o/new.csv" "$TD/bad.csv"
t_check "-O: a failed run creates nothing" test "$(ls -A "$TD/o")" = result.csv
# A good run replaces it, with the mode a new file gets.
t_run 0 ess-tally -O "$O" "$I.csv"
t_file "$O" "$expect"
t_check "-O: nothing beside it" test "$(ls -A "$TD/o")" = result.csv
(umask 022 && "$BIN/ess-tally" -O "$TD/o/mode.csv" "$I.csv")
t_check "-O: mode 644 under umask 022" test "$(stat -c %a "$TD/o/mode.csv")" = 644
# -O - is stdout.
t_run 0 ess-tally -O - "$I.csv"
t_out "$expect"

# --- --excel --------------------------------------------------------------------------
printf 'item,label,vote\nX,"Café; bio",vert\nX,"Café; bio",vert\nX,"Café; bio",vert\nX,"Café; bio",rouge\nY,v1.5,vert\n' >"$TD/xl.csv"
printf '\357\273\277rank;item;label;green;red;abstain;total;net;approval\r\n1;X;"Café; bio";3;1;0;4;2;75,0\r\n2;Y;v1.5;1;0;0;1;1;100,0\r\n' >"$TD/xl.want"
t_run 0 ess-tally --excel "$TD/xl.csv"
t_out_file "$TD/xl.want"
t_run 0 ess-tally --excel -o csv "$TD/xl.csv"
t_out_file "$TD/xl.want"
t_run 0 ess-tally --excel -O "$TD/o/xl.csv" "$TD/xl.csv"
t_check "--excel -O: the file is the same" cmp -s "$TD/xl.want" "$TD/o/xl.csv"
# What --excel writes, ess-tally reads back (BOM, ';', CR LF).
printf '\357\273\277item;green;red\r\nX;3;1\r\nY;1;0\r\n' >"$TD/xl2.csv"
t_run 0 ess-tally "$TD/xl2.csv"
t_out "$HEAD
1,X,,3,1,0,4,2,75.0
2,Y,,1,0,0,1,1,100.0"

# --- --keep-going -----------------------------------------------------------------
printf 'item,vote\nA,vert\nB,bleu\nC,vert,x\nD,"ro"uge\nE,rouge\nF,vi\351let\nG,vert\n' >"$TD/kg.csv"
kg_want="$HEAD
1,A,,1,0,0,1,1,100.0
1,G,,1,0,0,1,1,100.0
3,E,,0,1,0,1,-1,0.0"
t_run 65 ess-tally -k "$TD/kg.csv"
t_out "$kg_want"
t_err_has "ess-tally: $TD/kg.csv:3:3: vote 'bleu' is neither green, red nor abstain"
t_err_has "ess-tally: $TD/kg.csv:4: 3 fields, the header has 2"
t_err_has "ess-tally: $TD/kg.csv:5:"
t_err_has "ess-tally: $TD/kg.csv:7:5: invalid UTF-8"
t_check "-k: one line per bad row" test "$(wc -l <"$ERR")" -eq 4
t_run 65 ess-tally --keep-going "$TD/kg.csv"
t_out "$kg_want"
t_run 65 ess-tally -k -o json "$TD/kg.csv"
t_json '[d["rows_read"], d["rows_rejected"], d["ballots"]]' '[3, 4, 3]'
t_run 65 ess-tally -k -O "$TD/o/kg.csv" "$TD/kg.csv"
t_file "$TD/o/kg.csv" "$kg_want"
t_run 65 ess-tally -k -o table "$TD/kg.csv"
t_out_has '4 rows rejected'
# Without -k the first bad row stops the run.
t_run 65 ess-tally "$TD/kg.csv"
t_out_empty
t_err "ess-tally: $TD/kg.csv:3:3: vote 'bleu' is neither green, red nor abstain"

# --- --rejects ------------------------------------------------------------------------
printf 'item,label,vote\nA,Un,vert\nB,"Deux, trois",bleu\nC,x\nD,Quatre,jaune\n' >"$TD/rj.csv"
t_run 65 ess-tally --rejects="$TD/o/rejects.csv" "$TD/rj.csv"
t_out "$HEAD
1,A,Un,1,0,0,1,1,100.0"
t_check "--rejects: three lines on stderr" test "$(wc -l <"$ERR")" -eq 3
t_file "$TD/o/rejects.csv" "item,label,vote,reject_reason
B,\"Deux, trois\",bleu,\"vote 'bleu' is neither green, red nor abstain\"
C,x,,\"2 fields, the header has 3\"
D,Quatre,jaune,\"vote 'jaune' is neither green, red nor abstain\""
t_check "--rejects: no temporary file left" test "$(ls -A "$TD/o" | grep -c tmp)" = 0
# The rejects file reads back as CSV with the same columns.
t_py "rejects file is CSV" 'import csv,sys
r=list(csv.reader(open(sys.argv[1], newline="")))
assert r[0]==["item","label","vote","reject_reason"], r[0]
assert [x[:3] for x in r[1:]]==[["B","Deux, trois","bleu"],["C","x",""],["D","Quatre","jaune"]], r' "$TD/o/rejects.csv"
t_run 65 ess-tally --rejects="$TD/o/rj2.csv" -O "$TD/o/out2.csv" "$TD/rj.csv"
t_out_empty
t_file "$TD/o/out2.csv" "$HEAD
1,A,Un,1,0,0,1,1,100.0"
# Motions too.
printf 'motion,vote,voter\nM1,pour,Ana\nM1,bof,Bo\nM1,contre,Ana\n' >"$TD/mrj.csv"
t_run 65 ess-tally -m motion --rejects="$TD/o/mrj.csv" "$TD/mrj.csv"
t_file "$TD/o/mrj.csv" "motion,vote,voter,reject_reason
M1,bof,Bo,\"vote 'bof' is neither for, against, abstain, blank nor spoiled\"
M1,contre,Ana,'Ana' votes twice on motion 'M1'"

# --- --verbose ------------------------------------------------------------------------
printf 'item,vote,commentaire,autre\n\nA,vert,x,y\n\n' >"$TD/vb.csv"
t_run 0 ess-tally "$TD/vb.csv"
t_err_empty
t_run 0 ess-tally -v "$TD/vb.csv"
t_err_has "column 'commentaire' is not used"
t_err_has "column 'autre' is not used"
t_err_has "2 blank lines skipped"
t_out "$HEAD
1,A,,1,0,0,1,1,100.0"
t_run 0 ess-tally --verbose "$TD/vb.csv"
t_err_has "$TD/vb.csv:1: column 'commentaire' is not used"

# -O onto what is not a regular file writes in place: renaming a temporary
# file over /dev/full (as root) would replace the device with a file.
G=$EX/bouillon-2016/gommettes.csv
t_run 74 ess-tally -O /dev/full "$G"
t_err_has "/dev/full: write error"
t_check "-O /dev/full leaves /dev/full a character device" test -c /dev/full
t_run 0 ess-tally -O /dev/null "$G"
t_check "-O /dev/null leaves /dev/null a character device" test -c /dev/null
mkfifo "$TD/fifo" 2>/dev/null && {
	cat "$TD/fifo" >"$TD/fifo.out" &
	t_run 0 ess-tally -O "$TD/fifo" "$G"
	wait
	t_check "-O FIFO: the result goes through the pipe" grep -q '^rank,item' "$TD/fifo.out"
	t_check "-O FIFO: still a FIFO" test -p "$TD/fifo"
}
mkdir "$TD/adir"
t_run 73 ess-tally -O "$TD/adir" "$G"
t_err "ess-tally: cannot create '$TD/adir': Is a directory"

t_py_flush
