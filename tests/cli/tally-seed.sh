# The seed's sticker-vote table, from both forms of share/examples/bouillon-2016.
. "$(dirname "$0")/lib.sh"
B=$EX/bouillon-2016

seed='rank,item,label,green,red,abstain,total,net,approval
1,2,Reconnaissance et visibilité des structures de l’ESS,18,0,0,18,18,100.0
2,1,Coopération économique entre les acteurs de l’ESS du territoire,18,1,0,19,17,94.7
3,5,Faire reconnaître une spécificité rurale,16,2,0,18,14,88.9
4,4,Valorisation des emplois et des métiers,9,1,0,10,8,90.0
5,3,Adaptation aux conséquences de la nouvelle organisation territoriale,12,5,0,17,7,70.6'

# Long form: one sticker a row, French headers, ';', BOM, CRLF.
t_run 0 ess-tally "$B/gommettes.csv"
t_out "$seed"
t_err_empty

# Wide form: the table as typed into a spreadsheet.
t_run 0 ess-tally "$B/tableau.csv"
t_out "$seed"

# Both forms give the same table, from stdin too.
T_STDIN=$B/gommettes.csv t_run 0 ess-tally -
t_out "$seed"

# The item list adds need 6, without stickers, attached to need 1.
t_run 0 ess-tally --items="$B/besoins.csv" --sort=input "$B/gommettes.csv"
t_out 'rank,item,label,green,red,abstain,total,net,approval,parent
2,1,Coopération économique entre les acteurs de l’ESS du territoire,18,1,0,19,17,94.7,
1,2,Reconnaissance et visibilité des structures de l’ESS,18,0,0,18,18,100.0,
5,3,Adaptation aux conséquences de la nouvelle organisation territoriale,12,5,0,17,7,70.6,
4,4,Valorisation des emplois et des métiers,9,1,0,10,8,90.0,
3,5,Faire reconnaître une spécificité rurale,16,2,0,18,14,88.9,
6,6,Accompagner l’émergence de nouveaux projets,0,0,0,0,0,,1'

# The README's pipeline: a result is wide-form input, so tallies chain.
"$BIN/ess-tally" "$B/gommettes.csv" | "$BIN/ess-tally" --sort=approval --top=3 >"$OUT" 2>"$ERR"
t_report $? "README pipeline: ess-tally | ess-tally --sort=approval --top=3"
T_DESC="README pipeline"
t_out 'rank,item,label,green,red,abstain,total,net,approval
1,2,Reconnaissance et visibilité des structures de l’ESS,18,0,0,18,18,100.0
2,1,Coopération économique entre les acteurs de l’ESS du territoire,18,1,0,19,17,94.7
3,4,Valorisation des emplois et des métiers,9,1,0,10,8,90.0'
