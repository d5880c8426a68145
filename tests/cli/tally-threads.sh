# The reader thread changes nothing: rows, messages, their order and the
# exit status are the same with ESS_THREADS=1 (one thread), on an input of
# many batches with quoted fields, quoted line ends, CRLF, bad rows and
# accents.
. "$(dirname "$0")/lib.sh"

awk 'BEGIN {
	print "voter;item;label;vote"
	split("vert rouge abstention vert vert rouge", v, " ")
	for (i = 1; i <= 30000; i++) {
		item = i % 37
		if (i % 5 == 0)
			label = "\"Mobilité; transport \"\"doux\"\"\""
		else if (i % 7 == 0)
			label = "\"Circuits courts\nalimentaires\""
		else
			label = "Économie sociale " item
		vote = v[i % 6 + 1]
		if (i % 1999 == 0)
			vote = "bleu"			# a bad vote
		if (i % 2999 == 0)
			vote = vote ";de trop"		# a ragged row
		if (i % 4001 == 0)
			label = "\"mal\"placé"		# a misplaced quote
		printf "P%d;%d;%s;%s%s\n", i % 211, item, label, vote, (i % 3 ? "" : "\r")
	}
}' >"$TD/many.csv"

for opts in "" "--group-by=voter" "-o json" "--max-per-voter=3 --strict-voters"; do
	# shellcheck disable=SC2086
	ESS_THREADS=1 "$BIN/ess-tally" -k $opts "$TD/many.csv" >"$TD/one.out" 2>"$TD/one.err"
	rc1=$?
	# shellcheck disable=SC2086
	"$BIN/ess-tally" -k $opts "$TD/many.csv" >"$TD/two.out" 2>"$TD/two.err"
	rc2=$?
	[ "$rc1" = "$rc2" ] && [ "$rc1" = 65 ]
	t_report $? "threads ${opts:-(plain)}: same exit status 65" "one thread $rc1, two $rc2"
	cmp -s "$TD/one.out" "$TD/two.out"
	t_report $? "threads ${opts:-(plain)}: same output" "$(diff "$TD/one.out" "$TD/two.out" | head)"
	cmp -s "$TD/one.err" "$TD/two.err"
	t_report $? "threads ${opts:-(plain)}: same messages in the same order" "$(diff "$TD/one.err" "$TD/two.err" | head)"
done
[ "$(grep -c 'neither green' "$TD/two.err")" -ge 10 ]
t_report $? "threads: the bad votes are all reported" "$(head -3 "$TD/two.err")"
grep -q 'misplaced quote' "$TD/two.err"
t_report $? "threads: the misplaced quote is reported"

# The same from a pipe, where reads come in uneven pieces.
ESS_THREADS=1 "$BIN/ess-tally" -k "$TD/many.csv" >"$TD/one.out" 2>/dev/null
cat "$TD/many.csv" | "$BIN/ess-tally" -k - >"$TD/two.out" 2>/dev/null
cmp -s "$TD/one.out" "$TD/two.out"
t_report $? "threads: a pipe gives the same tally as a file" "$(diff "$TD/one.out" "$TD/two.out" | head)"
