# basket-orders members, calendar and roster: memberships and the members
# entitled to vote (calendar and rolling years, family households, visits),
# the distributions with closures and moves across ISO week 53 and the year
# end, read back as iCalendar, and the volunteers on duty (issue 4).
. "$(dirname "$0")/lib.sh"
D=$DATA/basket/people/year
ICS=$DATA/basket/people/ics-check.py
export SOURCE_DATE_EPOCH=1798761600	# 2027-01-01T00:00:00Z, for DTSTAMP

ics() {	# WANT [NAME PLACE]: stdout is iCalendar with those events (python dict)
	t_py "ics $1" "import sys; exec(compile(open('$ICS', encoding='utf-8').read(), '$ICS', 'exec')); check_ics(sys.argv[1], $1${2:+, $2})" "$OUT"
}

# --- members ------------------------------------------------------------------
t_run 0 basket-orders -C "$D" members --on=2026-12-28
t_err_empty
t_out 'member,name,kind,paid_on,valid_until,status,fee
A1,Anne Martin,family,2026-01-05,2026-12-31,valid,15.00
A2,Bruno Martin,adult,2026-02-01,2026-12-31,valid,10.00
A3,Chloé Martin,family,2026-01-05,2026-12-31,valid,
B1,Denis Roux,adult,2026-01-12,2026-12-31,valid,10.00
C1,Emma Petit,adult,2026-03-15,2026-12-31,valid,10.00
D1,Fanny Blanc,visit,2026-12-28,2026-12-28,visit,2.00
E1,Gilles Noir,,,,lapsed,
F1,Hélène Gris,family,2025-06-01,2025-12-31,lapsed,15.00'
t_run 0 basket-orders -C "$D" members --on=2026-12-28 -o table
t_out_has '5 entitled to vote on 2026-12-28 (an adult membership: its member; a family membership: each member of the household; a visit: none); 2 lapsed, 1 on a visit'
t_out_has 'memberships run until December 31 of the year they are paid'
# The year end: every 2026 membership lapses on January 1.
t_run 0 basket-orders -C "$D" members --on=2027-01-11 -o json
t_json 'd["eligible"]' '1'
t_json '[r["member"] for r in d["rows"] if r["status"] == "valid"]' '["B1"]'
t_json '[d["on"], d["membership_year"], d["lapsed"], d["visits"]]' '["2027-01-11", "calendar", 7, 0]'
t_json 'd["rows"][3]' '{"member": "B1", "name": "Denis Roux", "kind": "adult", "paid_on": "2027-01-04", "valid_until": "2027-12-31", "status": "valid", "fee": 10.0}'
t_run 0 basket-orders -C "$D" members --on=2026-12-31 -o json
t_json 'd["eligible"]' '5'
t_run 0 basket-orders -C "$D" members --on=2027-01-01 -o json
t_json 'd["eligible"]' '0'
# Rolling years: twelve months, the last day the day before.
cp -r "$D" "$TD/rolling"
sed -i 's/^membership_year,calendar/membership_year,rolling/' "$TD/rolling/settings.csv"
t_run 0 basket-orders -C "$TD/rolling" members --on=2027-01-04
t_cols 1,5,6 'member,valid_until,status
A1,2027-01-04,valid
A2,2027-01-31,valid
A3,2027-01-04,valid
B1,2028-01-03,valid
C1,2027-03-14,valid
D1,2026-12-28,lapsed
E1,,lapsed
F1,2026-05-31,lapsed'
t_run 0 basket-orders -C "$TD/rolling" members --on=2027-01-05 -o md
t_out_has '3 entitled to vote on 2027-01-05'
t_out_has 'memberships run twelve months from the day they are paid'
t_out_has '| A3 | Chloé Martin | family | 2026-01-05 | 2027-01-04 | lapsed |  |'
t_run 0 basket-orders -C "$TD/rolling" members --on=2027-01-11 -o json
t_json '[d["eligible"], [r["member"] for r in d["rows"] if r["status"] == "valid"]]' '[3, ["A2", "B1", "C1"]]'
# A membership paid after the day asked does not count yet.
t_run 0 basket-orders -C "$D" members --on=2026-01-04 -o json
t_json '[r["status"] for r in d["rows"]]' '["lapsed", "lapsed", "lapsed", "lapsed", "lapsed", "lapsed", "lapsed", "lapsed"]'
t_json 'd["rows"][7]["valid_until"]' '"2025-12-31"'

# --- calendar -----------------------------------------------------------------
# ISO week 53 of 2026 (Monday 2026-12-28) and the year end.
t_run 0 basket-orders -C "$D" calendar --from=2026-12-14 --to=2027-01-18
t_err_empty
t_out 'date,weekday,status,moved_to,reason
2026-12-14,monday,held,,
2026-12-21,monday,closed,,"Noël, fermeture"
2026-12-28,monday,held,,
2027-01-04,monday,closed,,inventaire
2027-01-11,monday,moved,2027-01-12,galette des rois
2027-01-18,monday,held,,'
# The issue's own example: 2015-12-28 (week 53 of 2015) to 2016-01-11.
t_run 0 basket-orders -C "$D" calendar --from=2015-12-28 --to=2016-01-11 -o table
t_out_has '2015-12-28  monday   closed            Noël 2015'
t_out_has '2016-01-11  monday   held'
t_out_has '2015-12-28 to 2016-01-11: 2 held, 0 moved, 1 closed'
# A span that starts mid-week and holds no Monday.
t_run 0 basket-orders -C "$D" calendar --from=2026-12-29 --to=2027-01-03
t_out 'date,weekday,status,moved_to,reason'

# --- calendar -o ics ----------------------------------------------------------
NAME='Café « Pluche »; les paniers, bio \ du lundi'
PLACE="Salle des fêtes, 2 place de l'Église; 24300 Nontron — entrée par la cour, derrière la mairie, à gauche après le préau"
t_run 0 basket-orders -C "$D" calendar --from=2026-12-14 --to=2027-01-18 -o ics
t_err_empty
ics "{'2026-12-14@cafe-pluche-les-paniers-bio-du-lundi': ('20261214T150000', '20261214T173000'), '2026-12-28@cafe-pluche-les-paniers-bio-du-lundi': ('20261228T150000', '20261228T173000'), '2027-01-11@cafe-pluche-les-paniers-bio-du-lundi': ('20270112T150000', '20270112T173000'), '2027-01-18@cafe-pluche-les-paniers-bio-du-lundi': ('20270118T150000', '20270118T173000')}" "'''$NAME''', '''$PLACE'''"
t_out_has 'DTSTAMP:20270101T000000Z'
t_out_has 'X-WR-CALNAME:Café « Pluche »\; les paniers\, bio \\ du lundi'
t_out_has 'SUMMARY:Basket distribution — Café « Pluche »\; les'
t_out_has 'LOCATION:Salle des fêtes\, 2 place de l'"'"'Église\; 24300 Nontron — entré'
t_out_has 'DESCRIPTION:moved from 2027-01-11'
t_out_lacks '2026-12-21@'
# Summer time: the hours stay 15:00 local, 13:00 UTC.
t_run 0 basket-orders -C "$D" calendar --from=2026-06-29 --to=2026-07-05 -o ics
t_out_has 'DTSTART;TZID=Europe/Paris:20260629T150000'
t_py "15:00 in Paris is 13:00 UTC in summer" "import sys, re, datetime, zoneinfo
s = re.search(r'DTSTART;TZID=Europe/Paris:(\d{8}T\d{6})', open(sys.argv[1], encoding='utf-8').read()).group(1)
t = datetime.datetime.strptime(s, '%Y%m%dT%H%M%S').replace(tzinfo=zoneinfo.ZoneInfo('Europe/Paris'))
assert t.astimezone(datetime.timezone.utc).hour == 13" "$OUT"
# Without a name: the UID's domain is basket-orders; no LOCATION.
mkdir "$TD/bare"
cp "$D/products.csv" "$D/members.csv" "$TD/bare/"
t_run 0 basket-orders -C "$TD/bare" calendar --from=2016-01-01 --to=2016-01-11 -o ics
ics "{'2016-01-04@basket-orders': ('20160104T150000', '20160104T170000'), '2016-01-11@basket-orders': ('20160111T150000', '20160111T170000')}"
t_out_lacks 'LOCATION'
t_out_has 'SUMMARY:Basket distribution'
# -O is atomic; a full disk is exit 74.
t_run 0 basket-orders -C "$D" calendar --from=2026-12-14 --to=2027-01-18 -o ics -O "$TD/cal.ics"
t_out_empty
t_check "-O wrote the calendar" grep -q 'END:VCALENDAR' "$TD/cal.ics"
t_run_to 74 /dev/full basket-orders -C "$D" calendar --from=2026-12-14 --to=2027-01-18 -o ics

# --- roster -------------------------------------------------------------------
t_run 0 basket-orders -C "$D" roster --from=2026-12-14 --to=2027-01-18
t_out 'date,role,member,name
2026-12-14,accueil,A1,Anne Martin
2026-12-14,caisse,B1,Denis Roux
2026-12-28,accueil,C1,Emma Petit
2026-12-28,caisse,C1,Emma Petit
2027-01-12,accueil,A1,Anne Martin
2027-01-12,caisse,A3,Chloé Martin
2027-01-18,,,'
t_err "basket-orders: $D/roster.csv:4: no distribution on 2026-12-21: Noël, fermeture
basket-orders: $D/roster.csv:7: no distribution on 2027-01-11: the distribution was moved"
t_run 0 basket-orders -C "$D" roster --gaps --from=2026-12-14 --to=2027-01-18
t_out 'date,volunteers
2026-12-28,1
2027-01-18,0'
t_run 0 basket-orders -C "$D" roster --gaps --min=3 --from=2026-12-14 --to=2027-01-18 -o table
t_out_has '4 distributions held, 4 with fewer than 3 volunteers'
t_run 0 basket-orders -C "$D" roster --gaps --min=1 --from=2026-12-14 --to=2027-01-18
t_out 'date,volunteers
2027-01-18,0'
t_run 0 basket-orders -C "$D" roster --from=2027-01-05 --to=2027-01-12 -o json
t_json 'd' '[{"date": "2027-01-12", "role": "accueil", "member": "A1", "name": "Anne Martin"}, {"date": "2027-01-12", "role": "caisse", "member": "A3", "name": "Chloé Martin"}]'

# --- usage --------------------------------------------------------------------
t_run 64 basket-orders -C "$D" calendar --from=2027-01-18 --to=2026-12-14
t_err_has 'before'
t_run 64 basket-orders -C "$D" calendar --from=2026-12-14
t_err_has 'calendar needs --from=DATE and --to=DATE'
t_run 64 basket-orders -C "$D" roster --gaps --min=0
t_err_has "--min: '0'"
t_run 64 basket-orders -C "$D" members --on=2026-13-01
t_err_has "'2026-13-01' is not a date"
t_run 64 basket-orders -C "$D" members -o ics
t_err_has 'ics'
t_py_flush
