# basket-orders check (issue 4): every file read and cross-checked, each
# problem at its file:line, 65 when there is any.
. "$(dirname "$0")/lib.sh"
E=$EX/cafe-pluche
BAD=$DATA/basket/bad

# The example season is clean, and so are the test folders whose README
# says "No check error".
t_run 0 basket-orders -C "$E" check
t_err_empty
t_out_empty
for d in week53 shared-closure; do
	t_run 0 basket-orders -C "$DATA/basket/$d" check
	t_err_empty
done

# tests/data/basket/bad/README plants one error on each of 8 lines; -k
# reports every one at its file:line (the reader adds the column for a
# bad field) and exits 65.
t_run 65 basket-orders -C "$BAD" check -k
t_out_empty
# orders.csv:3: unknown member M99.
t_err_has "bad/orders.csv:3:"
t_err_has "unknown member 'M99'"
# subscriptions.csv:4: unknown product panier-moyen.
t_err_has "bad/subscriptions.csv:4:"
t_err_has "unknown product 'panier-moyen'"
# subscriptions.csv:5 overlaps subscriptions.csv:3 (M02 panier-grand,
# 2026-03-02..2026-03-30 in both).
t_err_has "bad/subscriptions.csv:5: member 'M02' already subscribes to 'panier-grand' then (line 3)"
# orders.csv:4: quantity -1.
t_err_has "bad/orders.csv:4:"
t_err_has "'-1'"
# orders.csv:5: 1,5 of oeufs-12, sold by the unit.
t_err_has "bad/orders.csv:5:"
t_err_has "'1,5'"
# orders.csv:6: M04's only membership was paid in 2025 (calendar year).
t_err_has "bad/orders.csv:6: member 'M04' has no valid membership on 2026-02-09"
# orders.csv:7: poulet is priced from 2026-03-02 only.
t_err_has "bad/orders.csv:7: product 'poulet' has no price in force on 2026-02-16"
# orders.csv:8: 2026-02-11 is a Wednesday.
t_err_has "bad/orders.csv:8: 2026-02-11 is not a distribution day"
# Exactly those 8 file:line, and nothing about the good lines
# (orders.csv:2 and :9, the other subscriptions).
t_py "the 8 planted file:line, no other" "import re, sys
got = sorted(set(re.findall(r'bad/([a-z]+\.csv:\d+)', open(sys.argv[1], encoding='utf-8').read())))
want = sorted(['orders.csv:%d' % n for n in range(3, 9)] + ['subscriptions.csv:4', 'subscriptions.csv:5'])
assert got == want, got" "$ERR"
# Every message is 'basket-orders: ...'.
t_py "messages start with the program's name" "import sys
for l in open(sys.argv[1], encoding='utf-8'):
	assert l.startswith('basket-orders: '), l" "$ERR"
# BUG: the closing count says '4 problems': it counts only the
# cross-checks (overlap, price, membership, day), not the 4 rows the
# reader rejected; the README's folder has 8 problems.
t_err_has "8 problems"

# Without -k the check stops at the first problem: one file:line, 65.
t_run 65 basket-orders -C "$BAD" check
t_out_empty
t_py "one problem only" "import re, sys
got = re.findall(r'bad/[a-z]+\.csv:\d+', open(sys.argv[1], encoding='utf-8').read())
assert len(got) == 1, got" "$ERR"

# --rejects implies -k: the same 8 problems.
t_run 65 basket-orders -C "$BAD" check --rejects="$TD/rejects.csv"
t_err_has "bad/orders.csv:8: 2026-02-11 is not a distribution day"

# Planted one at a time in a copy of the clean example.
fresh() {	# NAME: a copy of the example in $TD/NAME
	rm -rf "${TD:?}/$1"
	mkdir "$TD/$1"
	cp "$E"/*.csv "$TD/$1/"
}
fresh order
printf '2026-01-05,M05,oeufs-12,"0,5"\n' >>"$TD/order/orders.csv"
n=$(wc -l <"$TD/order/orders.csv")
t_run 65 basket-orders -C "$TD/order" check
t_err_has "orders.csv:$n:"
t_err_has "'0,5'"
# Per-kg products take decimals.
fresh kg
printf '2026-04-13,M05,poulet,"1,25"\n' >>"$TD/kg/orders.csv"
t_run 0 basket-orders -C "$TD/kg" check
t_err_empty
fresh member
printf 'M40,panier-petit,1,2026-01-05,,1,\n' >>"$TD/member/subscriptions.csv"
n=$(wc -l <"$TD/member/subscriptions.csv")
t_run 65 basket-orders -C "$TD/member" check
t_err_has "subscriptions.csv:$n:"
t_err_has "'M40'"
# A Monday closed for Christmas is not a distribution day either.
fresh closed
printf '2025-12-22,M05,oeufs-12,1\n' >>"$TD/closed/orders.csv"
n=$(wc -l <"$TD/closed/orders.csv")
t_run 65 basket-orders -C "$TD/closed" check
t_err_has "orders.csv:$n: 2025-12-22 is not a distribution day"
# The moved distribution's real day is one.
fresh moved
printf '2026-04-07,M05,oeufs-12,2\n' >>"$TD/moved/orders.csv"
t_run 0 basket-orders -C "$TD/moved" check

# A missing folder, a usage error.
t_run 66 basket-orders -C /nonexistent check
t_err_has "cannot open '/nonexistent/"
t_run 64 basket-orders -C "$E" check extra

# Each file may be named by its own option instead of DIR/NAME.csv.
cp "$EX/cafe-pluche/members.csv" "$TD/membres.csv"
t_run 0 basket-orders -C "$EX/cafe-pluche" --members="$TD/membres.csv" check
t_err_empty
t_run 66 basket-orders -C "$EX/cafe-pluche" --orders="$TD/missing.csv" check
t_err "basket-orders: cannot open '$TD/missing.csv': No such file or directory"

t_py_flush
