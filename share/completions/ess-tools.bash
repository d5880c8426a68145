# bash completion for ess-tools: options are read from the program's own
# --help, so they never fall out of step; commands (for the tools that take
# one) come first, values of the common options are offered where known.
_ess_tools()
{
	local cur prev words cword
	_init_completion -s 2>/dev/null || {
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD-1]}
	}
	case $prev in
	-i|--input)
		COMPREPLY=($(compgen -W 'csv tsv json jsonl' -- "$cur")); return ;;
	-o|--output)
		COMPREPLY=($(compgen -W 'csv tsv json jsonl table md svg html' -- "$cur")); return ;;
	-m|--method)
		COMPREPLY=($(compgen -W 'dots motion' -- "$cur")); return ;;
	--sort)
		COMPREPLY=($(compgen -W 'net green approval input' -- "$cur")); return ;;
	--majority)
		COMPREPLY=($(compgen -W 'simple absolute two-thirds three-quarters' -- "$cur")); return ;;
	--base)
		COMPREPLY=($(compgen -W 'expressed cast present eligible' -- "$cur")); return ;;
	--encoding)
		COMPREPLY=($(compgen -W 'utf-8 windows-1252 latin1 latin9' -- "$cur")); return ;;
	-d|--delimiter)
		COMPREPLY=($(compgen -W ', ; tab |' -- "$cur")); return ;;
	--from)
		COMPREPLY=($(compgen -W 'sirene rna gogocarto csv' -- "$cur")); return ;;
	-f|--format)
		COMPREPLY=($(compgen -W 'vcard geojson jsonld html md' -- "$cur")); return ;;
	--family)
		COMPREPLY=($(compgen -W 'association cooperative mutual foundation esus company public other' -- "$cur")); return ;;
	--group-by)
		COMPREPLY=($(compgen -W 'commune family' -- "$cur")); return ;;
	--by)
		COMPREPLY=($(compgen -W 'family commune sector department postcode tags offers needs' -- "$cur")); return ;;
	esac
	# Tools with commands: the command first, listed by their --help.
	local prog=${COMP_WORDS[0]} cmd=
	local cmds
	cmds=$(LANGUAGE= LC_ALL=C "$prog" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | tr '\n' ' ')
	if [[ -n $cmds ]]; then
		local i
		for ((i = 1; i < COMP_CWORD; i++)); do
			[[ " $cmds " == *" ${COMP_WORDS[i]} "* ]] && { cmd=${COMP_WORDS[i]}; break; }
		done
		if [[ -z $cmd && $cur != -* ]]; then
			COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
			return
		fi
	fi
	if [[ $cur == -* ]]; then
		local opts
		opts=$("$prog" $cmd --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*=?' | sort -u)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		[[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _ess_tools ess-tally ess-directory ess-minutes basket-orders
