# The manual pages in man/: mandoc has nothing to say about them, the
# ess-tools pages they refer to exist, ess-tally.1 documents every option
# that --help lists and every vote word, ess-formats.5 every column name
# and alias of ess-tally, and every example in the EXAMPLES sections runs.
#
# An example is a line "$ COMMAND" inside a ".Bd -literal" display of the
# EXAMPLES section; lines "> MORE" right after it continue the command (a
# here-document, say), as a shell prompt shows them.  Other lines of the
# display, up to the next "$ " line, are the output the command must print
# exactly; with none, only its exit status (0) is checked.  The commands
# run one after the other, with stdin from /dev/null, in a scratch folder
# holding a copy of share/examples and tests/data (so paths are written as from the top
# of the source tree) and with $BIN first on PATH.
. "$(dirname "$0")/lib.sh"
MAN=$T_ROOT/man

pages=$(ls "$MAN"/*.[1-9] 2>/dev/null)
[ -n "$pages" ]
t_report $? "man/ holds manual pages"

# mandoc -Tlint at warning level prints nothing for each page.
if command -v mandoc >/dev/null 2>&1; then
	for p in $pages; do
		mandoc -Tlint -W warning "$p" >"$TD/.lint" 2>&1
		[ ! -s "$TD/.lint" ]
		t_report $? "mandoc -Tlint -W warning man/${p##*/}" "$(cat "$TD/.lint")"
	done
else
	for p in $pages; do
		echo "ok - mandoc -Tlint man/${p##*/}: skipped (mandoc is not installed)"
	done
fi

# Every page of the toolkit that a page refers to (.Xr) is there.
for p in $pages; do
	sed -n -e 's/^\.Xr \(ess-[a-z-]*\) \([1-9]\).*/\1.\2/p' \
		-e 's/^\.Xr \(basket-[a-z-]*\) \([1-9]\).*/\1.\2/p' "$p" | sort -u |
	while read -r ref; do
		[ -f "$MAN/$ref" ]
		t_report $? "man/${p##*/} refers to man/$ref, which exists"
	done
done

# Every option --help lists is documented in ess-tally.1, as "Fl -name"
# or "Fl \-name" (long) and "Fl x" (short), followed by a space or the end
# of the line.
page=$MAN/ess-tally.1
"$BIN/ess-tally" --help >"$TD/.help" 2>&1
t_report $? "ess-tally --help exits 0"
longs=$(grep -o -- '--[a-z][a-z0-9-]*' "$TD/.help" | sort -u)
n=$(printf '%s\n' "$longs" | grep -c .)
[ "$n" -ge 20 ]
t_report $? "ess-tally --help lists the long options ($n found)"
for o in $longs; do
	name=${o#--}
	grep -Eq "(^|[[:space:]])Fl \\\\?-$name([[:space:]]|\$)" "$page"
	t_report $? "ess-tally.1 documents $o"
done
shorts=$(sed -n 's/^ *-\([A-Za-z?]\), --.*/\1/p' "$TD/.help" | sort -u)
for s in $shorts; do
	grep -Eq "(^|[[:space:]])Fl [$s]([[:space:]]|\$)" "$page"
	t_report $? "ess-tally.1 documents -$s"
done

# Every column ess-tally knows, with every alias of its column tables
# (cmd/ess-tally/*.c), is in ess-formats.5, and every vote word of
# dots.c and motion.c in ess-tally.1: a name as ".It Cm NAME", an alias
# or a word as ".Ql WORD" (then maybe " ," " ." " ;").
unroff() {	# page: the page with the escapes the lists use undone
	sed -e 's/\\-/-/g' -e 's/\\&//g' -e 's/é/e/g' "$1"
}
has_ql() {	# file word
	awk -v w="$2" '{ sub(/ [,.;]$/, "") } $0 == ".Ql " w { f = 1 } END { exit !f }' "$1"
}
src=$T_ROOT/cmd/ess-tally
unroff "$MAN/ess-formats.5" >"$TD/.formats"
unroff "$page" >"$TD/.tally"
sed -n 's/.*{ "\([a-z_]*\)", "\([^"]*\)", [A-Z_0-9|]* }.*/\1|\2/p' "$src"/*.c >"$TD/.specs"
n=$(grep -c . "$TD/.specs")
[ "$n" -ge 15 ]
t_report $? "ess-tally's column tables are found ($n columns)"
cut -d'|' -f1 "$TD/.specs" | sort -u | while read -r name; do
	grep -qx "\.It Cm $name" "$TD/.formats"
	t_report $? "ess-formats.5 describes the column $name"
done
cut -d'|' -f2- "$TD/.specs" | tr '|' '\n' | sort -u | while read -r alias; do
	has_ql "$TD/.formats" "$alias"
	t_report $? "ess-formats.5 lists the alias '$alias'"
done
{
	cat "$src/dots.c" "$src/motion.c" | grep -o '{ "[^"]*", [VB]_[A-Z]* }' | grep -o '"[^"]*"'
} | tr -d '"' | sort -u >"$TD/.words"
n=$(grep -c . "$TD/.words")
[ "$n" -ge 30 ]
t_report $? "ess-tally's vote words are found ($n words)"
while read -r word; do
	has_ql "$TD/.tally" "$word"
	t_report $? "ess-tally.1 lists the vote word '$word'"
done <"$TD/.words"

# ess-directory.1 documents every option of every command, and
# ess-formats.5 every column of the directory record with its aliases.
page=$MAN/ess-directory.1
for cmd in import validate dedupe query match stats export; do
	"$BIN/ess-directory" "$cmd" --help >"$TD/.help" 2>&1
	t_report $? "ess-directory $cmd --help exits 0"
	for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$TD/.help" | sort -u); do
		name=${o#--}
		grep -Eq "(^|[[:space:]])Fl \\\\?-$name([[:space:]]|\$)" "$page"
		t_report $? "ess-directory.1 documents $cmd $o"
	done
done
src=$T_ROOT/cmd/ess-directory
sed -n 's/.*{ "\([a-z_]*\)", "\([^"]*\)", [A-Z_0-9|]* }.*/\1|\2/p' "$src/record.c" >"$TD/.specs"
n=$(grep -c . "$TD/.specs")
[ "$n" -eq 26 ]
t_report $? "the directory record's columns are found ($n columns)"
cut -d'|' -f1 "$TD/.specs" | sort -u | while read -r name; do
	grep -qx "\.It Cm $name" "$TD/.formats"
	t_report $? "ess-formats.5 describes the record column $name"
done
cut -d'|' -f2- "$TD/.specs" | tr '|' '\n' | sort -u | while read -r alias; do
	has_ql "$TD/.formats" "$alias"
	t_report $? "ess-formats.5 lists the record alias '$alias'"
done

# basket-orders.1 documents every option, and ess-formats.5 every column
# of the data folder's files with its aliases.
page=$MAN/basket-orders.1
"$BIN/basket-orders" --help >"$TD/.help" 2>&1
t_report $? "basket-orders --help exits 0"
for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$TD/.help" | sort -u); do
	grep -Eq "(^|[[:space:]])Fl \\\\?-${o#--}([[:space:]]|\$)" "$page"
	t_report $? "basket-orders.1 documents $o"
done
sed -n 's/.*{ "\([a-z_]*\)", "\([^"]*\)", [A-Z_0-9|]* }.*/\1|\2/p' "$T_ROOT/cmd/basket-orders/data.c" >"$TD/.specs"
n=$(grep -c . "$TD/.specs")
[ "$n" -ge 40 ]
t_report $? "basket-orders' column tables are found ($n columns)"
cut -d'|' -f1 "$TD/.specs" | sort -u | while read -r name; do
	grep -qx "\.It Cm $name" "$TD/.formats"
	t_report $? "ess-formats.5 describes the basket column $name"
done
cut -d'|' -f2- "$TD/.specs" | tr '|' '\n' | sort -u | while read -r alias; do
	has_ql "$TD/.formats" "$alias"
	t_report $? "ess-formats.5 lists the basket alias '$alias'"
done

# ess-minutes.1 documents every option of every command; ess-formats.5
# describes the sign-in sheet's columns with their aliases
# (cmd/ess-minutes/attendance.c), and lists every header key and tail key
# that cmd/ess-minutes/parse.c knows ("key_is(p, "a|b")").
page=$MAN/ess-minutes.1
for cmd in render attendance extract check; do
	"$BIN/ess-minutes" "$cmd" --help >"$TD/.help" 2>&1
	t_report $? "ess-minutes $cmd --help exits 0"
	for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$TD/.help" | sort -u); do
		grep -Eq "(^|[[:space:]])Fl \\\\?-${o#--}([[:space:]]|\$)" "$page"
		t_report $? "ess-minutes.1 documents $cmd $o"
	done
	for s in $(sed -n 's/^ *-\([A-Za-z?]\), --.*/\1/p' "$TD/.help" | sort -u); do
		grep -Eq "(^|[[:space:]])Fl (\\\\&)?[$s]([[:space:]]|\$)" "$page"
		t_report $? "ess-minutes.1 documents $cmd -$s"
	done
done
sed -n 's/.*{ "\([a-z_]*\)", "\([^"]*\)", [A-Z_0-9|]* }.*/\1|\2/p' "$T_ROOT/cmd/ess-minutes/attendance.c" >"$TD/.specs"
n=$(grep -c . "$TD/.specs")
[ "$n" -eq 5 ]
t_report $? "the sign-in sheet's columns are found ($n columns)"
sed -n '/^\.Ss Minutes: sign-in sheet/,/^\.Ss /p' "$TD/.formats" >"$TD/.signin"
cut -d'|' -f1 "$TD/.specs" | sort -u | while read -r name; do
	grep -qx "\.It Cm $name" "$TD/.signin"
	t_report $? "ess-formats.5 describes the sign-in column $name"
done
cut -d'|' -f2- "$TD/.specs" | tr '|' '\n' | sort -u | while read -r alias; do
	has_ql "$TD/.signin" "$alias"
	t_report $? "ess-formats.5 lists the sign-in alias '$alias'"
done
# The header's and the tails' keys: every name of a key_is() list is in
# the Minutes section, as ".It Cm NAME", in an ".It Cm A , B" line, or as
# ".Ql NAME", folded as the parser folds it (no accents, spaces, hyphens
# or final s).
sed -n '/^\.Ss Minutes$/,/^\.Ss /p' "$TD/.formats" |
	sed 's/\\(.\([a-zA-Z]\)/\1/g' |
	awk '/^\.It Cm / { sub(/^\.It Cm /, ""); n = split($0, a, / , /)
		for (i = 1; i <= n; i++) print a[i]; next }
		/^\.Ql / { sub(/^\.Ql /, ""); sub(/ [,.;]$/, ""); print }' |
	tr 'A-Z' 'a-z' | sed -e "s/[ _.'-]//g" -e 's/s$//' | sort -u >"$TD/.keys"
grep -o 'key_is(p, "[^"]*")' "$T_ROOT/cmd/ess-minutes/parse.c" | sed 's/.*"\(.*\)".*/\1/' |
	tr '|' '\n' | sort -u >"$TD/.known"
n=$(grep -c . "$TD/.known")
[ "$n" -ge 30 ]
t_report $? "ess-minutes' header and tail keys are found ($n names)"
while read -r key; do
	grep -qx -- "$key" "$TD/.keys"
	t_report $? "ess-formats.5 lists the minutes key '$key'"
done <"$TD/.known"

# The examples, page by page.
examples() {	# page: writes $TD/ex/N.cmd and N.want, prints N
	rm -rf "$TD/ex"
	mkdir "$TD/ex"
	awk '
		/^\.Sh / { ex = ($2 == "EXAMPLES"); lit = 0; next }
		ex && /^\.Bd -literal/ { lit = 1; next }
		ex && lit && /^\.Ed/ { lit = 0; print "\001"; next }
		ex && lit { print }
	' "$1" |
	sed -e 's/\\-/-/g' -e 's/\\&//g' -e "s/\\\\(aq/'/g" -e 's/\\e/\\/g' |
	awk -v dir="$TD/ex" '
		/^\001$/ { cont = 0; if (n) want = 0; next }
		/^\$ / { if (n) { close(cmd); close(want) }
			n++; cmd = dir "/" n ".cmd"; want = dir "/" n ".want"
			printf "" > want; print substr($0, 3) > cmd; cont = 1; next }
		cont && /^> / { print substr($0, 3) > cmd; next }
		/^>$/ && cont { print "" > cmd; next }
		{ cont = 0; if (want) print > want }
		END { print n + 0 }
	'
}

for p in $pages; do
	base=${p##*/}
	n=$(examples "$p")
	case $base in
	ess-tally.1) [ "$n" -ge 10 ] ;;
	ess-minutes.1) [ "$n" -ge 8 ] ;;
	ess-tools.7) [ "$n" -ge 2 ] ;;
	*) true ;;
	esac
	t_report $? "man/$base: $n runnable examples"
	[ "$n" -gt 0 ] || continue
	work=$TD/work-$base
	mkdir -p "$work/share" "$work/tests"
	cp -R "$T_ROOT/share/examples" "$work/share/"
	cp -R "$T_ROOT/tests/data" "$work/tests/"
	i=1
	while [ "$i" -le "$n" ]; do
		cmd=$(cat "$TD/ex/$i.cmd")
		desc="man/$base example: $(head -n 1 "$TD/ex/$i.cmd" | cut -c 1-90)"
		(cd "$work" && PATH="$BIN:$PATH" sh -c "$cmd") </dev/null >"$TD/ex/$i.got" 2>"$TD/ex/$i.err"
		rc=$?
		[ "$rc" = 0 ]
		t_report $? "$desc: exit 0" "got exit $rc; stderr: $(head -c 600 "$TD/ex/$i.err")"
		if [ -s "$TD/ex/$i.want" ]; then
			cmp -s "$TD/ex/$i.want" "$TD/ex/$i.got"
			t_report $? "$desc: output as shown" "$(diff "$TD/ex/$i.want" "$TD/ex/$i.got" | head -n 30)"
		fi
		i=$((i + 1))
	done
done
