# Every alias family of ess-tally's columns and vote words (issue 2 §3-4,
# the colspec tables of cmd/ess-tally/dots.c and motion.c), each spelled
# as people type it: any case, accents, spaces, underscores, hyphens, a
# final plural s.
. "$(dirname "$0")/lib.sh"


HEAD=rank,item,label,green,red,abstain,total,net,approval
MHEAD=motion,label,for,against,abstain,blank,cast,base,threshold,needed,result

# --- sticker columns ----------------------------------------------------

# item: id, n°, no, num, numero (number, rang, ref).
for h in item ITEM Items id Id ID 'n°' 'N°' no No num NUM numero Numéro NUMÉRO number rang ref; do
	printf '%s,vote\nA1,vert\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,A1,,1,0,0,1,1,100.0"
done

# label: libelle, intitule, titre, besoin, proposition, option (title,
# need, name, nom).
for h in label Label libelle Libellé LIBELLÉ intitule Intitulé titre Titre besoin Besoin Besoins \
    proposition Propositions option Option title need name nom; do
	printf 'item,%s,vote\n1,Lbl,vert\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,1,Lbl,1,0,0,1,1,100.0"
done

# vote: couleur, color, gommette, choix (colour, choice, avis).
for h in vote Vote VOTES couleur Couleur Couleurs color colour gommette GOMMETTE Gommettes choix Choix choice avis; do
	printf 'item,%s\nA,rouge\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,A,,0,1,0,1,-1,0.0"
done

# count: nombre, nb (quantite, quantity, n_votes).
for h in count Count nombre Nombre nb NB quantite Quantité quantity n_votes N-Votes; do
	printf 'item,vote,%s\nA,vert,4\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,A,,4,0,0,4,4,100.0"
done

# voter: votant, participant (votante, participante, personne, who, qui):
# known when a voter's two colours on one item are reported.
for h in voter Voter votant Votant votante participant Participant participante personne who qui; do
	printf '%s,item,vote\nP1,A,vert\nP1,A,rouge\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_err_has "voter 'P1' put both green and red on item 'A'"
done

# group: groupe, atelier, panneau (workshop, panel, table), found by
# --group-by=group.
for h in group Group groupe Groupes atelier Atelier ATELIERS panneau Panneau workshop panel table; do
	printf '%s,item,vote\nNord,A,vert\nSud,A,rouge\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally --group-by=group "$TD/in.csv"
	t_out "group,$HEAD
Nord,1,A,,1,0,0,1,1,100.0
Sud,1,A,,0,1,0,1,-1,0.0"
done

# Wide form: green (vert, verts, vertes, gommettes vertes, pour, for),
# red (rouge, rouges, gommettes rouges, contre, against), abstain
# (abstention, abstentions, blanc).
while IFS=: read -r g r a; do
	printf 'item,%s,%s,%s\n1,5,2,1\n' "$g" "$r" "$a" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,1,,5,2,1,8,3,71.4"
done <<'EOF'
green:red:abstain
Green:Red:Abstain
vert:rouge:abstention
Vert:Rouge:Abstention
verts:rouges:abstentions
vertes:rouges:Abstentions
Gommettes vertes:Gommettes rouges:blanc
gommettes_vertes:gommettes_rouges:Blanc
Gommettes-Vertes:Gommettes-Rouges:blancs
GOMMETTES VERTES:GOMMETTES ROUGES:blank
Nombre de gommettes vertes:Nombre de gommettes rouges:neutre
pour:contre:abstention
Pour:Contre:Abstention
for:against:abstain
agree:disagree:neutral
EOF

# The seed's spreadsheet header, as typed.
printf 'N°;Besoin;Gommettes vertes;Gommettes rouges\n1;Coopération;18;1\n' >"$TD/in.csv"
t_run 0 ess-tally "$TD/in.csv"
t_out "$HEAD
1,1,Coopération,18,1,0,19,17,94.7"

# An unknown column is no error (and -v names it).
printf 'item,vote,commentaire\nA,vert,super\n' >"$TD/in.csv"
t_run 0 ess-tally "$TD/in.csv"
t_out "$HEAD
1,A,,1,0,0,1,1,100.0"
t_err_empty
t_run 0 ess-tally -v "$TD/in.csv"
t_err_has "column 'commentaire' is not used"

# --- sticker vote words -------------------------------------------------

for w in green Green GREEN vert Vert VERT verte Verte verts vertes pour Pour for yes oui Oui + agree "d'accord" "D’accord" accord ' vert ' '	vert'; do
	printf 'item,vote\nA,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,A,,1,0,0,1,1,100.0"
done
for w in red Red rouge Rouge ROUGE rouges contre Contre against no non Non - disagree desaccord Désaccord "pas d'accord" ' rouge '; do
	printf 'item,vote\nA,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,A,,0,1,0,1,-1,0.0"
done
for w in abstain abstention Abstention abstentions blanc Blanc blank neutre neutral; do
	printf 'item,vote\nA,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally "$TD/in.csv"
	t_out "$HEAD
1,A,,0,0,1,1,0,"
done
# Words that are none of them.
for w in bleu jaune '' 'vert rouge' verte+ ++ pou; do
	printf 'item,vote\nA,"%s"\n' "$w" >"$TD/in.csv"
	t_run 65 ess-tally "$TD/in.csv"
	t_err "ess-tally: $TD/in.csv:2:3: vote '$w' is neither green, red nor abstain"
done

# --- motion columns -----------------------------------------------------

# motion: resolution, question, point, objet, item, n°, no, numero.
for h in motion Motion Motions resolution Résolution question Question point Point objet item 'N°' no No numero Numéro; do
	printf '%s,vote\nM1,pour\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,1,0,0,0,1,1,for > against,1,adopted"
done

# label: libelle, intitule, titre, title, texte, text.
for h in label libelle Libellé intitule Intitulé titre title texte Texte text; do
	printf 'motion,%s,vote\nM1,Budget,pour\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,Budget,1,0,0,0,1,1,for > against,1,adopted"
done

# vote: choix, choice, avis, reponse, bulletin.
for h in vote Vote choix Choix choice avis reponse Réponse bulletin Bulletins; do
	printf 'motion,%s\nM1,contre\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,0,1,0,0,1,1,for > against,2,rejected"
done

# voter: votant, votante, membre, member, adherent, nom, name: known when
# one member votes twice.
for h in voter votant Votante membre Membres member adherent Adhérent nom name; do
	printf 'motion,vote,%s\nM1,pour,Ana\nM1,contre,Ana\n' "$h" >"$TD/in.csv"
	t_run 65 ess-tally -m motion "$TD/in.csv"
	t_err_has "'Ana' votes twice on motion 'M1'"
done

# proxy_for: pour le compte de, mandant, pouvoir de, procuration de, on
# behalf of, represente: known when the mandants are counted.
for h in proxy_for Proxy-For 'pour le compte de' mandant Mandant 'pouvoir de' 'Procuration de' 'on behalf of' represente Représente; do
	printf 'motion,vote,voter,%s\nM1,pour,Ana,\nM1,pour,Ana,Bea\nM1,pour,Ana,Carl\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally -m motion -o json "$TD/in.csv"
	t_out_has '"present": 1,'
	t_out_has '"represented": 2,'
done

# weight: poids, voix, nombre de voix, nb voix.
for h in weight Weight poids Poids voix Voix 'nombre de voix' 'Nb voix'; do
	printf 'motion,vote,%s\nM1,pour,3\nM1,contre,2\n' "$h" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,3,2,0,0,5,5,for > against,3,adopted"
done

# Wide form: for (pour, oui, yes), against (contre, non, no), abstain
# (abstention, abstentions), blank (blanc, blancs, nul, nuls, blancs et
# nuls, spoiled, blank or spoiled).
while IFS=: read -r f a ab b; do
	printf 'motion,%s,%s,%s,%s\nM1,12,3,2,1\n' "$f" "$a" "$ab" "$b" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,12,3,2,1,18,15,for > against,4,adopted"
done <<'EOF'
for:against:abstain:blank
pour:contre:abstention:blanc
Pour:Contre:Abstentions:Blancs
oui:non:abstention:nul
Oui:Non:Abstention:Nuls
yes:against:abstain:spoiled
POUR:CONTRE:ABSTENTIONS:Blancs et nuls
pour:contre:abstention:blank or spoiled
EOF

# The French minutes' header, with ';'.
printf 'Résolution;Intitulé;Pour;Contre;Abstentions;Blancs et nuls\n1;Budget;12;3;2;1\n' >"$TD/in.csv"
t_run 0 ess-tally -m motion "$TD/in.csv"
t_out "$MHEAD
1,Budget,12,3,2,1,18,15,for > against,4,adopted"

# --- motion vote words --------------------------------------------------

for w in for For pour Pour POUR oui Oui yes + ' pour '; do
	printf 'motion,vote\nM1,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,1,0,0,0,1,1,for > against,1,adopted"
done
for w in against contre Contre non Non no -; do
	printf 'motion,vote\nM1,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,0,1,0,0,1,1,for > against,2,rejected"
done
for w in abstain abstention Abstention abstentions; do
	printf 'motion,vote\nM1,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,0,0,1,0,1,0,for > against,1,rejected"
done
for w in blank blanc Blanc vide spoiled nul Nul nulle invalid; do
	printf 'motion,vote\nM1,"%s"\n' "$w" >"$TD/in.csv"
	t_run 0 ess-tally -m motion "$TD/in.csv"
	t_out "$MHEAD
M1,,0,0,0,1,1,0,for > against,1,rejected"
done
for w in jaune peut-être ''; do
	printf 'motion,vote\nM1,"%s"\n' "$w" >"$TD/in.csv"
	t_run 65 ess-tally -m motion "$TD/in.csv"
	t_err "ess-tally: $TD/in.csv:2:4: vote '$w' is neither for, against, abstain, blank nor spoiled"
done
