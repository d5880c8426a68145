# The build's promises: deps names what is missing, install and uninstall
# honour DESTDIR and PREFIX, and the demo runs.
. "$(dirname "$0")/lib.sh"
cd "$T_ROOT" || exit 1

# deps check: a missing library is named with the command that installs it.
mkdir -p "$TD/fakebin"
cat >"$TD/fakebin/dpkg-query" <<'SH'
#!/bin/sh
# Every package is installed but libcsv-dev.
for a; do p=$a; done
[ "$p" = libcsv-dev ] && exit 1
printf 'install ok installed'
SH
chmod +x "$TD/fakebin/dpkg-query"
PATH="$TD/fakebin:$PATH" build-aux/deps check >"$OUT" 2>"$ERR"
if PATH="$TD/fakebin:$PATH" build-aux/deps check >/dev/null 2>&1; then
	t_report 1 "deps check exits non-zero when a package is missing"
else
	t_report 0 "deps check exits non-zero when a package is missing"
fi
T_DESC="deps check"
t_err_has "libcsv-dev"
t_err_has "apt-get install -y libcsv-dev"

# deps hint prints the command for the packages asked.
out=$(build-aux/deps hint clang)
case $out in *"apt-get install -y clang"*) r=0 ;; *) r=1 ;; esac
t_report $r "deps hint names the install command" "$out"

case $BIN in
*/build/asan/bin) exit 0 ;;	# the rest does not depend on the binaries' build
esac

# install into DESTDIR under PREFIX, then uninstall.
make -s install DESTDIR="$TD/root" PREFIX=/usr >"$OUT" 2>"$ERR"
t_report $? "make install DESTDIR PREFIX=/usr" "$(cat "$ERR")"
for f in usr/bin/ess-tally usr/share/man/man1/ess-tally.1 usr/share/man/man5/ess-formats.5 \
    usr/share/man/man7/ess-tools.7 usr/share/ess-tools/examples/bouillon-2016/gommettes.csv \
    usr/share/ess-tools/schemas/sticker-votes.json \
    usr/share/bash-completion/completions/ess-tally; do
	[ -f "$TD/root/$f" ]
	t_report $? "installed $f"
done
if [ -f po/fr.po ]; then
	[ -f "$TD/root/usr/share/locale/fr/LC_MESSAGES/ess-tools.mo" ]
	t_report $? "installed the French catalogue"
fi
[ -f "$TD/root/usr/share/ess-tools/schemas/directory.json" ] && [ -f "$TD/root/usr/share/ess-tools/examples/annuaire/annuaire.csv" ]
t_report $? "installed the directory's schema and examples"
[ -x "$TD/root/usr/bin/ess-directory" ] && [ -f "$TD/root/usr/share/man/man1/ess-directory.1" ]
t_report $? "installed ess-directory and its manual page"
"$TD/root/usr/bin/ess-tally" --version >/dev/null
t_report $? "the installed binary runs"
make -s uninstall DESTDIR="$TD/root" PREFIX=/usr >"$OUT" 2>"$ERR"
t_report $? "make uninstall" "$(cat "$ERR")"
left=$(find "$TD/root" -type f | head -n 5)
[ -z "$left" ]
t_report $? "uninstall leaves no file behind" "$left"

# make demo prints the seed's table.
make -s demo >"$OUT" 2>"$ERR"
t_report $? "make demo" "$(tail -n 5 "$ERR")"
T_DESC="make demo"
t_out_has "Coopération économique entre les acteurs de l’ESS du territoire"
t_out_has "adopted"
t_out_has "association     27   67.5"
t_out_has "A031,build/demo/tiers-lieux.csv:4,siret"
t_out_has "CUMA du Nontronnais"
for f in annuaire.html annuaire.geojson annuaire.vcf fusions.csv; do
	[ -s "build/demo/$f" ]
	t_report $? "make demo wrote build/demo/$f"
done

# bash completion offers the options of --help.
if command -v bash >/dev/null; then
	opts=$(PATH="$BIN:$PATH" bash -c '. share/completions/ess-tools.bash
		COMP_WORDS=(ess-tally --ma); COMP_CWORD=1; _ess_tools; echo "${COMPREPLY[*]}"' 2>&1)
	case $opts in *--majority=*--max-per-voter=*|*--max-per-voter=*--majority=*) r=0 ;; *) r=1 ;; esac
	t_report $r "completion offers --majority= and --max-per-voter=" "$opts"
	opts=$(PATH="$BIN:$PATH" LANGUAGE=fr bash -c '. share/completions/ess-tools.bash
		COMP_WORDS=(ess-directory -o json ex); COMP_CWORD=3; _ess_tools; echo "${COMPREPLY[*]}"' 2>&1)
	[ "$opts" = export ]
	t_report $? "completion offers ess-directory's commands" "$opts"
	opts=$(PATH="$BIN:$PATH" bash -c '. share/completions/ess-tools.bash
		COMP_WORDS=(ess-directory query --up); COMP_CWORD=2; _ess_tools; echo "${COMPREPLY[*]}"' 2>&1)
	[ "$opts" = --updated-since= ]
	t_report $? "completion offers a command's own options" "$opts"
fi
