# ess-tally --method=dots: sorting, ties, --top, --group-by, --items,
# voters, long and wide forms, several inputs.  Expected tables are worked
# out by hand from the fixtures in tests/data/tally (net = green - red,
# approval = green / (green + red) to one decimal, ties share a rank).
. "$(dirname "$0")/lib.sh"
D=$DATA/tally

HEAD=rank,item,label,green,red,abstain,total,net,approval

# --- sorting and ties (ties.csv: A 3/1, B 2/0, C 3/3, D 1/3, E one abstain)

by_net="$HEAD
1,A,,3,1,0,4,2,75.0
1,B,,2,0,0,2,2,100.0
3,C,,3,3,0,6,0,50.0
3,E,,0,0,1,1,0,
5,D,,1,3,0,4,-2,25.0"
t_run 0 ess-tally "$D/ties.csv"
t_out "$by_net"
t_err_empty
t_run 0 ess-tally --sort=net "$D/ties.csv"
t_out "$by_net"

t_run 0 ess-tally --sort=green "$D/ties.csv"
t_out "$HEAD
1,A,,3,1,0,4,2,75.0
1,C,,3,3,0,6,0,50.0
3,B,,2,0,0,2,2,100.0
4,D,,1,3,0,4,-2,25.0
5,E,,0,0,1,1,0,"

# Approval: an item without green or red stickers comes last.
t_run 0 ess-tally --sort=approval "$D/ties.csv"
t_out "$HEAD
1,B,,2,0,0,2,2,100.0
2,A,,3,1,0,4,2,75.0
3,C,,3,3,0,6,0,50.0
4,D,,1,3,0,4,-2,25.0
5,E,,0,0,1,1,0,"

# Input order, each row keeping its rank by net.
t_run 0 ess-tally --sort=input "$D/ties.csv"
t_out "$HEAD
1,A,,3,1,0,4,2,75.0
1,B,,2,0,0,2,2,100.0
3,C,,3,3,0,6,0,50.0
5,D,,1,3,0,4,-2,25.0
3,E,,0,0,1,1,0,"

# Ties are listed in JSON, in rank order, items in input order.
t_run 0 ess-tally -o json "$D/ties.csv"
t_json 'd["ties"]' '[{"rank": 1, "items": ["A", "B"]}, {"rank": 3, "items": ["C", "E"]}]'
t_json 'd["sort"]' '"net"'
t_json '"net" in d["rule"]' 'true'
t_json '[r["rank"] for r in d["rows"]]' '[1, 1, 3, 3, 5]'
t_run 0 ess-tally -o json --sort=green "$D/ties.csv"
t_json 'd["ties"]' '[{"rank": 1, "items": ["A", "C"]}]'
t_json 'd["sort"]' '"green"'
t_run 0 ess-tally -o json --sort=approval "$D/ties.csv"
t_json 'd["ties"]' '[]'
t_json 'd["sort"]' '"approval"'
t_run 0 ess-tally -o json --sort=input "$D/ties.csv"
t_json 'd["sort"]' '"input"'
t_json 'd["ties"]' '[{"rank": 1, "items": ["A", "B"]}, {"rank": 3, "items": ["C", "E"]}]'

# Equal approvals are ties whatever the counts (1/2 = 2/4).
t_run 0 ess-tally --sort=approval "$D/approval-ties.csv"
t_out "$HEAD
1,R,,3,0,0,3,3,100.0
2,P,,1,1,0,2,0,50.0
2,Q,,2,2,0,4,0,50.0
4,S,,0,0,1,1,0,"
t_run 0 ess-tally --sort=approval -o json "$D/approval-ties.csv"
t_json 'd["ties"]' '[{"rank": 2, "items": ["P", "Q"]}]'
t_run 0 ess-tally -o json "$D/approval-ties.csv"
t_json 'd["ties"]' '[{"rank": 2, "items": ["P", "Q", "S"]}]'

# The sort key and the tie rule are said under the table.
t_run 0 ess-tally -o table "$D/ties.csv"
t_out_has 'sorted by net'
t_out_has 'share a rank'
t_run 0 ess-tally -o table --sort=green "$D/ties.csv"
t_out_has 'sorted by green'
t_run 0 ess-tally -o table --sort=approval "$D/ties.csv"
t_out_has 'sorted by approval'

# --- --top keeps the rows ranked N or better: ties at the boundary stay.
t_run 0 ess-tally --top=1 "$D/ties.csv"
t_out "$HEAD
1,A,,3,1,0,4,2,75.0
1,B,,2,0,0,2,2,100.0"
t_run 0 ess-tally --top=2 "$D/ties.csv"
t_out "$HEAD
1,A,,3,1,0,4,2,75.0
1,B,,2,0,0,2,2,100.0"
t_run 0 ess-tally --top=3 "$D/ties.csv"
t_out "$HEAD
1,A,,3,1,0,4,2,75.0
1,B,,2,0,0,2,2,100.0
3,C,,3,3,0,6,0,50.0
3,E,,0,0,1,1,0,"
t_run 0 ess-tally --top=5 "$D/ties.csv"
t_out "$by_net"
t_run 0 ess-tally --top=99 "$D/ties.csv"
t_out "$by_net"
t_run 0 ess-tally --top=1 -o json "$D/ties.csv"
t_json 'd["ties"]' '[{"rank": 1, "items": ["A", "B"]}]'
t_json '[r["item"] for r in d["rows"]]' '["A", "B"]'
t_run 0 ess-tally --top=1 --sort=green "$D/ties.csv"
t_out "$HEAD
1,A,,3,1,0,4,2,75.0
1,C,,3,3,0,6,0,50.0"

# --- --group-by: each group ranked on its own, groups in order of appearance.
by_group="group,$HEAD
Nord,1,A,,2,0,0,2,2,100.0
Nord,2,B,,0,1,0,1,-1,0.0
Sud,1,B,,2,0,0,2,2,100.0
Sud,2,A,,0,1,0,1,-1,0.0"
t_run 0 ess-tally --group-by=atelier "$D/groups.csv"
t_out "$by_group"
t_run 0 ess-tally --group-by=Atelier "$D/groups.csv"
t_out "$by_group"
# "group" finds the column by its aliases (atelier).
t_run 0 ess-tally --group-by=group "$D/groups.csv"
t_out "$by_group"
t_run 0 ess-tally --group-by=atelier --top=1 "$D/groups.csv"
t_out "group,$HEAD
Nord,1,A,,2,0,0,2,2,100.0
Sud,1,B,,2,0,0,2,2,100.0"
t_run 0 ess-tally --group-by=atelier -o json "$D/groups.csv"
t_json 'list(d["rows"][0].keys())' '["group", "rank", "item", "label", "green", "red", "abstain", "total", "net", "approval"]'
t_json '[(r["group"], r["item"], r["rank"]) for r in d["rows"]]' '[["Nord", "A", 1], ["Nord", "B", 2], ["Sud", "B", 1], ["Sud", "A", 2]]'
# Ties name their group.
printf 'atelier,item,vote\nNord,A,vert\nNord,B,vert\nSud,A,rouge\n' >"$TD/gties.csv"
t_run 0 ess-tally --group-by=atelier -o json "$TD/gties.csv"
t_json 'd["ties"]' '[{"group": "Nord", "rank": 1, "items": ["A", "B"]}]'
# Any column can group, found without regard to case or accents.
printf 'Séance,item,vote\nmatin,A,vert\napres-midi,A,rouge\n' >"$TD/seance.csv"
t_run 0 ess-tally --group-by=seance "$TD/seance.csv"
t_out "group,$HEAD
matin,1,A,,1,0,0,1,1,100.0
apres-midi,1,A,,0,1,0,1,-1,0.0"
t_run 65 ess-tally --group-by=salle "$D/groups.csv"
t_err "ess-tally: $D/groups.csv:1: --group-by: no column 'salle' in the header; columns found: 'atelier', 'item', 'vote'"
t_out_empty

# --- --items: order, labels, items without stickers, parents.
printf 'item,vote\nB,vert\nA,rouge\n' >"$TD/iv.csv"
t_run 0 ess-tally --items="$D/items.csv" "$TD/iv.csv"
t_out "$HEAD,parent
1,B,Beta,1,0,0,1,1,100.0,A
2,C,Gamma,0,0,0,0,0,,
3,A,Alpha,0,1,0,1,-1,0.0,"
t_run 0 ess-tally --items="$D/items.csv" --sort=input "$TD/iv.csv"
t_out "$HEAD,parent
3,A,Alpha,0,1,0,1,-1,0.0,
1,B,Beta,1,0,0,1,1,100.0,A
2,C,Gamma,0,0,0,0,0,,"
# Votes may name an item by its label.
printf 'label,vote\nBeta,vert\n' >"$TD/il.csv"
t_run 0 ess-tally --items="$D/items.csv" "$TD/il.csv"
t_out "$HEAD,parent
1,B,Beta,1,0,0,1,1,100.0,A
2,A,Alpha,0,0,0,0,0,,
2,C,Gamma,0,0,0,0,0,,"
# Without a parent column, no parent column.
printf 'item,label\nA,Alpha\nB,Beta\n' >"$TD/items2.csv"
t_run 0 ess-tally --items="$TD/items2.csv" "$TD/iv.csv"
t_out "$HEAD
1,B,Beta,1,0,0,1,1,100.0
2,A,Alpha,0,1,0,1,-1,0.0"
# Each group gets every item.
printf 'atelier,item,vote\nNord,A,vert\nSud,B,rouge\n' >"$TD/ig.csv"
t_run 0 ess-tally --items="$TD/items2.csv" --group-by=atelier "$TD/ig.csv"
t_out "group,$HEAD
Nord,1,A,Alpha,1,0,0,1,1,100.0
Nord,2,B,Beta,0,0,0,0,0,
Sud,1,A,Alpha,0,0,0,0,0,
Sud,2,B,Beta,0,1,0,1,-1,0.0"
# An item the list does not have.
printf 'item,vote\nZ,vert\n' >"$TD/iz.csv"
t_run 65 ess-tally --items="$D/items.csv" "$TD/iz.csv"
t_err "ess-tally: $TD/iz.csv:2:1: item 'Z' is not in $D/items.csv"
printf 'item,label\nA,x\nA,y\n' >"$TD/twice.csv"
t_run 65 ess-tally --items="$TD/twice.csv" "$TD/iv.csv"
t_err "ess-tally: $TD/twice.csv:3:1: item 'A' is listed twice"
printf 'item,label,parent\nA,x,Q\n' >"$TD/orphan.csv"
t_run 65 ess-tally --items="$TD/orphan.csv" "$TD/iv.csv"
t_err_has "item 'A' is attached to 'Q', which is not in the list"
t_run 66 ess-tally --items="$TD/nope.csv" "$TD/iv.csv"
t_err "ess-tally: cannot open '$TD/nope.csv': No such file or directory"

# --- voters: --max-per-voter, both colours on one item, --strict-voters.
# voters.csv: P1 sticks 2 (A, B green); P2 sticks 3 (A green, B red, C green).
by_voters="$HEAD
1,A,,2,0,0,2,2,100.0
2,C,,1,0,0,1,1,100.0
3,B,,1,1,0,2,0,50.0"
t_run 0 ess-tally "$D/voters.csv"
t_out "$by_voters"
t_err_empty
t_run 0 ess-tally --max-per-voter=3 "$D/voters.csv"
t_out "$by_voters"
t_err_empty
# P2's third sticker is on line 6; the message points at the voter.
t_run 0 ess-tally --max-per-voter=2 "$D/voters.csv"
t_out "$by_voters"
t_err "ess-tally: $D/voters.csv:6:1: voter 'P2' stuck more than 2 stickers"
t_run 0 ess-tally --max-per-voter=2 -o json "$D/voters.csv"
t_json 'd["voter_problems"]' '1'
t_run 0 ess-tally --max-per-voter=2 -o table "$D/voters.csv"
t_out_has 'voter problems: 1'
t_run 65 ess-tally --max-per-voter=2 --strict-voters "$D/voters.csv"
t_err "ess-tally: $D/voters.csv:6:1: voter 'P2' stuck more than 2 stickers"
t_out_empty
t_run 0 ess-tally --max-per-voter=3 --strict-voters "$D/voters.csv"
t_out "$by_voters"
# A counted group of stickers counts as that many.
printf 'votant,item,vote,nb\nP1,A,vert,3\n' >"$TD/vn.csv"
t_run 0 ess-tally --max-per-voter=2 "$TD/vn.csv"
t_err "ess-tally: $TD/vn.csv:2:1: voter 'P1' stuck more than 2 stickers"
t_out "$HEAD
1,A,,3,0,0,3,3,100.0"
# Green and red on one item by one voter: reported, counted, an error
# with --strict-voters.
printf 'votant,item,vote\nP1,A,vert\nP1,A,rouge\nP1,B,vert\nP1,B,vert\n' >"$TD/both.csv"
t_run 0 ess-tally "$TD/both.csv"
t_err "ess-tally: $TD/both.csv:3:6: voter 'P1' put both green and red on item 'A'"
t_out "$HEAD
1,B,,2,0,0,2,2,100.0
2,A,,1,1,0,2,0,50.0"
t_run 65 ess-tally --strict-voters "$TD/both.csv"
t_err "ess-tally: $TD/both.csv:3:6: voter 'P1' put both green and red on item 'A'"
t_out_empty
# Voters are told apart in each group.
printf 'atelier,votant,item,vote\nNord,P1,A,vert\nSud,P1,A,rouge\n' >"$TD/vg.csv"
t_run 0 ess-tally --group-by=atelier "$TD/vg.csv"
t_err_empty

# --- long and wide forms.
# The label comes from the first row that has one.
printf 'item,label,vote\n1,,vert\n1,Un,rouge\n1,Autre,vert\n' >"$TD/lbl.csv"
t_run 0 ess-tally "$TD/lbl.csv"
t_out "$HEAD
1,1,Un,2,1,0,3,1,66.7"
# Without an item column the label is the item.
printf 'Besoin,Couleur\nCafé,vert\nCafé,rouge\nJardin,vert\n' >"$TD/lo.csv"
t_run 0 ess-tally "$TD/lo.csv"
t_out "$HEAD
1,Jardin,Jardin,1,0,0,1,1,100.0
2,Café,Café,1,1,0,2,0,50.0"
# A count column: a counted group of stickers; empty is one.
printf 'item,vote,count\nA,vert,4\nA,rouge,\nA,blanc,2\nB,vert,0\n' >"$TD/cnt.csv"
t_run 0 ess-tally "$TD/cnt.csv"
t_out "$HEAD
1,A,,4,1,2,7,3,80.0
2,B,,0,0,0,0,0,"
t_run 0 ess-tally -o json "$TD/cnt.csv"
t_json 'd["ballots"]' '7'
t_json 'd["rows_read"]' '4'
# Thousands separated by a space.
printf 'item,vote,count\nA,vert,1 000\n' >"$TD/thousand.csv"
t_run 0 ess-tally "$TD/thousand.csv"
t_out "$HEAD
1,A,,1000,0,0,1000,1000,100.0"
# Wide form: counts per item, abstain optional, empty is 0, rows add up.
printf 'item,label,green,red,abstain\n1,Un,5,2,1\n' >"$TD/w1.csv"
t_run 0 ess-tally "$TD/w1.csv"
t_out "$HEAD
1,1,Un,5,2,1,8,3,71.4"
printf 'item,green,red\nX,2,1\nY,,3\nX,3,0\n' >"$TD/w2.csv"
t_run 0 ess-tally "$TD/w2.csv"
t_out "$HEAD
1,X,,5,1,0,6,4,83.3
2,Y,,0,3,0,3,-3,0.0"
# Approval to one decimal, half away from zero (1/16 = 6.25 -> 6.3).
printf 'item,green,red\na,2,1\nb,1,2\nc,1,15\nd,5,1\ne,1,5\n' >"$TD/ap.csv"
t_run 0 ess-tally --sort=input "$TD/ap.csv"
t_out "$HEAD
2,a,,2,1,0,3,1,66.7
3,b,,1,2,0,3,-1,33.3
5,c,,1,15,0,16,-14,6.3
1,d,,5,1,0,6,4,83.3
4,e,,1,5,0,6,-4,16.7"

# --- several inputs add up; each has its own delimiter and form.
printf 'item,vote\nA,vert\nB,rouge\n' >"$TD/f1.csv"
printf 'item;vote\nA;vert\nC;vert\n' >"$TD/f2.csv"
printf 'item,green,red\nA,1,0\n' >"$TD/f3.csv"
several="$HEAD
1,A,,2,0,0,2,2,100.0
2,C,,1,0,0,1,1,100.0
3,B,,0,1,0,1,-1,0.0"
t_run 0 ess-tally "$TD/f1.csv" "$TD/f2.csv"
t_out "$several"
T_STDIN=$TD/f1.csv t_run 0 ess-tally - "$TD/f2.csv"
t_out "$several"
T_STDIN=$TD/f1.csv t_run 0 ess-tally
t_out "$HEAD
1,A,,1,0,0,1,1,100.0
2,B,,0,1,0,1,-1,0.0"
t_run 0 ess-tally "$TD/f1.csv" "$TD/f2.csv" "$TD/f3.csv"
t_out_has '1,A,,3,0,0,3,3,100.0'
t_run 0 ess-tally -o json "$TD/f1.csv" "$TD/f2.csv"
t_json 'd["inputs"]' "[\"$TD/f1.csv\", \"$TD/f2.csv\"]"
t_json 'd["ballots"]' '4'
t_json 'd["rows_read"]' '4'
# The digest is that of every input byte, in order.
want=$(cat "$TD/f1.csv" "$TD/f2.csv" | sha256sum | cut -d' ' -f1)
t_json 'd["sha256"]' "\"$want\""

# --- the metadata of the JSON document.
t_run 0 ess-tally -o json "$D/ties.csv"
t_json 'd["method"]' '"dots"'
t_json 'd["ballots"]' '17'
t_json 'd["rows_read"]' '8'
t_json 'd["rows_rejected"]' '0'
t_json 'd["voter_problems"]' '0'
t_json 'd["sha256"]' "\"$(sha256sum <"$D/ties.csv" | cut -d' ' -f1)\""
t_json 'list(d["rows"][0].keys())' '["rank", "item", "label", "green", "red", "abstain", "total", "net", "approval"]'
t_json 'd["rows"][3]' '{"rank": 3, "item": "E", "label": "", "green": 0, "red": 0, "abstain": 1, "total": 1, "net": 0, "approval": null}'
# What the issue lists comes in its order: method, rule, ballots, rows
# rejected, rows, ties.
t_json '[k for k in d if k in ("method", "rule", "ballots", "rows_rejected", "rows", "ties")]' '["method", "rule", "ballots", "rows_rejected", "rows", "ties"]'

# --- --method
t_run 0 ess-tally -m dots "$D/ties.csv"
t_out "$by_net"
t_run 0 ess-tally --method=dots "$D/ties.csv"
t_out "$by_net"
t_run 64 ess-tally --method=bordo "$D/ties.csv"
t_err_has "unknown method 'bordo'"

t_py_flush
