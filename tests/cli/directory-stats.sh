# ess-directory stats: counts and shares by family, by another column, by
# department; bars on terminals, SVG, and the errors (issue 3).
. "$(dirname "$0")/lib.sh"
D=$DATA/directory

t_run 0 ess-directory stats "$D/query.csv"
t_out "family,count,share
association,3,42.9
cooperative,2,28.6
mutual,1,14.3
foundation,1,14.3"
t_err_empty
# French family words and capitals are the same family.
t_run 0 ess-directory stats "$D/query.csv" "$D/query-fr.csv" "$D/query.json"
t_out "family,count,share
association,6,54.5
cooperative,3,27.3
mutual,1,9.1
foundation,1,9.1"
t_run 0 ess-directory stats -o json "$D/query.csv"
t_json 'd[0]' '{"family": "association", "count": 3, "share": 42.9}'
t_json 'len(d)' '4'
t_run 0 ess-directory stats -o table "$D/query.csv"
t_out_has "association      3   42.9  ██████████████████████████████"
t_out_has "mutual           1   14.3  ██████████"
t_out_has "7 records"
t_run 0 ess-directory stats --excel "$D/query.csv"
t_out_has "association;3;42,9"

# --by: a column by any of its names, grouped without regard to case and accents.
t_run 0 ess-directory stats --by=commune "$D/query.csv" "$D/query-fr.csv"
t_out "commune,count,share
Nontron,3,33.3
Bourg-en-Bresse,1,11.1
Limoges,1,11.1
Périgueux,1,11.1
Ribérac,1,11.1
Saint-Saud-Lacoussière,1,11.1
Thiviers,1,11.1"
t_run 0 ess-directory stats --by=ville "$D/query-fr.csv"
t_out "ville,count,share
NONTRON,1,50.0
Thiviers,1,50.0"
t_run 0 ess-directory stats --by=note "$D/query.csv"
t_out "note,count,share
keep me,1,14.3
,6,85.7"
# Lists count each value.
t_run 0 ess-directory stats --by=offers "$D/query.csv"
t_out_has "offers,count,share"
t_out_has "salle de réunion,1,14.3"
t_out_has ",1,14.3"
t_run 0 ess-directory stats --by=department "$D/query.csv"
t_out "department,count,share
24,5,71.4
01,1,14.3
87,1,14.3"
printf 'id,postcode,insee_code\n1,20000,2A004\n2,20200,2B033\n3,97400,97411\n4,,24311\n5,,\n' >"$TD/dep.csv"
t_run 0 ess-directory stats --by=département "$TD/dep.csv"
t_out "département,count,share
24,1,20.0
2A,1,20.0
2B,1,20.0
974,1,20.0
,1,20.0"
t_run 0 ess-directory stats -o svg "$D/query.csv"
t_py "svg parses, one bar label per family" 'import sys, xml.dom.minidom as m
d = m.parse(sys.argv[1]); t = " ".join(n.firstChild.data for n in d.getElementsByTagName("text") if n.firstChild)
assert "association" in t and "foundation" in t, t' "$OUT"

# Problems: an unknown family warns and is still counted; an empty input.
printf 'id,family\n1,association\n2,bidule\n3,\n' >"$TD/f.csv"
t_run 0 ess-directory stats "$TD/f.csv"
t_out "family,count,share
association,1,33.3
bidule,1,33.3
,1,33.3"
t_err "ess-directory: $TD/f.csv:3:3: family 'bidule' is not association, cooperative, mutual, foundation, esus, company, public or other"
printf 'id,family\n' >"$TD/empty.csv"
t_run 0 ess-directory stats "$TD/empty.csv"
t_out "family,count,share"
t_run 65 ess-directory stats --by=nope "$D/query.csv"
t_err_has "query.csv:1: no 'nope' column to count by"
printf 'id,name\n1,x\n' >"$TD/nofam.csv"
t_run 65 ess-directory stats "$TD/nofam.csv"
t_err_has "no 'family' column to count by"
t_run 65 ess-directory stats --by=department "$TD/nofam.csv"
t_err_has "no 'postcode' column to count by"
t_run 64 ess-directory stats --by= "$D/query.csv"
t_run 64 ess-directory stats -o html "$D/query.csv"
t_run 66 ess-directory stats "$TD/missing.csv"
t_err "ess-directory: cannot open '$TD/missing.csv': No such file or directory"
t_run_to 74 /dev/full ess-directory stats "$D/query.csv"
t_run 0 ess-directory stats --help
t_out_has "--by=COLUMN"
t_py_flush
