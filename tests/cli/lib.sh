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
	cmd=$1
	shift
	T_DESC=$(printf "%s" "$cmd $*" | sed "s|$T_ROOT/||g")
	"$BIN/$cmd" "$@" <"$T_STDIN" >"$OUT" 2>"$ERR"
	rc=$?
	T_STDIN=/dev/null
	[ "$rc" = "$want" ]
	t_report $? "$T_DESC: exit $want" "got exit $rc; stderr: $(head -c 600 "$ERR")"
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
