# basket-orders pickup (issue 4): the pick-up sheet of one distribution,
# checked against the facts share/examples/cafe-pluche/README works out by
# hand, the absence policies, a shared basket across a closure, ISO week
# 53, the output formats and the errors.
#
# The sheet has a line per member and product, with a status: ok, absent,
# cancelled or shared-turn.  The README lists only what is handed out, so
# its "N lines" are the lines whose status is ok; the other lines carry an
# amount of 0.00 under absence_policy skip, so the sum of every amount is
# the README's total.
. "$(dirname "$0")/lib.sh"
E=$EX/cafe-pluche

# pick_ok N TOTAL LINES: the status-ok lines of the CSV on stdout, as
# member,product,quantity,amount sorted (the README's listing, quantities
# without trailing zeros: the sheet prints kg to the gram, 1.800), are
# LINES; there are N of them; the amounts add up to TOTAL.
pick_ok() {
	t_py "the $1 ok lines, total $2" "import csv, sys
from decimal import Decimal
want = sorted('''$3'''.split())
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
q = lambda s: s.rstrip('0').rstrip('.') if '.' in s else s
got = sorted(','.join([r['member'], r['product'], q(r['quantity']), r['amount']])
	for r in rows if r['status'] == 'ok')
assert got == want, ('missing', sorted(set(want) - set(got)), 'extra', sorted(set(got) - set(want)))
assert len(got) == $1, len(got)
total = sum(Decimal(r['amount']) for r in rows)
assert total == Decimal('$2'), total" "$OUT"
}

# line_is MEMBER PRODUCT FIELDS: the line of MEMBER and PRODUCT is, from
# its quantity on, quantity,unit_price,amount,status,membership = FIELDS.
line_is() {
	t_py "$1 $2 is $3" "import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1], encoding='utf-8', newline=''))
	if r[0] == '$1' and r[2] == '$2']
assert [','.join(r[4:]) for r in rows] == ['$3'], rows" "$OUT"
}

# no_line MEMBER [PRODUCT]: MEMBER has no line at all (for PRODUCT).
no_line() {
	t_py "no line of $1 ${2:-}" "import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1], encoding='utf-8', newline=''))
	if r[0] == '$1' and ('${2:-}' == '' or r[2] == '${2:-}')]
assert rows == [], rows" "$OUT"
}

# 1) 2025-10-20, distribution no. 7: the README's 27 lines, 290.10.
t_run 0 basket-orders -C "$E" pickup --date=2025-10-20
t_err_empty
t_out_has "member,name,product,label,quantity,unit_price,amount,status,membership"
pick_ok 27 290.10 "
M01,panier-grand,1,20.00 M01,pommes,1,5.00 M02,pain-campagne,1,5.20
M03,panier-petit,1,12.00 M04,panier-grand,1,20.00 M05,oeufs-6,1,2.40
M07,oeufs-12,1,4.50 M07,panier-petit,1,12.00 M08,panier-petit,1,12.00
M09,pain-campagne,2,10.40 M13,oeufs-12,2,9.00 M13,panier-grand,1,20.00
M14,pain-graines,1,3.80 M16,panier-grand,1,20.00 M18,pain-campagne,1,5.20
M19,panier-petit,1,12.00 M20,oeufs-12,1,4.50 M20,panier-grand,1,20.00
M22,panier-petit,1,12.00 M25,oeufs-6,1,2.40 M26,panier-petit,1,12.00
M29,pain-campagne,1,5.20 M30,panier-grand,1,20.00 M32,panier-petit,1,12.00
M33,oeufs-12,1,4.50 M34,panier-petit,1,12.00 M35,panier-petit,1,12.00"
# No. 7 is odd: the shared basket M06/M08 is M08's turn; M06's line says
# it is the other household's turn and costs nothing.
line_is M08 panier-petit "1,12.00,12.00,ok,valid"
line_is M06 panier-petit "0,12.00,0.00,shared-turn,valid"
# M17's weekly panier-petit is cancelled by orders.csv:5 (quantity 0).
line_is M17 panier-petit "0,12.00,0.00,cancelled,valid"
# M24 is away 2025-10-18..2025-11-02: policy skip, not prepared, not billed.
line_is M24 panier-petit "1,12.00,0.00,absent,valid"
# M35's one-off order is covered by a visit membership paid that day.
line_is M35 panier-petit "1,12.00,12.00,ok,visit"
# Fortnightly rows from 2025-09-01 are delivered on even numbers only.
no_line M10
no_line M12
no_line M15
no_line M23
no_line M28
no_line M01 oeufs-12
no_line M03 pain-graines
# Members sorted by name: a member's lines stay together.
t_py "each member's lines together" "import csv, sys
ids = [r[0] for r in list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))[1:]]
runs = [m for i, m in enumerate(ids) if i == 0 or ids[i - 1] != m]
assert len(runs) == len(set(runs)), runs" "$OUT"
# BUG: the sheet is sorted by strcoll(), and cron runs in the C locale (as
# these tests do): 'Élise Bouchaud' and 'Émilie Sarlat' come after
# 'Yannick Le Goff' and 'Hélène' after 'Hugo'.  A French volunteer looks
# for Élise among the E (text_fold_key would give that in any locale).
t_py "names in alphabetical order, accents aside" "import csv, sys, unicodedata
names = [r[1] for r in list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))[1:]]
key = lambda s: unicodedata.normalize('NFD', s).encode('ascii', 'ignore').decode().casefold()
assert [key(n) for n in names] == sorted(key(n) for n in names), names" "$OUT"

# 2) 2026-01-05, no. 16, the first after Christmas: 28 lines, 292.30.
t_run 0 basket-orders -C "$E" pickup --date=2026-01-05
t_err_empty
pick_ok 28 292.30 "
M01,oeufs-12,1,4.50 M01,panier-grand,1,20.00 M02,pain-campagne,1,5.20
M03,pain-graines,1,3.80 M03,panier-petit,1,12.50 M03,pommes,1,5.00
M05,oeufs-6,1,2.40 M06,panier-petit,1,12.50 M09,pain-campagne,2,10.40
M11,panier-grand,1,20.00 M12,panier-petit,1,12.50 M13,oeufs-12,2,9.00
M13,panier-grand,1,20.00 M14,pain-graines,1,3.80 M15,panier-petit,1,12.50
M16,panier-grand,1,20.00 M17,panier-petit,1,12.50 M18,pain-campagne,1,5.20
M18,pain-graines,1,3.80 M20,oeufs-12,1,4.50 M20,panier-grand,1,20.00
M23,pommes,1,5.00 M24,panier-petit,1,12.50 M26,panier-petit,1,12.50
M28,panier-grand,1,20.00 M29,pain-campagne,1,5.20 M33,oeufs-12,1,4.50
M34,panier-petit,1,12.50"
# The price change: panier-petit 12.50 from 2026-01-05 (12.00 before).
line_is M34 panier-petit "1,12.50,12.50,ok,valid"
# No. 16 is even: the shared basket is M06's.
line_is M06 panier-petit "1,12.50,12.50,ok,valid"
# M30's panier-grand is cancelled by orders.csv:15.
line_is M30 panier-grand "0,20.00,0.00,cancelled,valid"
# M10 and M19 ended on 2025-12-15.
no_line M10
no_line M19

# 3) 2026-04-07: Easter Monday moved to the Tuesday, no. 29: 29 lines,
# 341.20.
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07
t_err_empty
pick_ok 29 341.20 "
M01,panier-grand,1,20.00 M02,pain-campagne,1,5.20 M03,panier-petit,1,12.50
M04,panier-grand,1,20.00 M04,poulet,1.8,22.50 M05,oeufs-6,1,2.40
M07,oeufs-12,1,4.50 M07,panier-petit,1,12.50 M08,panier-petit,1,12.50
M09,pain-campagne,2,10.40 M11,panier-grand,1,20.00 M12,panier-petit,1,12.50
M13,oeufs-12,2,9.00 M13,panier-grand,1,20.00 M14,pain-graines,1,3.80
M16,panier-grand,1,20.00 M17,panier-petit,1,12.50 M18,pain-campagne,1,5.20
M22,panier-petit,1,12.50 M24,panier-petit,1,12.50 M25,oeufs-6,1,2.40
M26,pain-graines,2,7.60 M26,panier-petit,1,12.50 M29,pain-campagne,1,5.20
M30,panier-grand,1,20.00 M32,panier-petit,1,12.50 M33,oeufs-12,3,13.50
M34,panier-petit,1,12.50 M36,oeufs-12,1,4.50"
# Chicken by the kg: 1,8 kg x 12,50 = 22,50, the quantity to the gram.
line_is M04 poulet "1.800,12.50,22.50,ok,valid"
# orders.csv:24 (3) wins over orders.csv:19 (2): 3 x 4,50.
line_is M33 oeufs-12 "3,4.50,13.50,ok,valid"
# No. 29 is odd: M08's turn.
line_is M08 panier-petit "1,12.50,12.50,ok,valid"
line_is M06 panier-petit "0,12.50,0.00,shared-turn,valid"
# M20 away 2026-04-04..2026-04-19: both his lines skipped.
line_is M20 panier-grand "1,20.00,0.00,absent,valid"
line_is M20 oeufs-12 "1,4.50,0.00,absent,valid"
line_is M36 oeufs-12 "1,4.50,4.50,ok,visit"
no_line M23 pommes

# Days without a distribution say why, exit 65 and write nothing.
t_run 65 basket-orders -C "$E" pickup --date=2025-12-22
t_err "basket-orders: no distribution on 2025-12-22: fermeture de Noël"
t_out_empty
t_run 65 basket-orders -C "$E" pickup --date=2026-01-02
t_err_has "2026-01-02: not a distribution day"
t_run 65 basket-orders -C "$E" pickup --date=2026-05-25
t_err_has "lundi de Pentecôte"
# The Easter Monday itself: its distribution is on the Tuesday.
t_run 65 basket-orders -C "$E" pickup --date=2026-04-06
t_err_has "no distribution on 2026-04-06"
t_run 65 basket-orders -C "$E" pickup --date=2025-10-21
t_err "basket-orders: no distribution on 2025-10-21: not a distribution day"
t_out_empty
# BUG: "to vide = fin de saison" (README, subscriptions.csv): M01's
# panier-grand and M24's panier-petit have an empty `to`, so they end with
# the season (season_to 2026-06-29); the code reads an empty `to` as
# forever, and a Monday of July (or --next in the autumn, for the cron
# line) still lists them.  Whether the answer is an empty sheet or "no
# distribution", M01 must not be on it.
"$BIN/basket-orders" -C "$E" pickup --date=2026-07-06 >"$OUT" 2>"$ERR"
! grep -q '^M01,' "$OUT"
t_report $? "pickup --date=2026-07-06 (after season_to): no M01 line" "stdout: $(head -c 400 "$OUT")"

# After Whit Monday (2026-05-25 closed): every=N counts calendar weeks
# from `from` (the issue: "a closure skips a delivery without shifting the
# rhythm"), so a fortnightly row from 2025-09-01 (M01 oeufs-12, M03
# pain-graines, M28 panier-grand) was due on the closed 05-25 (38 weeks),
# is not due on 06-01 (39) and is due again on 06-08 (40).
t_run 0 basket-orders -C "$E" pickup --date=2026-06-01
no_line M01 oeufs-12
no_line M03 pain-graines
no_line M28 panier-grand
t_run 0 basket-orders -C "$E" pickup --date=2026-06-08
line_is M01 oeufs-12 "1,4.50,4.50,ok,valid"
line_is M03 pain-graines "1,3.80,3.80,ok,valid"
line_is M28 panier-grand "1,20.00,20.00,ok,valid"

# Dates are read as dates in either form.
t_run 0 basket-orders -C "$E" pickup --date=20/10/2025
t_out_has "M08,Léa Fournier,panier-petit,Petit panier de légumes,1,12.00,12.00,ok,valid"

# Output formats.
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 -o json
t_json 'len(d)' '32'
t_json '[r for r in d if r["product"] == "poulet"]' '[{"member": "M04", "name": "Julien Roux", "product": "poulet", "label": "Poulet fermier prêt à cuire", "quantity": 1.8, "unit_price": 12.5, "amount": 22.5, "status": "ok", "membership": "valid"}]'
t_json 'round(sum(r["amount"] for r in d), 2)' '341.2'
t_json 'sorted(set(r["status"] for r in d))' '["absent", "ok", "shared-turn"]'
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 -o csv
# Sorted by name folded (Élise among the E, not after Yannick).
t_cols 1,3,7 "member,product,amount
M34,panier-petit,12.50
M25,oeufs-6,2.40
M14,pain-graines,3.80
M11,panier-grand,20.00
M17,panier-petit,12.50
M24,panier-petit,12.50
M05,oeufs-6,2.40
M22,panier-petit,12.50
M30,panier-grand,20.00
M16,panier-grand,20.00
M02,pain-campagne,5.20
M32,panier-petit,12.50
M09,pain-campagne,10.40
M12,panier-petit,12.50
M29,pain-campagne,5.20
M04,panier-grand,20.00
M04,poulet,22.50
M20,panier-grand,0.00
M20,oeufs-12,0.00
M36,oeufs-12,4.50
M08,panier-petit,12.50
M26,panier-petit,12.50
M26,pain-graines,7.60
M01,panier-grand,20.00
M06,panier-petit,0.00
M33,oeufs-12,13.50
M07,panier-petit,12.50
M07,oeufs-12,4.50
M03,panier-petit,12.50
M13,panier-grand,20.00
M13,oeufs-12,9.00
M18,pain-campagne,5.20"
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 -o table
t_out_has "distribution of 2026-04-07"
t_out_has "Julien Roux"
t_out_has "1.800"
t_out_has "shared-turn"
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 --excel
t_out_has "M04;Julien Roux;poulet;Poulet fermier prêt à cuire;1,800;12,50;22,50;ok;valid"

# HTML: a whole document (every tag closed), the association, the date,
# the hours, the volunteers on duty (roster.csv: one only on 2026-04-07,
# M26 at accueil; M05 and M09 on 2025-10-20), a signature column and the
# total.
html_ok() {	# TOTAL LINES VOLUNTEER...
	total=$1 nlines=$2
	shift 2
	t_py "html: balanced, total $total, $*" "import sys
from html.parser import HTMLParser
void = {'meta', 'br', 'hr', 'img', 'link', 'input', 'col'}
class P(HTMLParser):
	def __init__(s):
		super().__init__(); s.stack = []; s.text = []; s.th = []; s.cell = None; s.tags = set()
	def handle_starttag(s, t, a):
		s.tags.add(t)
		if t not in void: s.stack.append(t)
		if t == 'th': s.cell = ''
	def handle_endtag(s, t):
		assert s.stack and s.stack[-1] == t, ('unbalanced', t, s.stack)
		s.stack.pop()
		if t == 'th': s.th.append(s.cell.strip()); s.cell = None
	def handle_data(s, d):
		s.text.append(d)
		if s.cell is not None: s.cell += d
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
assert p.stack == [], p.stack
assert {'html', 'head', 'body', 'table', 'thead', 'tbody'} <= p.tags, p.tags
t = ' '.join(' '.join(p.text).split())
for w in ['Café Pluche', '15 h 00', '17 h 00', '$total'] + '''$*'''.split(';'):
	assert w in t, w
assert any('signature' in h.lower() for h in p.th), p.th
assert '$nlines lignes' in t, t[-200:]" "$OUT"
}
# The sheet speaks the user's language: the café's volunteers run it in
# French (LANGUAGE=fr here; fr_FR.UTF-8 in their cron).
LANGUAGE=fr t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 -o html
t_err_empty
t_out_has "<!DOCTYPE html>"
t_out_has "07/04/2026"
t_out_has "size: A4"
html_ok 341,20 29 "Marie-Hélène Desvergne"
LANGUAGE=fr t_run 0 basket-orders -C "$E" pickup --date=2025-10-20 -o html
t_out_has "20/10/2025"
html_ok 290,10 27 "Claire Bessac;Hugo Fournier"
t_out_lacks "<script"
# In English: the same sheet, ISO dates, decimal points.
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 -o html
t_out_has '<html lang="en">'
t_out_has "distribution of 2026-04-07"
t_out_has "From 15:00 to 17:00"
t_out_has "Volunteers on duty: "
t_out_has "<th>Signature</th>"
t_out_has "29 lines to hand out"
t_out_has "341.20"
t_out_has "absent: not prepared"

# -O: the file, nothing on stdout; html the same way (the cron line).
t_run 0 basket-orders -C "$E" pickup --date=2025-10-20
cp "$OUT" "$TD/want.csv"
t_run 0 basket-orders -C "$E" pickup --date=2025-10-20 -O "$TD/sheet.csv"
t_out_empty
t_check "pickup -O: the file is the csv" cmp -s "$TD/want.csv" "$TD/sheet.csv"
LANGUAGE=fr t_run 0 basket-orders -C "$E" pickup --date=2025-10-20 -o html -O "$TD/sheet.html"
t_out_empty
t_check "pickup -o html -O: an html file" grep -q '</html>' "$TD/sheet.html"
# A failed run leaves the previous file as it was.
t_run 65 basket-orders -C "$E" pickup --date=2025-12-22 -o html -O "$TD/sheet.html"
t_check "pickup -O: kept after a failure" grep -q '20/10/2025' "$TD/sheet.html"
t_run 73 basket-orders -C "$E" pickup --date=2025-10-20 -O /nonexistent/sheet.csv
t_err_has "/nonexistent/sheet.csv"
# Write errors.
t_run_to 74 /dev/full basket-orders -C "$E" pickup --date=2025-10-20
t_err_has "write error"
t_run_to 74 /dev/full basket-orders -C "$E" pickup --date=2025-10-20 -o html
t_err_has "write error"

# A missing folder: 66, naming the file it could not open.
t_run 66 basket-orders -C /nonexistent pickup --date=2025-10-20
t_err_has "cannot open '/nonexistent/"
t_out_empty

# Usage errors: 64.
t_run 64 basket-orders -C "$E"
t_err_has "missing command"
t_run 64 basket-orders -C "$E" pick-up --date=2025-10-20
t_err_has "unknown command 'pick-up'"
t_run 64 basket-orders -C "$E" pickup
t_err_has "pickup needs --date=DATE or --next"
t_run 64 basket-orders -C "$E" pickup --date=2026-13-01
t_err_has "'2026-13-01' is not a date"
t_run 64 basket-orders -C "$E" pickup --date=lundi
t_run 64 basket-orders -C "$E" pickup --date=2025-10-20 -o xml

# --next: a folder whose distribution weekday is today's, so that the next
# distribution is today whatever day the tests run; a weekly subscription
# from 2026 on, without end, and a season to 2099.
mkdir "$TD/next"
cp "$DATA/basket/week53"/*.csv "$TD/next/"
wd=$(LC_ALL=C date +%A | tr 'A-Z' 'a-z')
today=$(date +%F)
sed -i "s/^weekday,.*/weekday,$wd/; s/^season_from,.*/season_from,2020-01-06/; s/^season_to,.*/season_to,2099-12-28/" "$TD/next/settings.csv"
printf 'member,product,quantity,from,to,every,shared_with\nM01,panier-petit,1,2026-01-01,,1,\n' >"$TD/next/subscriptions.csv"
t_run 0 basket-orders -C "$TD/next" pickup --next -o table
t_out_has "distribution of $today"
t_out_has "Martine Lacombe"
t_run 0 basket-orders -C "$TD/next" pickup --next
t_out_has "member,name,product,label,quantity,unit_price,amount,status,membership"
t_out_has "M01,Martine Lacombe,panier-petit,Petit panier de légumes,1,12.50,12.50,ok,"
# On the real folder, --today makes "the next one" reproducible: from
# Wednesday 2026-04-01, the next distribution is Easter's, moved to Tuesday
# the 7th; from the 7th itself, that one (today's included); from the 8th,
# Monday the 13th.
t_run 0 basket-orders -C "$E" --today=2026-04-01 pickup --next -o table
t_out_has "distribution of 2026-04-07"
t_run 0 basket-orders -C "$E" pickup --next --today=2026-04-07 -o table
t_out_has "distribution of 2026-04-07"
t_run 0 basket-orders -C "$E" pickup --next --today=2026-04-08 -o table
t_out_has "distribution of 2026-04-13"
# The Christmas closure: from 2025-12-20, the January restart.
t_run 0 basket-orders -C "$E" pickup --next --today=2025-12-20 -o table
t_out_has "distribution of 2026-01-05"
# After the season (season_to 2026-06-29): said, not an empty sheet.
t_run 65 basket-orders -C "$E" pickup --next --today=2026-07-01
t_err "basket-orders: no distribution after 2026-07-01: the season ended on 2026-06-29 (season_to in settings.csv)"
t_out_empty
t_run 65 basket-orders -C "$E" pickup --date=2026-07-06
t_err "basket-orders: no distribution on 2026-07-06: outside the season (season_from and season_to in settings.csv)"
t_run 65 basket-orders -C "$E" pickup --date=2025-08-25
t_err_has "outside the season"
t_run 64 basket-orders -C "$E" pickup --next --today=2026-02-30
t_err_has "'2026-02-30' is not a date"
t_run 64 basket-orders -C "$E" pickup --next --date=2025-10-20

# Absence policies on 2025-10-20 and 2026-04-07.  skip: the absent lines
# cost nothing (above: 290.10, 341.20).  lost and donate: the line is
# prepared and billed: M24's panier-petit 12.00 on 2025-10-20 gives
# 290.10 + 12.00 = 302.10; M20's panier-grand 20.00 and oeufs-12 4.50 on
# 2026-04-07 give 341.20 + 24.50 = 365.70.  The status stays absent.
for p in lost donate; do
	mkdir "$TD/$p"
	cp "$E"/*.csv "$TD/$p/"
	sed -i "s/^absence_policy,skip\$/absence_policy,$p/" "$TD/$p/settings.csv"
	t_check "settings.csv says $p" grep -qx "absence_policy,$p" "$TD/$p/settings.csv"
	t_run 0 basket-orders -C "$TD/$p" pickup --date=2025-10-20
	line_is M24 panier-petit "1,12.00,12.00,absent,valid"
	t_py "$p: total 302.10" "import csv, sys
from decimal import Decimal
assert sum(Decimal(r['amount']) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))) == Decimal('302.10')" "$OUT"
	t_run 0 basket-orders -C "$TD/$p" pickup --date=2026-04-07
	line_is M20 panier-grand "1,20.00,20.00,absent,valid"
	line_is M20 oeufs-12 "1,4.50,4.50,absent,valid"
	t_py "$p: total 365.70" "import csv, sys
from decimal import Decimal
assert sum(Decimal(r['amount']) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))) == Decimal('365.70')" "$OUT"
	LANGUAGE=fr t_run 0 basket-orders -C "$TD/$p" pickup --date=2026-04-07 -o html
	html_ok 365,70 29 "Marie-Hélène Desvergne"
	# What the volunteers are told to do with the absent lines.
	t_run 0 basket-orders -C "$TD/$p" pickup --date=2026-04-07 -o table
	t_run 0 basket-orders -C "$TD/$p" pickup --date=2026-04-07 -o html
	if [ $p = lost ]; then
		t_out_has "absent: prepared and billed"
		t_out_lacks "to give away"
	else
		t_out_has "absent: to give away"
		t_out_has "2 lines of absent members to give away (absence policy donate)."
	fi
	t_run 0 basket-orders -C "$TD/$p" pickup --date=2026-04-07 -o table
	if [ $p = lost ]; then
		t_out_has "2 absent lines: prepared and billed (absence policy lost)"
	else
		t_out_has "2 absent lines: prepared, billed, to give away (absence policy donate)"
	fi
	# The producers are asked for the absent baskets too (prepared), as
	# the invoices bill them.
	t_run 0 basket-orders -C "$TD/$p" -o csv totals --date=2026-04-07
	t_run 0 basket-orders -C "$TD/$p" -o csv invoice --month=2026-04
	t_out_has "M20,"
done
t_run 0 basket-orders -C "$E" pickup --date=2026-04-07 -o table
t_out_has "2 absent lines: not prepared, not billed (absence policy skip)"
mkdir "$TD/badpolicy"
cp "$E"/*.csv "$TD/badpolicy/"
sed -i 's/^absence_policy,skip$/absence_policy,give/' "$TD/badpolicy/settings.csv"
t_run 65 basket-orders -C "$TD/badpolicy" pickup --date=2025-10-20
t_err_has "settings.csv:"
t_err_has "'give' is not a value for absence_policy"

# A shared basket across a closure (tests/data/basket/shared-closure/
# README): M01 and M02 share a weekly panier, M01 first; the turns count
# the distributions held (2026-02-16 closed, 2026-03-09 moved to the 10th),
# so they alternate M01, M02, M01, M02, M01, M02, M01.  M03 has the same
# panier every 2 calendar weeks from 02-02 (the issue: "a closure skips a
# delivery without shifting the rhythm"): 02-02, 02-16 (closed: skipped),
# 03-02, 03-16; 03-09's week is not one of its weeks.
S=$DATA/basket/shared-closure
sc() {	# DATE WANT: the status-ok member,product,quantity,amount of DATE
	t_run 0 basket-orders -C "$S" pickup --date="$1"
	t_py "ok lines: $2" "import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding='utf-8', newline=''))
got = sorted(','.join([r['member'], r['product'], r['quantity'], r['amount']]) for r in rows if r['status'] == 'ok')
assert got == sorted('''$2'''.split()), got" "$OUT"
}
sc 2026-02-02 "M01,panier-petit,1,12.50 M03,panier-petit,1,12.50"
sc 2026-02-09 "M02,panier-petit,1,12.50"
line_is M01 panier-petit "0,12.50,0.00,shared-turn,valid"
t_run 65 basket-orders -C "$S" pickup --date=2026-02-16
t_err "basket-orders: no distribution on 2026-02-16: producteur en congé"
sc 2026-02-23 "M01,panier-petit,1,12.50"
sc 2026-03-02 "M02,panier-petit,1,12.50 M03,panier-petit,1,12.50"
t_run 65 basket-orders -C "$S" pickup --date=2026-03-09
t_err "basket-orders: no distribution on 2026-03-09: the distribution was moved"
sc 2026-03-10 "M01,panier-petit,1,12.50"
sc 2026-03-16 "M02,panier-petit,1,12.50 M03,panier-petit,1,12.50"
sc 2026-03-23 "M01,panier-petit,1,12.50"

# ISO week 53 (tests/data/basket/week53/README): 2026-12-28 is 2026-W53;
# M02's every=2 from 2026-12-21 is delivered on 12-21, 01-04 and 01-18
# (the 1st, 3rd and 5th distributions), not by the parity of the week
# number (W53 and W01 are both odd).
W=$DATA/basket/week53
t_run 0 basket-orders -C "$W" pickup --date=2026-12-21
t_cols 1,3,5,7 "member,product,quantity,amount
M02,panier-grand,1,20.00"
t_run 0 basket-orders -C "$W" pickup --date=2026-12-28
t_cols 1,3,5,7 "member,product,quantity,amount
M01,panier-petit,1,12.50"
# 2027-01-04: names sorted, Martine Lacombe (M01) before Sophie Delmas.
t_run 0 basket-orders -C "$W" pickup --date=2027-01-04
t_cols 1,3,5,7,9 "member,product,quantity,amount,membership
M01,panier-petit,1,12.50,valid
M02,panier-grand,1,20.00,valid"
t_run 0 basket-orders -C "$W" pickup --date=2027-01-11
t_cols 1,3,5,7 "member,product,quantity,amount
M01,panier-petit,1,12.50"
t_run 0 basket-orders -C "$W" pickup --date=2027-01-18
t_cols 1,3,5,7 "member,product,quantity,amount
M02,panier-grand,1,20.00"
t_run 0 basket-orders -C "$W" pickup --date=2027-01-18 -o table
t_out_has "distribution of 2027-01-18"

# order_deadline_hours (48 in the example: orders for Monday 2025-10-20,
# opening at 15:00, close on Saturday 2025-10-18 at 15:00).  An order with
# an ordered_at after it is not applied, and says so; one without
# ordered_at, or on time, is.
mkdir "$TD/deadline"
cp "$E"/*.csv "$TD/deadline/"
cat >"$TD/deadline/orders.csv" <<'CSV'
date,member,product,quantity,ordered_at
2025-10-20,M01,pommes,1,2025-10-17 09:30
2025-10-20,M01,pommes,3,2025-10-19 10:00
2025-10-20,M27,pommes,2,2025-10-18 15:00
2025-10-20,M27,panier-petit,1,2025-10-18 15:01
2025-10-20,M09,pommes,1,
2025-10-20,M09,oeufs-6,1,18/10/2025 14h59
CSV
t_run 0 basket-orders -C "$TD/deadline" pickup --date=2025-10-20
t_err "basket-orders: $TD/deadline/orders.csv:3: ordered at 2025-10-19 10:00, after the deadline of 2025-10-18 15:00: not applied
basket-orders: $TD/deadline/orders.csv:5: ordered at 2025-10-18 15:01, after the deadline of 2025-10-18 15:00: not applied"
# The on-time line stands (1, not 3); the deadline minute itself is on time.
line_is M01 pommes "1,5.00,5.00,ok,valid"
line_is M27 pommes "2,5.00,10.00,ok,valid"
t_check "the late panier-petit of M27 is not on the sheet" sh -c "! grep -q '^M27,[^,]*,panier-petit,' '$OUT'"
line_is M09 pommes "1,5.00,5.00,ok,valid"
t_run 65 basket-orders -C "$TD/deadline" check
t_err_has "orders.csv:3: ordered at 2025-10-19 10:00, after the deadline of 2025-10-18 15:00 (order_deadline_hours): not applied"
t_err_has "orders.csv:5: ordered at 2025-10-18 15:01"
t_err_has "2 problems"
# Without a deadline, every order applies.
sed -i 's/^order_deadline_hours,.*/order_deadline_hours,0/' "$TD/deadline/settings.csv"
t_run 0 basket-orders -C "$TD/deadline" pickup --date=2025-10-20
t_err_empty
line_is M01 pommes "3,5.00,15.00,ok,valid"
# A moment that cannot be read is an error at its place.
printf 'date,member,product,quantity,commande_le\n2025-10-20,M01,pommes,1,hier soir\n' >"$TD/deadline/orders.csv"
t_run 65 basket-orders -C "$TD/deadline" pickup --date=2025-10-20
t_err "basket-orders: $TD/deadline/orders.csv:2:25: 'hier soir' is not a date and time (YYYY-MM-DD HH:MM)"

t_py_flush
