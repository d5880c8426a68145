# basket-orders totals, invoice, balance and cheques (issue 4): the money,
# exact to the cent, on tests/data/basket/money (four members, January
# 2026; every figure below is worked out by hand in the comments).
#
# The folder: Mondays 5, 12, 19 and 26 January 2026; the 12th is moved to
# Tuesday the 13th (a bank holiday), the 26th is closed (inventaire).
# panier 12,50 until the 18th, 13,00 from the 19th; pommes 3,20 a kilo;
# pain 4,35.  A: a panier every week, 1,5 kg of pommes on the 5th, the
# panier cancelled on the 19th, a pain on 2 February.  B: 2 pains every two
# weeks (5th, 19th, 2 Feb, 16 Feb), 2,333 kg of pommes on the 13th.  C and
# D share a weekly panier: C on the 5th, D on the 13th, C on the 19th
# (absent), D on 2 Feb (the closure does not swap the turn).  D takes
# 0,75 kg of pommes on the 19th (the last order line wins over 0,5).
. "$(dirname "$0")/lib.sh"
D=$DATA/basket/money

# Producer totals.  January, policy skip: panier A 5th, C 5th, A 13th,
# D 13th = 4 x 12,50 = 50,00 (A cancelled and C absent on the 19th);
# pommes 1,500 + 2,333 + 0,750 = 4,583 kg, 4,80 + 7,47 (7,4656 rounded)
# + 2,40 = 14,67; pain 2 + 2 = 4 x 4,35 = 17,40.
t_run 0 basket-orders -C "$D" totals --from=2026-01-01 --to=2026-01-31 --by=product
t_out "producer,product,label,quantity,amount
ferme,panier,Panier de légumes,4,50.00
ferme,pommes,Pommes,4.583,14.67
fournil,pain,Pain au levain,4,17.40"
t_err_empty
t_run 0 basket-orders -C "$D" totals --from=2026-01-01 --to=2026-01-31 --by=producer
t_out "producer,product,label,quantity,amount
ferme,,Ferme du Pré,,64.67
fournil,,Fournil Bio,,17.40"
t_run 0 basket-orders -C "$D" totals --from=01/01/2026 --to=31/01/2026 --by=produit
t_out_has "ferme,panier,Panier de légumes,4,50.00"
# The moved distribution is on its new day, at the old price.
t_run 0 basket-orders -C "$D" totals --date=2026-01-13 --by=product
t_out "producer,product,label,quantity,amount
ferme,panier,Panier de légumes,2,25.00
ferme,pommes,Pommes,2.333,7.47"
# The 19th: the new price; nothing of the absent C nor the cancelled A.
t_run 0 basket-orders -C "$D" totals --date=2026-01-19 --by=product
t_out "producer,product,label,quantity,amount
ferme,pommes,Pommes,0.750,2.40
fournil,pain,Pain au levain,2,8.70"
t_run 0 basket-orders -C "$D" totals --date=2026-01-13 -o table
t_out_has "distribution of 2026-01-13"
t_out_has "total 32.47"
t_run 0 basket-orders -C "$D" totals --from=2026-01-01 --to=2026-01-31 --by=product -o table
t_out_has "3 distributions from 2026-01-01 to 2026-01-31"
t_out_has "total 82.07"
t_run 0 basket-orders -C "$D" totals --from=2026-01-01 --to=2026-01-31 --by=product --excel
t_out_has "ferme;pommes;Pommes;4,583;14,67"
t_run 0 basket-orders -C "$D" totals --from=2026-01-01 --to=2026-01-31 --by=product -o json
t_json 'd[1]' '{"producer": "ferme", "product": "pommes", "label": "Pommes", "quantity": 4.583, "amount": 14.67}'
# Across the year end and ISO week 53 of 2026: four Mondays, A's and the
# shared panier each week (8 x 13,00), B's pain on 21 Dec and 4 Jan only
# (50 and 52 weeks after 5 Jan 2026).
t_run 0 basket-orders -C "$D" totals --from=2026-12-21 --to=2027-01-11 --by=product
t_out "producer,product,label,quantity,amount
ferme,panier,Panier de légumes,8,104.00
fournil,pain,Pain au levain,4,17.40"
# No distribution in the range: the header only.
t_run 0 basket-orders -C "$D" totals --from=2025-06-01 --to=2025-06-30
t_out "producer,product,label,quantity,amount"
t_run 0 basket-orders -C "$D" totals --from=2025-06-01 --to=2025-06-30 -o table
t_out_has "5 distributions from 2025-06-01 to 2025-06-30"
t_out_has "total 0.00"
# A day without a distribution says why.
t_run 65 basket-orders -C "$D" totals --date=2026-01-12
t_err "basket-orders: no distribution on 2026-01-12: the distribution was moved"
t_out_empty
t_run 65 basket-orders -C "$D" totals --date=2026-01-26
t_err "basket-orders: no distribution on 2026-01-26: inventaire"
t_run 65 basket-orders -C "$D" totals --date=2026-01-14
t_err "basket-orders: no distribution on 2026-01-14: not a distribution day"
t_run 64 basket-orders -C "$D" totals
t_run 64 basket-orders -C "$D" totals --from=2026-01-01
t_run 64 basket-orders -C "$D" totals --date=2026-01-05 --from=2026-01-01 --to=2026-01-31
t_run 64 basket-orders -C "$D" totals --from=2026-01-31 --to=2026-01-01
t_run 64 basket-orders -C "$D" totals --date=2026-01-05 --by=member

# Policies lost and donate: the absent C's panier of the 19th is prepared
# (13,00): 5 paniers, 63,00; ferme 77,67.
mkdir "$TD/lost" "$TD/donate"
cp "$D"/*.csv "$TD/lost/"
cp "$D"/*.csv "$TD/donate/"
sed -i 's/^absence_policy,skip$/absence_policy,lost/' "$TD/lost/settings.csv"
sed -i 's/^absence_policy,skip$/absence_policy,donate/' "$TD/donate/settings.csv"
for p in lost donate; do
	t_run 0 basket-orders -C "$TD/$p" totals --from=2026-01-01 --to=2026-01-31 --by=product
	t_out "producer,product,label,quantity,amount
ferme,panier,Panier de légumes,5,63.00
ferme,pommes,Pommes,4.583,14.67
fournil,pain,Pain au levain,4,17.40"
	t_run 0 basket-orders -C "$TD/$p" totals --from=2026-01-01 --to=2026-01-31
	t_out_has "ferme,,Ferme du Pré,,77.67"
done

# Invoices: members by name (B Dubois, D Martin, C Petit, A Roux), each
# member's lines by date, then the total line.  24,87 + 14,90 + 12,50 +
# 29,80 = 82,07, the producers' total.
t_run 0 basket-orders -C "$D" invoice --month=2026-01
t_out "member,name,date,product,label,quantity,unit_price,amount
B,Dubois Bernard,2026-01-05,pain,Pain au levain,2,4.35,8.70
B,Dubois Bernard,2026-01-13,pommes,Pommes,2.333,3.20,7.47
B,Dubois Bernard,2026-01-19,pain,Pain au levain,2,4.35,8.70
B,Dubois Bernard,,,total,,,24.87
D,Martin Damien,2026-01-13,panier,Panier de légumes,1,12.50,12.50
D,Martin Damien,2026-01-19,pommes,Pommes,0.750,3.20,2.40
D,Martin Damien,,,total,,,14.90
C,Petit Chloé,2026-01-05,panier,Panier de légumes,1,12.50,12.50
C,Petit Chloé,,,total,,,12.50
A,Roux Alice,2026-01-05,panier,Panier de légumes,1,12.50,12.50
A,Roux Alice,2026-01-05,pommes,Pommes,1.500,3.20,4.80
A,Roux Alice,2026-01-13,panier,Panier de légumes,1,12.50,12.50
A,Roux Alice,,,total,,,29.80"
t_err_empty
t_run 0 basket-orders -C "$D" invoice --month=2026-01 -o table
t_out_has "invoices of 2026-01: 4 members, total 82.07"
# Policy lost bills the absent C's panier of the 19th.
t_run 0 basket-orders -C "$TD/lost" invoice --month=2026-01
t_out_has "C,Petit Chloé,2026-01-19,panier,Panier de légumes,1,13.00,13.00"
t_out_has "C,Petit Chloé,,,total,,,25.50"
# February: A 4 paniers and a pain (56,35), B 2 x 2 pains (17,40),
# C 9th and 23rd, D 2nd and 16th (26,00 each).
t_run 0 basket-orders -C "$D" invoice --month=2026-02
t_out_has "B,Dubois Bernard,,,total,,,17.40"
t_out_has "D,Martin Damien,,,total,,,26.00"
t_out_has "C,Petit Chloé,,,total,,,26.00"
t_out_has "A,Roux Alice,2026-02-02,pain,Pain au levain,1,4.35,4.35"
t_out_has "A,Roux Alice,,,total,,,56.35"
t_run 0 basket-orders -C "$D" invoice --month=2025-12
t_out "member,name,date,product,label,quantity,unit_price,amount"
# JSON: one document per member inside the month's document.
t_run 0 basket-orders -C "$D" invoice --month=2026-01 -o json
t_json '[d["month"], d["total"], len(d["members"])]' '["2026-01", 82.07, 4]'
t_json 'd["members"][0]["lines"][1]' '{"date": "2026-01-13", "product": "pommes", "label": "Pommes", "quantity": 2.333, "unit_price": 3.2, "amount": 7.47}'
t_json '[(m["member"], m["total"]) for m in d["members"]]' '[["B", 24.87], ["D", 14.9], ["C", 12.5], ["A", 29.8]]'
t_run 0 basket-orders -C "$D" invoice --month=2026-01 -o jsonl
t_py "one member document a line" 'import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [d["member"] for d in docs] == ["B", "D", "C", "A"], docs
assert docs[3]["total"] == 29.8 and len(docs[3]["lines"]) == 3, docs[3]' "$OUT"
t_run 64 basket-orders -C "$D" invoice
t_run 64 basket-orders -C "$D" invoice --month=2026-13
t_run 64 basket-orders -C "$D" invoice --month=janvier

# Balances.  31 January: delivered as invoiced; paid A 5,00 + 20,00,
# B 25,00, C 12,50 + 10,00, D 20,00.
t_run 0 basket-orders -C "$D" balance --on=2026-01-31
t_out "member,name,delivered,paid,balance
B,Dubois Bernard,24.87,25.00,0.13
D,Martin Damien,14.90,20.00,5.10
C,Petit Chloé,12.50,22.50,10.00
A,Roux Alice,29.80,25.00,-4.80"
t_err_empty
# 12 January: the distribution of the 12th is held on the 13th, so only
# the 5th counts; D has neither received nor paid anything yet.
for on in 2026-01-10 2026-01-12; do
	t_run 0 basket-orders -C "$D" balance --on=$on
	t_out "member,name,delivered,paid,balance
B,Dubois Bernard,8.70,25.00,16.30
C,Petit Chloé,12.50,0.00,-12.50
A,Roux Alice,17.30,25.00,7.70"
done
# 28 February: January plus February's invoices.
t_run 0 basket-orders -C "$D" balance --on=2026-02-28
t_out "member,name,delivered,paid,balance
B,Dubois Bernard,42.27,25.00,-17.27
D,Martin Damien,40.90,20.00,-20.90
C,Petit Chloé,38.50,22.50,-16.00
A,Roux Alice,86.15,25.00,-61.15"
t_run 0 basket-orders -C "$TD/lost" balance --on=2026-01-31
t_out_has "C,Petit Chloé,25.50,22.50,-3.00"
t_run 0 basket-orders -C "$D" balance --on=2026-01-31 -o table
t_out_has "balances on 2026-01-31: delivered 82.07, paid 92.50, balance 10.43"
t_run 0 basket-orders -C "$D" balance --on=2026-01-31 --excel
t_out_has "A;Roux Alice;29,80;25,00;-4,80"
t_run 0 basket-orders -C "$D" balance --on=2026-01-31 -o json
t_json 'd[3]' '{"member": "A", "name": "Roux Alice", "delivered": 29.8, "paid": 25.0, "balance": -4.8}'
t_run 0 basket-orders -C "$D" balance
t_out_has "member,name,delivered,paid,balance"
t_run 64 basket-orders -C "$D" balance --on=2026-02-30

# Cheques to cash: cash_on when given, else the day received; by that
# day, then name.  A's cheque of 5 January is cashed on 2 February.
t_run 0 basket-orders -C "$D" cheques --month=2026-01
t_out "member,name,date,amount,cheque_no,cash_on
B,Dubois Bernard,2026-01-05,25.00,7654321,2026-01-05
A,Roux Alice,2025-12-29,5.00,99,2026-01-05
C,Petit Chloé,2026-01-19,10.00,42,2026-01-19
,total,,40.00,,"
t_err_empty
t_run 0 basket-orders -C "$D" cheques --month=2026-02
t_out "member,name,date,amount,cheque_no,cash_on
A,Roux Alice,2026-01-05,20.00,1234567,2026-02-02
,total,,20.00,,"
t_run 0 basket-orders -C "$D" cheques --month=2025-12
t_out "member,name,date,amount,cheque_no,cash_on
,total,,0.00,,"
t_run 0 basket-orders -C "$D" cheques --month=2026-01 -o table
t_out_has "3 cheques to cash in 2026-01"
t_run 0 basket-orders -C "$D" cheques --month=2026-01 -o json
t_json '[d["month"], d["count"], d["total"]]' '["2026-01", 3, 40.0]'
t_json 'd["cheques"][1]' '{"member": "A", "name": "Roux Alice", "date": "2025-12-29", "amount": 5.0, "cheque_no": "99", "cash_on": "2026-01-05"}'
t_run 0 basket-orders -C "$D" cheques --month=2026-01 -o jsonl
t_out_lacks "total"
t_run 64 basket-orders -C "$D" cheques

# Write errors.
for c in "totals --date=2026-01-05" "invoice --month=2026-01" "balance --on=2026-01-31" "cheques --month=2026-01"; do
	# shellcheck disable=SC2086
	t_run_to 74 /dev/full basket-orders -C "$D" $c
done
t_run_to 74 /dev/full basket-orders -C "$D" invoice --month=2026-01 -o jsonl
t_py_flush
