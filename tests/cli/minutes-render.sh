# ess-minutes render: the minutes as Markdown, plain text, JSON (exact
# outputs in tests/data/minutes-render/*.expected.*) and one printable
# HTML page (checked for what it must and must not hold); the round trip
# from the sign-in sheet and the tally to the JSON; the format choice and
# the errors (issue 5).
. "$(dirname "$0")/lib.sh"
D=$DATA/minutes-render
CR=$D/cr.md
W=$D/wrap.md
NB=$(printf '\302\240')	# the no-break spaces of "DÉCISION :" and "Pour 3"

same() {	# EXPECTED: stdout, with the fixtures' folder taken out, is EXPECTED
	sed "s|$D/||g" "$OUT" >"$TD/.got"
	cmp -s "$1" "$TD/.got"
	t_report $? "$T_DESC: stdout is $(basename "$1")" "$(diff "$1" "$TD/.got" | head -n 30)"
}

# --- exact outputs ----------------------------------------------------------
for f in md txt json; do
	t_run 0 ess-minutes render -o "$f" "$CR"
	t_err_empty
	same "$D/cr.expected.$f"
	t_run 0 ess-minutes render -o "$f" "$W"
	same "$D/wrap.expected.$f"
done

# --- Markdown: no header, data blocks as pipe tables, raw HTML escaped -------
t_run 0 ess-minutes render -o md "$CR"
t_out_lacks 'attendance: emargement.csv'
t_out_lacks '```tally'
t_out_has '| 2 | Tarif famille \| 15 € | 3 | 0 | 1 |'
t_out_has '&lt;script>alert(1)&lt;/script>'
t_out_has '- **DÉCISION** : le rapport moral est adopté (pour 3, contre 1, abstention 0)'
t_out_lacks 'javascript:'
t_out_lacks 'file:'
t_out_lacks 'evil.example'
t_out_has '[le site](https://cafe-pluche.fr)'
# Read back by cmark-gfm with raw HTML allowed: still no tag from the
# source, only safe links, and the data blocks as tables.
if command -v cmark-gfm >/dev/null; then
	cmark-gfm --unsafe -e table "$OUT" >"$TD/md.html"
	t_check "md through cmark-gfm: no <script>" sh -c "! grep -q '<script' '$TD/md.html'"
	t_check "md through cmark-gfm: no <img>" sh -c "! grep -q '<img' '$TD/md.html'"
	t_check "md through cmark-gfm: 3 tables" test "$(grep -c '<table>' "$TD/md.html")" = 3
	t_check "md through cmark-gfm: links to https only" test "$(grep -o 'href=\"[a-z]*:' "$TD/md.html" | sort -u)" = 'href="https:'
else
	echo "ok - md through cmark-gfm # skip: no cmark-gfm"
fi

# --- text: 72 columns, no raw tail -------------------------------------------
t_run 0 ess-minutes render -o txt "$CR"
t_out_lacks '{pour'
t_out_lacks '{qui'
t_out_has '- DÉCISION : le rapport moral est adopté — Pour 3, contre 1,'
t_py "no line over 72 columns but the tally's table" "
import sys
long = [l for l in open(sys.argv[1], encoding='utf-8').read().split('\n') if len(l) > 72]
assert len(long) == 4 and all('  ' in l for l in long), long
assert long[0].startswith('motion  label'), long[0]
" "$OUT"
t_run 0 ess-minutes render -o txt "$W"
t_py "72 columns, a word longer than a line left whole" "
import sys
ls = open(sys.argv[1], encoding='utf-8').read().split('\n')
long = [l for l in ls if len(l) > 72]
assert long == ['https://exemple.org/un/tres/long/chemin/qui/ne/doit/jamais/etre/coupe/au/milieu/du/mot.html'], long
assert '  ligne suivante avec un retrait.' in ls
assert '     ligne avec son propre retrait.' in ls
" "$OUT"
t_out_has 'Lien vers le site <https://exemple.org> et relatif et'
t_py "the title underlined" "import sys; assert open(sys.argv[1], encoding='utf-8').read().startswith('Bureau\\n======\\n\\nMercredi 1er mars 2017\\n')" "$OUT"

# --- HTML: one self-contained printable page ---------------------------------
t_run 0 ess-minutes render -o html "$CR"
t_err_empty
t_out_has '<!DOCTYPE html>'
t_out_has '<html lang="fr">'
t_out_has '<meta charset="utf-8">'
t_out_has '@page { size: A4;'
t_out_has 'thead { display: table-header-group; }'
t_out_has 'tr { break-inside: avoid;'
t_out_lacks '<script'
t_out_lacks '<img'
t_out_lacks '<link'
t_out_lacks '@import'
t_out_has '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
t_out_lacks 'javascript:'
t_out_lacks 'file:'
t_out_has 'un piège, un fichier et un logo.'
t_out_has "<li class=\"decision\"><span class=\"kw\">DÉCISION${NB}:</span> le rapport moral est adopté<span class=\"votes\"> — Pour${NB}3, contre${NB}1, abstention${NB}0</span></li>"
t_out_has '<li class="action">'
t_out_lacks '{pour'
t_out_lacks '{qui'
t_out_has '<table class="data tally">'
t_out_has "<caption>Dépouillement${NB}: méthode motion (simple majority: more for than against), 8${NB}bulletins${NB}; présents${NB}: 4, représentés${NB}: 0.</caption>"
t_out_has '<div class="attendance">'
t_out_has "<p><strong>8 participants${NB}: 3 structures, 2 partenaires</strong></p>"
t_out_has "<p>Quorum${NB}: atteint (5 requis, 8 présents ou représentés, sur 10 membres)</p>"
t_py "links only to http(s) and mailto, nothing loaded" "
import re, sys
h = open(sys.argv[1], encoding='utf-8').read()
for m in re.finditer(r'(?:href|src)\s*=\s*\"([^\"]*)\"', h):
    assert re.match(r'(https?:|mailto:)', m.group(1)), m.group(0)
assert 'src=' not in h and 'url(' not in h
" "$OUT"
t_py "the tally's table holds motions.json's counts" "
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.t = []; s.cur = None; s.cell = None; s.on = False
    def handle_starttag(s, tag, a):
        if tag == 'table' and ('class', 'data tally') in a: s.on = True
        elif s.on and tag == 'tr': s.cur = []
        elif s.on and tag in ('td', 'th'): s.cell = ''
    def handle_endtag(s, tag):
        if tag == 'table': s.on = False
        elif s.on and tag in ('td', 'th'): s.cur.append(s.cell); s.cell = None
        elif s.on and tag == 'tr': s.t.append(s.cur)
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
head, rows = p.t[0], p.t[1:]
want = json.load(open('$D/motions.json', encoding='utf-8'))['rows']
assert len(rows) == len(want)
for r, w in zip(rows, want):
    for k in ('for', 'against', 'abstain', 'label'):
        assert r[head.index(k)] == str(w[k]), (k, r, w)
" "$OUT"
t_run 0 ess-minutes render -o html "$W"
t_out_has '<a href="https://exemple.org">vers le site</a> et relatif et javascript:alert(1) et <a href="mailto:bureau@exemple.org">'
t_out_has "<li class=\"decision\"><span class=\"kw\">DÉCISION${NB}:</span> un vote<span class=\"votes\"> — Pour${NB}5, contre${NB}0, abstention${NB}1</span></li>"
t_out_has "Texte${NB}avec éntité — et <code>du &lt;code&gt;</code> en ligne.<br>"

# An entry over several lines has its tail on the last; a task box.
t_run 0 ess-minutes render -o txt "$D/multi.md"
t_out "A
-

- DÉCISION : un texte sur deux lignes — Pour 4, contre 1
- [ ] ACTION : tâche — Qui : Léa

DÉCISION : para suite {pour: 2} Autre ligne

fin"
t_run 0 ess-minutes render -o md "$D/multi.md"
t_out_has '  sur deux lignes (pour 4, contre 1)'
t_out_has '- [ ] **ACTION** : tâche (qui : Léa)'
t_run 0 ess-minutes render -o html "$D/multi.md"
t_out_has "<li class=\"action\">☐ <span class=\"kw\">ACTION${NB}:</span> tâche<span class=\"votes\"> — Qui${NB}: Léa</span></li>"
t_out_lacks 'contre: 1}'

# --- the round trip: the inputs' counts in the JSON --------------------------
t_run 0 ess-minutes render -o json "$CR"
t_py "attendance counts are the sign-in sheet's" "
import csv, json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
rows = list(csv.DictReader(open('$D/emargement.csv', encoding='utf-8')))
a = d['attendance']
assert a['participants'] == len(rows), a
assert a['structures'] == len({r['structure'] for r in rows if r['kind'] == 'structure'}), a
assert a['partners'] == len({r['structure'] for r in rows if r['kind'] == 'partner'}), a
assert a['present'] == sum(r['status'] in ('', 'present') for r in rows), a
assert a['represented'] == sum(r['status'] == 'represented' for r in rows), a
assert a['eligible'] == 10, a
" "$OUT"
t_py "tally rows and counts are motions.json's, numbers as numbers" "
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
want = json.load(open('$D/motions.json', encoding='utf-8'))
t = d['tables'][0]
assert t['tag'] == 'tally' and t['tally'] == want, t['tag']
for r, w in zip(t['rows'], want['rows']):
    for k in ('for', 'against', 'abstain'):
        assert r[t['columns'].index(k)] == w[k], (k, r, w)
dec = d['decisions'][0]
assert (dec['for'], dec['against'], dec['abstain']) == (3, 1, 0), dec
assert d['actions'][0]['owner'] == 'Paul Martin' and d['actions'][0]['due'] == '2017-01-15'
assert [i['title'] for i in d['items']] == ['', 'Rapport moral', 'Ateliers']
assert d['date'] == '2016-11-28' and d['type'] == 'pv-ag'
" "$OUT"

# --- the format: -o, else -O's extension, else Markdown ----------------------
t_run 0 ess-minutes render -O "$TD/cr.html" "$CR"
t_out_empty
t_check "-O cr.html writes HTML" grep -q '^<!DOCTYPE html>' "$TD/cr.html"
t_run 0 ess-minutes render -O "$TD/cr.txt" "$CR"
t_check "-O cr.txt writes text" cmp -s "$TD/cr.txt" "$D/cr.expected.txt"
t_run 0 ess-minutes render -O "$TD/cr.json" "$CR"
t_check "-O cr.json writes JSON" grep -q '"decisions"' "$TD/cr.json"
t_run 0 ess-minutes render "$W"
same "$D/wrap.expected.md"
T_STDIN=$D/nohdr.md
t_run 0 ess-minutes render -o txt -
t_out "Réunion du bureau
=================

Du texte.

Point
-----

DÉCISION : oui"
T_STDIN=$D/nohdr.md
t_run 0 ess-minutes render -o html
t_out_has '<title>Réunion du bureau</title>'
t_out_has "<p class=\"decision\"><span class=\"kw\">DÉCISION${NB}:</span> oui</p>"

# --- errors ------------------------------------------------------------------
t_run 64 ess-minutes render -o csv "$CR"
t_err "ess-minutes: render writes md, html, txt or json, not csv"
t_out_empty
t_run 64 ess-minutes render "$CR" "$W"
t_out_empty
t_run 66 ess-minutes render "$TD/absent.md"
t_out_empty
t_run 64 ess-minutes render --excel "$CR"
echo '<p>kept</p>' >"$TD/keep.html"
t_run 66 ess-minutes render -O "$TD/keep.html" "$TD/absent.md"
t_check "a failed run leaves -O's old file" grep -q kept "$TD/keep.html"
t_run_to 74 /dev/full ess-minutes render -o html "$CR"
t_err_has 'write error'

# French spacing: the space before : ; ! ? and » and after « never ends
# a line, whatever the length of what comes before.
bad=
for k in $(seq 1 75); do
	printf -- '---\ntitle: T\n---\n\n%s mot mot mot mot mot mot mot mot mot mot mot mot mot : fin ; encore ? « cité » !\n' \
		"$(printf "%${k}s" | tr ' ' x)" >"$TD/fr-$k.md"
	"$BIN/ess-minutes" render -o txt "$TD/fr-$k.md" | grep -Eq '^(:|;|\?|!|») |« ?$' && bad="$bad $k"
done
t_check "txt: no line starts with : ; ? ! » nor ends with « (prefix lengths:$bad)" test -z "$bad"

t_py_flush
