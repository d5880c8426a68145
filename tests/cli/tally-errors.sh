# ess-tally's error paths as a user meets them: each checks the exit status
# (sysexits: 64 usage, 65 data, 66 input, 73 output, 74 I/O) and the
# message with file:line:col, columns counted in characters
# (parsing-pitfalls.md, "What a trustworthy filter does").
. "$(dirname "$0")/lib.sh"

HEAD=rank,item,label,green,red,abstain,total,net,approval
HINT='invalid UTF-8 (if the file comes from a spreadsheet, try --encoding=windows-1252)'
MQ='misplaced quote'

# --- a bad vote value, at the line and column of the vote --------------------
F=$TD/bad-vote.csv
printf 'item,vote\nA,vert\nAbc,bleu\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:5: vote 'bleu' is neither green, red nor abstain"
t_out_empty
# From stdin.
T_STDIN=$F t_run 65 ess-tally
t_err_has ":3:5: vote 'bleu' is neither green, red nor abstain"
t_err_has "stdin"
# After a record that spans two lines: line 4.
printf 'item,label,vote\nA,"x\ny",vert\nB,z,bleu\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:4:5: vote 'bleu' is neither green, red nor abstain"
# On the second line of its own record.
printf 'item,vote\n"A\nb",bleu\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:4: vote 'bleu' is neither green, red nor abstain"
# Columns count characters, not bytes; the BOM is not one.
printf 'item,vote\nÉté,bleu\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:5: vote 'bleu' is neither green, red nor abstain"
printf '\357\273\277item;vote\r\nA;vert\r\nB;bleu\r\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:3: vote 'bleu' is neither green, red nor abstain"
printf 'item\tvote\nAb\tbleu\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:4: vote 'bleu' is neither green, red nor abstain"
# A quoted vote points at its opening quote.
printf 'item,label,vote\nA,"a, b","bleu"\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:10: vote 'bleu' is neither green, red nor abstain"

# --- columns ------------------------------------------------------------------
F=$TD/cols.csv
# The vote column is missing: named, on line 1.
printf 'item,colour of sticker\nA,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "ess-tally: $F:1: "
t_err_has "'vote'"
t_out_empty
# Neither item nor label.
printf 'foo,bar\nA,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "ess-tally: $F:1: "
t_err_has "'item'"
# Both forms at once.
printf 'item,vote,green\nA,vert,1\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "ess-tally: $F:1: "
t_err_has "one form or the other"
# Duplicate and empty header names.
printf 'item,vote,item\nA,vert,x\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:1: column 'item' appears twice in the header (columns 1 and 3)"
printf 'item,,vote\nA,x,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:1: column 2 of the header has no name"
printf 'item,vote,\nA,vert,\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:1: column 3 of the header has no name"
# Two names for one column.
printf 'item,id,vote\nA,A,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "ess-tally: $F:1: "
t_err_has "'item'"
t_err_has "'id'"

# --- ragged rows --------------------------------------------------------------
F=$TD/ragged.csv
printf 'item,label,vote\nA,vert\nB,x,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2: 2 fields, the header has 3"
t_out_empty
printf 'item,vote\nA,vert\nB,vert,x,y\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3: 4 fields, the header has 2"
# A record over two lines is one record.
printf 'item,label,vote\nA,"x\ny"\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2: 2 fields, the header has 3"

# --- quotes -------------------------------------------------------------------
F=$TD/quotes.csv
# Unterminated: at the line and column where the quote opened.
printf 'item,vote\nA,vert\nB,"vert\nC,rouge\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:3: unterminated quoted field"
t_out_empty
printf 'item,label,vote\n"A,x,vert\nB,y,vert\nC,z,vert\nD,w,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:1: unterminated quoted field"
printf 'item,label,vote\nA,"x\ny",vert\nB,"z,rouge' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:4:3: unterminated quoted field"
# a"b: at the quote.
printf 'item,vote\nA,vert\nB"x,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "ess-tally: $F:3:2: $MQ"
printf 'item,vote\nA,ve"rt\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "ess-tally: $F:2:5: $MQ"
# "a"b and "a" ,: an error on that line, never the rest swallowed.
printf 'item,vote\n"A"b,vert\nC,bleu\n' >"$F"
t_run 65 ess-tally -k "$F"
t_err_has "ess-tally: $F:2:"
t_err_has "$MQ"
t_err_has "ess-tally: $F:3:3: vote 'bleu'"
printf 'item,vote\n"A" ,vert\nC,bleu\n' >"$F"
t_run 65 ess-tally -k "$F"
t_err_has "ess-tally: $F:2:"
t_err_has "$MQ"
t_err_has "ess-tally: $F:3:3: vote 'bleu'"

# --- bytes --------------------------------------------------------------------
F=$TD/bytes.csv
printf 'item,vote\nA,vert\nB,ve\000rt\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:5: NUL byte in the data"
t_out_empty
printf 'item,vote\nA,vert\nD\351c,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:2: $HINT"
t_out_empty
printf 'It\351m,vote\nA,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:1:3: $HINT"
printf 'item,label,vote\nA,"Caf\351, bar",vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:7: $HINT"
printf 'item,vote\nÉté,vert\nB,vert\nC\377,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:4:2: $HINT"

# --- empty input, header only -------------------------------------------------
F=$TD/empty.csv
: >"$F"
t_run 65 ess-tally "$F"
t_err_has "$F"
t_err_has "no header row"
t_out_empty
t_run 65 ess-tally
t_err_has "no header row"
printf '\n\n\n' >"$F"
t_run 65 ess-tally "$F"
t_err_has "no header row"
printf '\357\273\277' >"$F"
t_run 65 ess-tally "$F"
t_err_has "no header row"
t_run 65 ess-tally -m motion "$TD/empty.csv"
t_err_has "no header row"
F=$TD/header.csv
printf 'item,vote\n' >"$F"
t_run 0 ess-tally "$F"
t_out "$HEAD"
t_err_empty
printf 'item,vote' >"$F"
t_run 0 ess-tally "$F"
t_out "$HEAD"
t_run 0 ess-tally -o tsv "$F"
t_out "$(echo "$HEAD" | tr , '\t')"
t_run 0 ess-tally -o jsonl "$F"
t_out_empty
t_run 0 ess-tally -o json "$F"
t_out_has '"rows": []'
t_out_has '"ties": []'
printf '[]\n' >"$TD/empty.json"
t_run 0 ess-tally "$TD/empty.json"
t_out "$HEAD"

# --- files that cannot be read ------------------------------------------------
t_run 66 ess-tally "$TD/nope.csv"
t_err "ess-tally: cannot open '$TD/nope.csv': No such file or directory"
t_out_empty
mkdir "$TD/adir"
t_run 66 ess-tally "$TD/adir"
t_err "ess-tally: cannot read '$TD/adir': Is a directory"
printf 'item,vote\nA,vert\n' >"$TD/good.csv"
t_run 66 ess-tally "$TD/good.csv" "$TD/nope.csv"
t_err_has "'$TD/nope.csv'"
t_out_empty
if [ "$(id -u)" != 0 ]; then
	printf 'item,vote\n' >"$TD/locked.csv"
	chmod 000 "$TD/locked.csv"
	t_run 66 ess-tally "$TD/locked.csv"
	t_err "ess-tally: cannot open '$TD/locked.csv': Permission denied"
else
	t_report 0 "unreadable file: skipped as root"
fi
# A read error (EIO): /proc/self/mem has nothing mapped at offset 0.
if [ -r /proc/self/mem ]; then
	t_run 74 ess-tally /proc/self/mem
	t_err_has "read error"
	t_err_has "/proc/self/mem"
	t_out_empty
else
	t_report 0 "read error: skipped (no /proc/self/mem)"
fi

# --- options ------------------------------------------------------------------
G=$TD/good.csv
for args in --sort=foo --sort= --top=0 --top=x --top=-1 --top=1.5 --max-per-voter=0 --max-per-voter=x \
    -oxml --output=pdf -ixml --input=xls -dx -d,, --delimiter= --method=x; do
	t_run 64 ess-tally "$args" "$G"
	t_err_has "ess-tally"
	t_out_empty
done
t_run 64 ess-tally --sort=foo "$G"
t_err_has "--sort: 'foo'"
t_run 64 ess-tally --top=0 "$G"
t_err_has "--top"
t_run 64 ess-tally -o xml "$G"
t_err_has "'xml'"
t_run 64 ess-tally -i xml "$G"
t_err_has "'xml'"
t_run 64 ess-tally -d x "$G"
t_err_has "'x'"
t_run 64 ess-tally --encoding=klingon "$G"
t_err_has "'klingon'"
t_run 64 ess-tally --excel -o json "$G"
t_err_has "--excel"
t_run 64 ess-tally -O
t_err_has "ess-tally"
t_run 64 ess-tally --bogus "$G"
t_err_has "--bogus"
t_err_has "ess-tally"

# --- output that cannot be written -------------------------------------------
t_run_to 74 /dev/full ess-tally "$G"
t_err "ess-tally: write error: No space left on device"
t_run_to 74 /dev/full ess-tally -o json "$G"
t_err_has "write error"
t_run_to 74 /dev/full ess-tally -o table "$G"
t_err_has "write error"
t_run_to 74 /dev/full ess-tally -m motion "$DATA/tally/ag-proxies.csv"
t_err_has "write error"
# stdout closed.
"$BIN/ess-tally" "$G" >&- 2>"$ERR"
rc=$?
T_DESC="ess-tally good.csv >&-"
[ "$rc" = 74 ]
t_report $? "$T_DESC: exit 74" "got exit $rc; stderr: $(head -c 600 "$ERR")"
t_err_has "write error"
# -O into a folder that does not exist.
t_run 73 ess-tally -O "$TD/nodir/out.csv" "$G"
t_err "ess-tally: cannot create '$TD/nodir/out.csv': No such file or directory"
t_out_empty
t_run 73 ess-tally --rejects="$TD/nodir/rej.csv" "$G"
t_err_has "cannot create '$TD/nodir/rej.csv'"
# | head: killed by SIGPIPE (141 in the shell), nothing said.
seq 1 200000 | awk 'BEGIN { print "item,label,vote" } { print $1 ",Libellé " $1 ",vert" }' >"$TD/big.csv"
( "$BIN/ess-tally" "$TD/big.csv" 2>"$TD/pipe.err"; echo $? >"$TD/pipe.rc" ) | head -c1 >/dev/null
T_DESC="ess-tally big.csv | head -c1"
[ "$(cat "$TD/pipe.rc")" = 141 ]
t_report $? "$T_DESC: status 141 (SIGPIPE)" "got $(cat "$TD/pipe.rc"); stderr: $(head -c 300 "$TD/pipe.err")"
[ ! -s "$TD/pipe.err" ]
t_report $? "$T_DESC: nothing on stderr" "stderr: $(head -c 300 "$TD/pipe.err")"

# --- JSON -------------------------------------------------------------------------
J=$TD/in.json
printf '[{"item":"A","vote":"vert"}] x\n' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:1:30: "
t_err_has "]"
t_out_empty
printf '[{"item":"A","vote":"vert"},\n{"item":"B","vote":"vert"}' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:2:27: "
t_err_has "not closed"
printf '[{"item":"A","vote":"vert"},\n{"item":"B","vo' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:2:"
# Duplicate key: jansson points at the end of the second key.
printf '[{"item":"A","vote":"vert","vote":"rouge"}]' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:1:33: "
t_err_has "duplicate"
printf '[{"item":"A","vote":"vert","count":18446744073709551616}]' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:1:55: "
t_err_has "too big"
printf '[{"item":"A","vote":"vert","count":NaN}]' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:1:38: "
printf '[{"item":"A","vote":"vert","count":1e400}]' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:1:"
printf '[{"item":"A","vote":"v\351rt"}]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:1:23: $HINT"
printf '[{"item":"A","vote":"vert"},\n{"item":{"x":1},"vote":"vert"}]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:2: record 2: key 'item' holds a nested object or array"
printf '[{"item":[["A"]],"vote":"vert"}]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:1: record 1: key 'item' holds a nested object or array"
# Wrong type or null in a field: the record and the key.
printf '[{"item":"A","vote":null}]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:1: record 1, key 'vote': vote '' is neither green, red nor abstain"
printf '[\n{"item":"A","vote":"vert"},\n{"item":"B","vote":3}\n]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:3: record 2, key 'vote': vote '3' is neither green, red nor abstain"
printf '[{"item":"A","vote":"vert","count":2.5}]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:1: record 1, key 'count': count '2.5' is not a whole number of at least 0"
printf '[{"item":"A","vote":"vert","count":true}]' >"$J"
t_run 65 ess-tally "$J"
t_err "ess-tally: $J:1: record 1, key 'count': count 'true' is not a whole number of at least 0"
printf '[{"item":"A","vote":"vert"},[1]]' >"$J"
t_run 65 ess-tally "$J"
t_err_has "ess-tally: $J:1:29: "
printf '{"item":"A","vote":"vert"}\n\n{"item":"B","vote":"vert"}\n' >"$TD/in.jsonl"
t_run 65 ess-tally "$TD/in.jsonl"
t_err "ess-tally: $TD/in.jsonl:2:1: blank line in JSON Lines"
printf '{"item":"A","vote":"vert"}\n{"item":"B","vote":"bleu"}\n' >"$TD/in.jsonl"
t_run 65 ess-tally "$TD/in.jsonl"
t_err "ess-tally: $TD/in.jsonl:2: record 2, key 'vote': vote 'bleu' is neither green, red nor abstain"
printf '{"item":"A","vote":"vert"} {"item":"B"}\n' >"$TD/in.jsonl"
t_run 65 ess-tally "$TD/in.jsonl"
t_err_has "ess-tally: $TD/in.jsonl:1:28: "

# --- counts --------------------------------------------------------------------------
F=$TD/count.csv
for c in 5x 0x10 1e3 -1 1.5 '"1,5"' '"1,5,3"' abc '+'; do
	printf 'item,vote,count\nA,vert,%s\n' "$c" >"$F"
	v=$(printf '%s' "$c" | tr -d '"')
	t_run 65 ess-tally "$F"
	t_err "ess-tally: $F:2:8: count '$v' is not a whole number of at least 0"
done
# Beyond int64.
printf 'item,vote,count\nA,vert,9223372036854775808\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:8: count '9223372036854775808' is not a whole number of at least 0"
# Sums overflow-checked: at the row that overflows.
printf 'item,vote,count\nA,vert,9223372036854775807\nA,vert,1\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:8: the count overflows"
t_out_empty
printf 'item,vote,count\nA,vert,9223372036854775807\nB,rouge,1\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:9: the count overflows"
printf 'item,green,red\nA,9223372036854775807,0\nA,1,0\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:3:3: the count overflows"
printf 'item,green,red\nA,9223372036854775807,9223372036854775807\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:23: the count overflows"
# The largest count that fits is fine.
printf 'item,vote,count\nA,vert,9223372036854775807\n' >"$F"
t_run 0 ess-tally "$F"
t_out "$HEAD
1,A,,9223372036854775807,0,0,9223372036854775807,9223372036854775807,100.0"
# Wide counts.
printf 'item,green,red\nA,x,1\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:3: green count 'x' is not a whole number of at least 0"
printf 'item,green,red\nA,1,-2\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:5: red count '-2' is not a whole number of at least 0"

# --- a row without item or label ---------------------------------------------------
printf 'item,label,vote\n,,vert\n' >"$F"
t_run 65 ess-tally "$F"
t_err "ess-tally: $F:2:1: no item and no label"
