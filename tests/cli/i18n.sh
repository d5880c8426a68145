# French messages: po/fr.po is complete and well-formed, and the binary
# speaks French with LANGUAGE=fr, English without it.
#
# Every message of the C code must have a French translation: a new _()
# message fails here until po/fr.po translates it (make po/ess-tools.pot,
# then msgmerge po/fr.po po/ess-tools.pot and translate).
. "$(dirname "$0")/lib.sh"
PO=$T_ROOT/po
nb=$(printf '\302\240')	# French puts a no-break space inside « » and before : ;

fr() {	# t_run with LANGUAGE=fr; the checks that follow say so
	LANGUAGE=fr t_run "$@"
	T_DESC="LANGUAGE=fr $T_DESC"
}

# The catalogue: valid, its printf directives those of the English, and
# every message of the template translated (not empty, not fuzzy).
t_check "po/fr.po passes msgfmt --check" msgfmt --check -o /dev/null "$PO/fr.po"
untranslated() {	# POT: the messages of POT that po/fr.po leaves untranslated or fuzzy
	msgmerge -q --no-fuzzy-matching "$PO/fr.po" "$1" -o "$TD/merged.po" 2>/dev/null
	{ msgattrib --no-obsolete --no-wrap --untranslated "$TD/merged.po"
	  msgattrib --no-obsolete --no-wrap --only-fuzzy "$TD/merged.po"; } 2>/dev/null |
		sed -n 's/^msgid "\(..*\)"$/needs a translation: \1/p'
}
msgcmp "$PO/fr.po" "$PO/ess-tools.pot" 2>/dev/null
t_report $? "po/fr.po translates every message of po/ess-tools.pot" "$(untranslated "$PO/ess-tools.pot")"

# The same against the messages the sources have now, in case the template
# was not regenerated: xgettext with the Makefile's own options.
xflags=$(sed -n 's/^[[:space:]]*xgettext \(.*\) -o \$@.*/\1/p' "$T_ROOT/Makefile")
(cd "$T_ROOT" && xgettext ${xflags:---from-code=UTF-8 -k_ -kN_ -kngettext:1,2} \
	-o "$TD/now.pot" lib/*.c cmd/*/*.c) 2>"$TD/xgettext.err"
t_report $? "xgettext extracts the messages of lib/ and cmd/" "$(cat "$TD/xgettext.err")"
msgcmp "$PO/fr.po" "$TD/now.pot" 2>/dev/null
t_report $? "po/fr.po translates every message of the sources" "$(untranslated "$TD/now.pot")"

# --help: the option descriptions and the argument names.
fr 0 ess-tally --help
t_out_has "signaler chaque ligne invalide et continuer"
t_out_has "[FICHIER]..."
t_out_lacks "report every bad row"
# argp's own words too (they are looked up in our catalogue).
t_out_has "Utilisation : ess-tally"
t_out_has "afficher cette aide"
t_out_lacks "Give this help list"
t_run 0 ess-tally --help
t_out_has "report every bad row and go on"
t_out_has "[FILE]..."

# A region falls back to the language; the C locale does not stop LANGUAGE.
LANGUAGE=fr_FR t_run 0 ess-tally --help
T_DESC="LANGUAGE=fr_FR $T_DESC"
t_out_has "signaler chaque ligne invalide et continuer"
LC_ALL=C LANGUAGE=fr t_run 0 ess-tally --help
T_DESC="LC_ALL=C LANGUAGE=fr $T_DESC"
t_out_has "signaler chaque ligne invalide et continuer"

# A file that cannot be opened.
fr 66 ess-tally "$TD/absent.csv"
t_err_has "ess-tally: impossible d'ouvrir «$nb$TD/absent.csv$nb»"
t_run 66 ess-tally "$TD/absent.csv"
t_err_has "ess-tally: cannot open '$TD/absent.csv'"

# A bad value keeps its FILE:LINE:COL position.
printf 'item,vote\n1,bleu\n' >"$TD/bleu.csv"
fr 65 ess-tally "$TD/bleu.csv"
t_err_has "ess-tally: $TD/bleu.csv:2:3: le vote «${nb}bleu$nb» n'est ni green, ni red, ni abstain"
t_run 65 ess-tally "$TD/bleu.csv"
t_err_has "ess-tally: $TD/bleu.csv:2:3: vote 'bleu' is neither green, red nor abstain"

# A usage error, from argp.
fr 64 ess-tally --top=0
t_err_has "--top$nb: N doit valoir au moins 1"
t_run 64 ess-tally --top=0
t_err_has "--top: N must be at least 1"

# The data stays as it is: CSV column names are not translated, the notes
# of a table for people are.
fr 0 ess-tally "$EX/bouillon-2016/gommettes.csv"
t_out_has "rank,item,label,green,red,abstain,total,net,approval"
fr 0 ess-tally -o md "$EX/bouillon-2016/gommettes.csv"
t_out_has "| rank | item | label | green | red |"
t_out_has "gommettes$nb: 82"

# ess-directory speaks French too: the command list, a command's --help,
# its usage errors and its messages about the data (with French plurals:
# 0 takes the singular).
fr 0 ess-directory --help
t_out_has "Commandes$nb:"
t_out_has "  dedupe     fusionner les fiches d'un même acteur, champ par champ"
t_out_has "COMMANDE [OPTION]... [FICHIER]..."
t_out_lacks "merge the records of one actor"
t_run 0 ess-directory --help
t_out_has "  dedupe     merge the records of one actor, field by field"
fr 0 ess-directory query --help
t_out_has "--postcode=PREFIXE[,PREFIXE]..."
t_out_has "n'afficher que le nombre de fiches retenues"
t_out_lacks "print only the number of matching records"
fr 64 ess-directory query --postcode=2x
t_err_has "--postcode$nb: «${nb}2x$nb» n'est pas un début de code postal"
t_run 64 ess-directory query --postcode=2x
t_err_has "--postcode: '2x' is not the start of a postcode"
printf 'id,postcode\nA1,24300\n' >"$TD/annuaire.csv"
fr 0 ess-directory validate "$TD/annuaire.csv"
t_err_has "0 problème sur 1 fiche"
t_run 0 ess-directory validate "$TD/annuaire.csv"
t_err_has "0 problems in 1 record"
