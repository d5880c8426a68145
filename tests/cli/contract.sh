# The contract every binary keeps (DESIGN.md): --help, --version, --usage,
# their write errors, usage errors and inputs that cannot be opened.
# (LANGUAGE=fr --help waits for the French catalogue.)
. "$(dirname "$0")/lib.sh"


for prog in $(ls "$BIN"); do
	[ -x "$BIN/$prog" ] || continue

	# --help: the synopsis, every option, the exit codes; on stdout.
	t_run 0 "$prog" --help
	t_out_has "Usage: $prog [OPTION...]"
	for opt in --input= --delimiter= --encoding= --output= --output-file= --excel --keep-going \
	    --rejects= --verbose --help --usage --version; do
		t_out_has "$opt"
	done
	t_out_has "64"
	t_out_has "65"
	t_out_has "66"
	t_out_has "73"
	t_out_has "74"
	t_err_empty
	t_run 0 "$prog" -?
	t_out_has "Usage: $prog"

	t_run 0 "$prog" --version
	t_out_has "$prog (ess-tools) "
	t_check "$prog --version: one line with a version number" \
		sh -c "test \$(wc -l <'$OUT') -eq 1 && grep -Eq ' [0-9]+\\.[0-9]+(\\.[0-9]+)?\$' '$OUT'"
	t_err_empty
	t_run 0 "$prog" -V
	t_out_has "$prog (ess-tools) "

	t_run 0 "$prog" --usage
	t_out_has "Usage: $prog"
	t_out_has "[--help]"
	t_err_empty

	# Written to a full disk: exit 74 with "write error".
	for opt in --help --version --usage; do
		t_run_to 74 /dev/full "$prog" "$opt"
		t_err_has "write error"
	done

	# A usage error: 64, the program named, a hint to --help.
	t_run 64 "$prog" --no-such-option
	t_err_has "$prog"
	t_err_has "--no-such-option"
	t_err_has "--help"
	t_out_empty
	t_run 64 "$prog" -Z
	t_err_has "$prog"
	t_out_empty
done

# An input that cannot be opened: 66, named (ess-tally takes FILEs
# directly; tools with commands are tested in their own files).
t_run 66 ess-tally "$TD/missing.csv"
t_err "ess-tally: cannot open '$TD/missing.csv': No such file or directory"
t_out_empty
t_run 66 ess-tally -m motion "$TD/missing.csv"
t_err_has "'$TD/missing.csv'"

# ess-tally's synopsis and its own options are in its --help.
t_run 0 ess-tally --help
t_out_has "Usage: ess-tally [OPTION...] [FILE]..."
for opt in --method= --items= --sort= --group-by= --top= --max-per-voter= --strict-voters \
    --eligible= --present= --represented= --quorum= --max-proxies= --majority= --base=; do
	t_out_has "$opt"
done
