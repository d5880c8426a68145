/*
 * bench/gen.c: write N sticker-vote rows as CSV on stdout, for make bench.
 *
 *   gen [ROWS [COUNTS]] > FILE      (ROWS defaults to 10000000: 535 MB)
 *
 * With COUNTS, also writes there the true tally, item,vote,count for each
 * pair seen (no header), so that every tool can be checked against it.
 *
 * Header voter,item,label,vote; 2,000 voters (p0001..p2000), 40 items with
 * French labels (accents, 17 of them with a comma and one with doubled
 * quotes, so quoted: about 44 % of the rows), votes green, red or abstain.
 * Items are drawn with uneven weights and each item has its own share of
 * green, red and abstain, so the tally is not flat. Each voter keeps one
 * opinion per item: a voter may stick several dots on an item, always of the
 * same colour, so the data raise no voter conflict (ess-tally would report
 * one per voter and item otherwise). The output depends only
 * on ROWS (fixed seed), and the first rows of a larger file are the rows of
 * a smaller one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NVOTERS 2000
#define NITEMS 40

static const char *const labels[NITEMS] = {
	"Coopération économique entre les acteurs de l'ESS du territoire",
	"Reconnaissance et visibilité des structures de l'ESS",
	"Adaptation aux conséquences de la nouvelle organisation territoriale",
	"Valorisation des emplois et des métiers",
	"Faire reconnaître une spécificité rurale",
	"Accompagner l'émergence de nouveaux projets",
	"Mobilité, transport",
	"Circuits courts, alimentation locale",
	"Habitat partagé, logement des jeunes",
	"Tiers-lieux et espaces de travail partagés",
	"Énergie citoyenne, sobriété",
	"Réemploi, réparation et recyclerie",
	"Accès aux financements solidaires",
	"Formation des bénévoles",
	"Santé, prévention, accès aux soins",
	"Culture, éducation populaire",
	"Égalité femmes-hommes dans les structures",
	"Numérique, inclusion, médiation",
	"Mutualisation des locaux et du matériel",
	"Commande publique responsable",
	"Économie circulaire, déchets",
	"Agriculture paysanne et installation",
	"Petite enfance et parentalité",
	"Insertion par l'activité économique",
	"Tourisme durable, patrimoine",
	"Gouvernance partagée et démocratie interne",
	"Jeunesse, engagement, service civique",
	"Vieillissement, lien social",
	"Épicerie solidaire à prix différenciés",
	"Communication commune du réseau",
	"Le \"pôle\" territorial : quel rôle ?",
	"Eau, forêt, biodiversité",
	"Monnaie locale complémentaire",
	"Emploi associatif, pérennisation des postes",
	"Coopératives d'habitants",
	"Observatoire de l'ESS du département",
	"Sensibilisation dans les écoles, collèges et lycées",
	"Artisanat, commerce de proximité",
	"Reprise d'entreprises par les salariés (SCOP, SCIC)",
	"Lien entre élus et acteurs de l'ESS",
};

static uint64_t state = 0x20160b011c0ffeeULL;

/* xorshift64*: fast, and good enough to spread votes. */
static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1DULL;
}

/* The label as a CSV field: quoted when it holds a comma or a quote. */
static size_t field(char *out, const char *s)
{
	size_t n = 0;

	if (!strpbrk(s, ",\"")) {
		n = strlen(s);
		memcpy(out, s, n);
		return n;
	}
	out[n++] = '"';
	for (; *s; s++) {
		if (*s == '"')
			out[n++] = '"';
		out[n++] = *s;
	}
	out[n++] = '"';
	return n;
}

int main(int argc, char **argv)
{
	static const char *const votes[3] = { "green", "red", "abstain" };
	static char voter[NVOTERS][8];
	static char tail[NITEMS][3][256]; /* ",item,label,vote\n" */
	static size_t tlen[NITEMS][3];
	static unsigned char itab[4096];  /* item by weight */
	static unsigned char vtab[NITEMS][256]; /* vote by item's shares */
	static unsigned char opinion[NVOTERS][NITEMS];
	static char buf[1 << 17];
	static unsigned long long tally[NITEMS][3];
	unsigned long long rows = 10000000ULL, r;
	FILE *cf;
	size_t used = 0;
	unsigned w[NITEMS], wsum = 0, acc = 0;
	int i, v, k;

	if (argc > 3 || (argc >= 2 && (rows = strtoull(argv[1], NULL, 10)) == 0 &&
			 strcmp(argv[1], "0") != 0)) {
		fprintf(stderr, "usage: gen [ROWS [COUNTS]] > FILE\n");
		return 64;
	}
	for (i = 0; i < NVOTERS; i++)
		snprintf(voter[i], sizeof voter[i], "p%04d", i + 1);
	for (i = 0; i < NITEMS; i++) {
		unsigned green = 30 + (unsigned)(next() % 50); /* 30..79 % */
		unsigned abst = 5 + (unsigned)(next() % 11);   /* 5..15 % */
		unsigned cut1 = green * 256 / 100, cut2 = (green + abst) * 256 / 100;
		char lab[256];
		size_t ln = field(lab, labels[i]);

		w[i] = 10 + (unsigned)(next() % 30);
		wsum += w[i];
		for (k = 0; k < 256; k++)
			vtab[i][k] = (unsigned char)((unsigned)k < cut1 ? 0 :
						     (unsigned)k < cut2 ? 2 : 1);
		for (v = 0; v < 3; v++) {
			int n = snprintf(tail[i][v], sizeof tail[i][v], ",%d,%.*s,%s\n",
					 i + 1, (int)ln, lab, votes[v]);
			tlen[i][v] = (size_t)n;
		}
	}
	for (i = 0; i < NVOTERS; i++)
		for (k = 0; k < NITEMS; k++)
			opinion[i][k] = vtab[k][next() & 255];
	for (i = 0, k = 0; i < NITEMS; i++) {
		acc += w[i];
		for (; k < 4096 && (unsigned)k * wsum < acc * 4096u; k++)
			itab[k] = (unsigned char)i;
	}
	for (; k < 4096; k++)
		itab[k] = NITEMS - 1;

	fputs("voter,item,label,vote\n", stdout);
	for (r = 0; r < rows; r++) {
		uint64_t x = next();
		unsigned who = (unsigned)((x >> 32) % NVOTERS);
		unsigned it = itab[(x >> 8) & 4095];
		unsigned vo = opinion[who][it];

		if (used + 300 > sizeof buf) {
			if (fwrite(buf, 1, used, stdout) != used)
				goto fail;
			used = 0;
		}
		tally[it][vo]++;
		memcpy(buf + used, voter[who], 5);
		used += 5;
		memcpy(buf + used, tail[it][vo], tlen[it][vo]);
		used += tlen[it][vo];
	}
	if (fwrite(buf, 1, used, stdout) != used || fflush(stdout) != 0)
		goto fail;
	if (argc == 3) {
		if (!(cf = fopen(argv[2], "w")))
			goto fail;
		for (i = 0; i < NITEMS; i++)
			for (v = 0; v < 3; v++)
				if (tally[i][v])
					fprintf(cf, "%d,%s,%llu\n", i + 1, votes[v], tally[i][v]);
		if (fclose(cf) != 0)
			goto fail;
	}
	return 0;
fail:
	perror("gen: write");
	return 74;
}
