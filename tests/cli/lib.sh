# tests/cli/lib.sh: drive a binary as a user does and check what it says.
#
#   t_run STATUS CMD [ARG]...   runs $BIN/CMD with stdin from $T_STDIN (or
#                               /dev/null); stdout in $OUT, stderr in $ERR;
#                               checks the exit status
#   t_out TEXT                  stdout is exactly TEXT (a final newline added)
#   t_out_file FILE             stdout is exactly FILE's content
#   t_out_has TEXT              stdout contains TEXT (fixed string)
#   t_out_lacks TEXT            stdout does not contain TEXT
#   t_err_has TEXT              stderr contains TEXT (fixed string)
#   t_err_empty                 nothing on stderr
#   t_check NAME CMD [ARG]...   ok when CMD succeeds
#   t_err TEXT, t_out_empty     stderr is exactly TEXT; nothing on stdout
#   t_run_to STATUS TARGET CMD  like t_run, stdout to TARGET
#   t_json, t_cols, t_py        python3 checks, queued; t_py_flush runs them
#
# Every check prints one TAP line.  $TD is a fresh temporary folder, $EX
# the examples folder, $DATA tests/data.
set -u
: "${BIN:?BIN must name the folder of the binaries}"
T_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EX=$T_ROOT/share/examples
DATA=$T_ROOT/tests/data
TD=$(mktemp -d)
trap 'rm -rf "$TD"' EXIT
OUT=$TD/.out
ERR=$TD/.err
T_STDIN=/dev/null
T_DESC=
export ESS_LOCALEDIR="$T_ROOT/build/locale"
export LC_ALL=C.UTF-8
unset LANGUAGE

t_report() {	# ok(0|1) description [detail]
	if [ "$1" = 0 ]; then
		echo "ok - $2"
	else
		echo "not ok - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /' | head -n 30
	fi
	return 0
}

t_run() {
	want=$1
	shift
	t_run_to "$want" "$OUT" "$@"
}

t_out() {
	printf '%s\n' "$1" >"$TD/.want"
	cmp -s "$TD/.want" "$OUT"
	t_report $? "$T_DESC: stdout" "$(diff "$TD/.want" "$OUT" | head -n 30)"
}

t_out_file() {
	cmp -s "$1" "$OUT"
	t_report $? "$T_DESC: stdout is $(basename "$1")" "$(diff "$1" "$OUT" | head -n 30)"
}

t_out_has() {
	grep -qF -- "$1" "$OUT"
	t_report $? "$T_DESC: stdout has '$1'" "stdout: $(head -c 600 "$OUT")"
}

t_out_lacks() {
	! grep -qF -- "$1" "$OUT"
	t_report $? "$T_DESC: stdout lacks '$1'" "stdout: $(head -c 600 "$OUT")"
}

t_err_has() {
	grep -qF -- "$1" "$ERR"
	t_report $? "$T_DESC: stderr has '$1'" "stderr: $(head -c 600 "$ERR")"
}

t_err_empty() {
	[ ! -s "$ERR" ]
	t_report $? "$T_DESC: stderr empty" "stderr: $(head -c 600 "$ERR")"
}


t_check() {	# NAME COMMAND...: ok when the command succeeds
	name=$1
	shift
	"$@" >/dev/null 2>&1
	t_report $? "$name"
}

# Helpers the theme files share.
t_err() {	# stderr is exactly TEXT
	printf '%s\n' "$1" >"$TD/.werr"
	cmp -s "$TD/.werr" "$ERR"
	t_report $? "$T_DESC: stderr is '$(printf '%s' "$1" | head -n 1)'" "$(diff "$TD/.werr" "$ERR" | head -n 30)"
}
t_out_empty() {
	[ ! -s "$OUT" ]
	t_report $? "$T_DESC: stdout empty" "stdout: $(head -c 600 "$OUT")"
}
t_run_to() {	# STATUS TARGET CMD [ARG]...: like t_run, stdout to TARGET
	want=$1
	target=$2
	shift 2
	cmd=$1
	shift
	if [ "$target" = "$OUT" ]; then
		T_DESC=$(printf "%s" "$cmd $*" | sed "s|$T_ROOT/||g")
	else
		T_DESC=$(printf "%s" "$cmd $* > $target" | sed "s|$T_ROOT/||g")
	fi
	"$BIN/$cmd" "$@" <"$T_STDIN" >"$target" 2>"$ERR"
	rc=$?
	T_STDIN=/dev/null
	[ "$rc" = "$want" ]
	t_report $? "$T_DESC: exit $want" "got exit $rc; stderr: $(head -c 600 "$ERR")"
}

# Checks that need python3 (JSON, CSV fields, SVG) are queued with a copy
# of what they look at, and run by one python3 at the end (t_py_flush):
# python3 takes most of a second to start.
T_PYQ=$TD/.pyq
T_PYN=0
t_pyq() {	# KIND DESC A B FILE: queues a check
	T_PYN=$((T_PYN + 1))
	mkdir -p "$T_PYQ/$T_PYN"
	printf '%s' "$1" >"$T_PYQ/$T_PYN/kind"
	printf '%s' "$2" >"$T_PYQ/$T_PYN/desc"
	printf '%s' "$3" >"$T_PYQ/$T_PYN/a"
	printf '%s' "$4" >"$T_PYQ/$T_PYN/b"
	cp "$5" "$T_PYQ/$T_PYN/out" 2>/dev/null || : >"$T_PYQ/$T_PYN/out"
}
t_json() {	# EXPR WANT: EXPR over the JSON on stdout (as d), dumped by json.dumps, is WANT
	t_pyq json "$T_DESC: json $1 is $2" "$1" "$2" "$OUT"
}
t_cols() {	# FIELDS TEXT: those fields (1-based, comma-separated) of the CSV on stdout are TEXT
	t_pyq cols "$T_DESC: fields $1" "$1" "$2" "$OUT"
}
t_py() {	# NAME SCRIPT FILE: SCRIPT runs without error with FILE as sys.argv[1]
	t_pyq py "$T_DESC: $1" "$2" "" "$3"
}
t_py_flush() {
	[ "$T_PYN" -gt 0 ] || return 0
	if ! command -v python3 >/dev/null; then
		for n in $(seq 1 "$T_PYN"); do
			t_report 0 "$(cat "$T_PYQ/$n/desc") (skipped: no python3)"
		done
		return 0
	fi
	python3 - "$T_PYQ" "$T_PYN" <<'EOF'
import csv, json, os, sys, traceback
q, n = sys.argv[1], int(sys.argv[2])
for k in range(1, n + 1):
    e = os.path.join(q, str(k))
    rd = lambda f: open(os.path.join(e, f), encoding="utf-8", newline="").read()
    kind, desc, a, b, path = rd("kind"), rd("desc"), rd("a"), rd("b"), os.path.join(e, "out")
    try:
        if kind == "json":
            d = json.load(open(path, encoding="utf-8"))
            got = json.dumps(eval(a), ensure_ascii=False)
            ok, detail = got == b, "got: " + got
        elif kind == "cols":
            f = [int(x) - 1 for x in a.split(",")]
            rows = csv.reader(open(path, encoding="utf-8", newline=""))
            got = "".join(",".join(r[i] for i in f) + "\n" for r in rows)
            ok, detail = got == b + "\n", "got:\n" + got
        else:
            sys.argv = ["-", path]
            exec(a, {"__name__": "__main__"})
            ok, detail = True, ""
    except Exception as x:
        ok, detail = False, "".join(traceback.format_exception_only(type(x), x))
    print(("ok" if ok else "not ok") + " - " + desc)
    if not ok:
        print("\n".join("#   " + l for l in detail.splitlines()[:30]))
EOF
}
