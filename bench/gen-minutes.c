/*
 * gen-minutes.c: generated minutes for bench/minutes.sh.
 *
 *   gen-minutes N DIR
 *
 * writes DIR/cr-0001.md ... cr-N.md, about 10 KB each: a header (title,
 * type, date, hours, place, organiser, chair, secretary), a preamble, 8
 * agenda items of French prose (accents, emphasis, links), a list with a
 * nested list, a decision with its votes, an action with its owner and
 * due date and a note in each, and a "table" block of inline CSV in the
 * fourth item.  It also writes DIR/expected.txt: the number of actions
 * and decisions written, for the bench to check extract against.  Fixed
 * seed: the same arguments give the same files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)((rng >> 11) % n);
}

#define N_(a) (sizeof(a) / sizeof *(a))

static const char *topics[] = {
	"Rapport moral", "Comptes de l’exercice", "Budget prévisionnel",
	"Paniers bio du lundi", "Programme des ateliers", "Bénévolat et planning",
	"Travaux du local", "Partenariats avec le Pays", "Fête de l’été",
	"Adhésions et cotisations", "Communication et site web",
	"Questions diverses",
};
static const char *people[] = {
	"Anne Lavergne", "Bruno Delmas", "Chantal Faure", "Élodie Marchand",
	"François Brunet", "Gisèle Vidal", "Hervé Lacoste", "Inès Bertrand",
	"Karine Dupuy", "Martine Gauthier", "Nicolas Peyrot", "Zoé Castaing",
};
static const char *places[] = {
	"Café Pluche, Nontron", "Salle des fêtes de Saint-Pardoux-la-Rivière",
	"Tiers-Lieu Le Moulin de Piégut", "Centre social Le Chêne Vert, Ribérac",
};
static const char *sentences[] = {
	"Le conseil rappelle que les échanges de la dernière réunion ont permis "
	"de préciser les besoins des structures employeuses du territoire.",
	"Plusieurs membres soulignent l’intérêt d’une *mutualisation* des moyens "
	"(matériel, locaux, compétences) entre associations voisines.",
	"La coopération économique entre les acteurs de l’ESS reste la priorité "
	"exprimée par le plus grand nombre, devant la visibilité des structures.",
	"Il est proposé de s’appuyer sur l’annuaire des acteurs, tenu à jour par "
	"le Pays, et de le diffuser avec le bulletin de l’ESS.",
	"Les bénévoles présents font part de leurs disponibilités pour les "
	"distributions du lundi et pour l’accueil du public le jeudi.",
	"La trésorière présente l’état des comptes : les adhésions couvrent les "
	"charges courantes, la subvention de la commune finance les ateliers.",
	"Le groupe de travail se réunira à nouveau avant la fin du trimestre ; "
	"l’ordre du jour sera envoyé **quinze jours** avant.",
	"Voir aussi la note sur les [pôles territoriaux de coopération "
	"économique](https://www.example.org/ptce) jointe au compte rendu.",
	"Un échange s’engage sur la place des jeunes, déjà peu nombreux, et sur "
	"les moyens de les associer aux projets du café.",
	"Les partenaires (CRESS, DLA 24, Aquitaine Active) rappellent les "
	"dispositifs d’accompagnement ouverts aux associations.",
};
static const char *bullets[] = {
	"organiser une rencontre entre acteurs par filière",
	"créer un agenda partagé des évènements culturels",
	"mettre en place une veille d’information",
	"étudier un groupement d’achat avec les producteurs locaux",
	"proposer des interventions en milieu scolaire",
	"actualiser l’annuaire des métiers et des compétences",
};

static void
paragraph(FILE *f, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? " " : "", sentences[rnd(N_(sentences))]);
	fputs("\n\n", f);
}

static void
ymd(long k, char buf[32])
{
	/* Day k of a 28-day-month calendar from 2017: valid dates, no
	 * calendar code needed. */
	snprintf(buf, 32, "%04ld-%02ld-%02ld", 2017 + k / 336, 1 + k / 28 % 12, 1 + k % 28);
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: gen-minutes N DIR\n");
		return 64;
	}
	long n = strtol(argv[1], NULL, 10);
	long nact = 0, ndec = 0;
	char path[4096], date[32], due[32];

	for (long k = 1; k <= n; k++) {
		snprintf(path, sizeof path, "%s/cr-%04ld.md", argv[2], k);
		FILE *f = fopen(path, "w");
		if (!f) {
			perror(path);
			return 73;
		}
		ymd(k * 3, date);
		fprintf(f, "---\ntitle: Conseil d’administration n° %ld\n", k);
		fprintf(f, "type: %s\ndate: %s\nstart: 18:30\nend: 20:45\n",
			k % 4 ? "compte-rendu" : "pv-ca", date);
		fprintf(f, "place: %s\norganiser: Association Café Pluche\n",
			places[rnd(N_(places))]);
		fprintf(f, "chair: %s\nsecretary: %s\n---\n\n",
			people[rnd(N_(people))], people[rnd(N_(people))]);
		paragraph(f, 3);
		for (int item = 1; item <= 8; item++) {
			fprintf(f, "## %s\n\n", topics[(k + item) % N_(topics)]);
			paragraph(f, 2 + rnd(3));
			paragraph(f, 1 + rnd(3));
			fputs("Pistes retenues :\n\n", f);
			for (int b = 0; b < 3; b++) {
				fprintf(f, "- %s\n", bullets[rnd(N_(bullets))]);
				if (b == 1)
					fprintf(f, "  - %s\n  - %s\n", bullets[rnd(N_(bullets))],
						bullets[rnd(N_(bullets))]);
			}
			fputc('\n', f);
			if (item == 4) {
				fputs("```table\nbesoin,vertes,rouges\n", f);
				for (int r = 0; r < 6; r++)
					fprintf(f, "\"%s\",%u,%u\n", bullets[r], rnd(20), rnd(6));
				fputs("```\n\n", f);
			}
			unsigned p = 20 + rnd(20), c = rnd(5), a = rnd(4);
			fprintf(f, "DÉCISION : Le conseil adopte la proposition sur le point %d "
				"{pour: %u; contre: %u; abstention: %u}\n\n", item, p, c, a);
			ymd(k * 3 + 10 + rnd(60), due);
			fprintf(f, "- ACTION : Préparer la suite du point %d {qui: %s; échéance: %s}\n",
				item, people[rnd(N_(people))], due);
			fprintf(f, "- INFO : Le compte rendu du point %d sera diffusé aux membres.\n\n",
				item);
			nact++;
			ndec++;
		}
		if (fclose(f) != 0) {
			perror(path);
			return 74;
		}
	}
	snprintf(path, sizeof path, "%s/expected.txt", argv[2]);
	FILE *f = fopen(path, "w");
	if (!f || fprintf(f, "actions %ld\ndecisions %ld\n", nact, ndec) < 0 || fclose(f) != 0) {
		perror(path);
		return 74;
	}
	return 0;
}
