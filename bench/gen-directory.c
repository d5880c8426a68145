/*
 * bench/gen-directory.c: write generated test files for the ess-directory
 * benchmark (bench/directory.sh).
 *
 *   gen-directory ROWS [EXPECTED [IDS]] > FILE   a directory, 26 columns
 *   gen-directory --sirene ROWS > FILE           a SIRENE establishment stock
 *
 * Directory mode writes the header
 *   id,name,family,legal_form,siren,siret,rna,naf,sector,description,address,
 *   postcode,commune,insee_code,lat,lon,phone,email,website,offers,needs,tags,
 *   opening_hours,employees,source,updated
 * and ROWS rows (about 215 bytes each) of French content with accents:
 * descriptions often hold commas (so are quoted), 2 % of them a line break and
 * 1 % doubled quotes; offers, needs and tags are joined by '|'; postcodes
 * cover every department (about 1 row in 95 is in the Dordogne, 24xxx),
 * leading zeros and Corsica (20xxx, INSEE codes 2A/2B) included.
 *
 * The vocabulary is chosen so that, folded (lower case, accents removed), the
 * letters "coop" occur only at the start of a word: in one of the searched
 * fields (name, description, offers, needs, tags) of about 8 % of the rows,
 * and also in columns that are not searched (legal_form, sector, address,
 * email, website), so that a plain grep counts wrong. With EXPECTED, the
 * true number of rows whose postcode (spaces trimmed) starts with "24" and
 * where a word of a searched field starts with "coop" is written there, and
 * a line of other figures goes to stderr; with IDS, the ids of those rows,
 * one a line, in input order.
 *
 * SIRENE mode writes the StockEtablissement header (INSEE's column order,
 * 54 columns, NAF 2025 column included) and ROWS establishments: Luhn-valid
 * SIREN and SIRET, upper-case names and streets without accents, Lambert-93
 * coordinates in metres inside France, "[ND]" in the address of about 1 %
 * (partly disclosed units), 1900-01-01 for some unknown dates, states A/F.
 *
 * The output depends only on ROWS (fixed seed), and the first rows of a
 * larger file are the rows of a smaller one.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t state = 0x2405e55d1ec7041eULL;

/* xorshift64*: fast, and good enough for test data. */
static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545F4914F6CDD1DULL;
}

/* A number in [0, n). */
static unsigned rnd(unsigned n)
{
	return (unsigned)(((next() >> 32) * (uint64_t)n) >> 32);
}

/* True with probability per10k / 10000. */
static int chance(unsigned per10k)
{
	return rnd(10000) < per10k;
}

static double unit(void)
{
	return (double)(next() >> 11) * (1.0 / 9007199254740992.0);
}

#define PICK(a) ((a)[rnd((unsigned)N_(a))])

/* ------------------------------------------------------------ output */

static char obuf[1 << 17];
static size_t oused;

static void flush_out(void)
{
	if (oused && fwrite(obuf, 1, oused, stdout) != oused) {
		perror("gen-directory: write");
		exit(74);
	}
	oused = 0;
}

static void out(const char *s, size_t n)
{
	if (oused + n > sizeof obuf)
		flush_out();
	memcpy(obuf + oused, s, n);
	oused += n;
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

static void outc(char c)
{
	if (oused == sizeof obuf)
		flush_out();
	obuf[oused++] = c;
}

/* A field being built, before it is written (quoted if need be). */
struct fld {
	char s[2048];
	size_t n;
};

static void fput(struct fld *f, const char *s)
{
	size_t n = strlen(s);

	if (f->n + n >= sizeof f->s)
		n = sizeof f->s - 1 - f->n;
	memcpy(f->s + f->n, s, n);
	f->n += n;
}

static void fputch(struct fld *f, char c)
{
	if (f->n + 1 < sizeof f->s)
		f->s[f->n++] = c;
}

/* NUM in decimal, zero-padded to WIDTH digits. */
static void fnum(struct fld *f, unsigned long long num, int width)
{
	char d[24];
	int n = 0;

	do {
		d[n++] = (char)('0' + num % 10);
		num /= 10;
	} while (num);
	while (n < width)
		d[n++] = '0';
	while (n)
		fputch(f, d[--n]);
}

/* X with DEC decimals (DEC >= 1), '.' as the decimal point. */
static void ffix(struct fld *f, double x, int dec)
{
	unsigned long long scale = 1, v;
	int i;

	for (i = 0; i < dec; i++)
		scale *= 10;
	if (x < 0) {
		fputch(f, '-');
		x = -x;
	}
	v = (unsigned long long)(x * (double)scale + 0.5);
	fnum(f, v / scale, 1);
	fputch(f, '.');
	fnum(f, v % scale, dec);
}

/* Write F as one CSV field, quoted when it holds a comma, quote or line end. */
static void emit(const struct fld *f, int last)
{
	size_t i;

	if (memchr(f->s, ',', f->n) || memchr(f->s, '"', f->n) ||
	    memchr(f->s, '\n', f->n) || memchr(f->s, '\r', f->n)) {
		outc('"');
		for (i = 0; i < f->n; i++) {
			if (f->s[i] == '"')
				outc('"');
			outc(f->s[i]);
		}
		outc('"');
	} else {
		out(f->s, f->n);
	}
	outc(last ? '\n' : ',');
}

static void emits(const char *s, int last)
{
	struct fld f;

	f.n = 0;
	fput(&f, s);
	emit(&f, last);
}

/* -------------------------------------------------- the "coop" check */

static int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int coop_at(const char *s, size_t n, size_t i)
{
	return i + 4 <= n && (s[i] | 0x20) == 'c' && (s[i + 1] | 0x20) == 'o' &&
	       (s[i + 2] | 0x20) == 'o' && (s[i + 3] | 0x20) == 'p';
}

/*
 * Does a word of S start with "coop" (any case)? A word starts where the
 * byte before is not a letter or digit; bytes of multibyte characters count
 * as letters, the vocabulary check below makes sure that never matters.
 */
static int has_coop_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (coop_at(s, n, i) && (i == 0 || (!ascii_alnum((unsigned char)s[i - 1]) &&
						    (unsigned char)s[i - 1] < 0x80)))
			return 1;
	return 0;
}

/* Any "coop" at all, as a grep would see it. */
static int has_coop_any(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (coop_at(s, n, i))
			return 1;
	return 0;
}

/* Every word list must hold "coop" only at the start of a word, after ASCII. */
static void check_vocab(const char *const *v, size_t n, const char *what)
{
	size_t k, i, len;

	for (k = 0; k < n; k++) {
		len = strlen(v[k]);
		for (i = 0; i + 4 <= len; i++)
			if (coop_at(v[k], len, i) && i > 0 &&
			    (ascii_alnum((unsigned char)v[k][i - 1]) ||
			     (unsigned char)v[k][i - 1] >= 0x80)) {
				fprintf(stderr, "gen-directory: %s: '%s' holds coop inside a word\n",
					what, v[k]);
				exit(70);
			}
	}
}

/* ------------------------------------------------------- places */

struct dept {
	const char *code;  /* "24", "2A" */
	const char *pref;  /* prefecture */
	double lat, lon;
	int postcode;      /* first two or three postcode digits */
};

static const struct dept depts[] = {
	{ "01", "Bourg-en-Bresse", 46.20, 5.22, 1 }, { "02", "Laon", 49.56, 3.62, 2 },
	{ "03", "Moulins", 46.57, 3.33, 3 }, { "04", "Digne-les-Bains", 44.09, 6.24, 4 },
	{ "05", "Gap", 44.56, 6.08, 5 }, { "06", "Nice", 43.70, 7.27, 6 },
	{ "07", "Privas", 44.74, 4.60, 7 }, { "08", "Charleville-Mézières", 49.77, 4.72, 8 },
	{ "09", "Foix", 42.97, 1.61, 9 }, { "10", "Troyes", 48.30, 4.08, 10 },
	{ "11", "Carcassonne", 43.21, 2.35, 11 }, { "12", "Rodez", 44.35, 2.57, 12 },
	{ "13", "Marseille", 43.30, 5.37, 13 }, { "14", "Caen", 49.18, -0.37, 14 },
	{ "15", "Aurillac", 44.93, 2.44, 15 }, { "16", "Angoulême", 45.65, 0.16, 16 },
	{ "17", "La Rochelle", 46.16, -1.15, 17 }, { "18", "Bourges", 47.08, 2.40, 18 },
	{ "19", "Tulle", 45.27, 1.77, 19 }, { "2A", "Ajaccio", 41.93, 8.74, 20 },
	{ "2B", "Bastia", 42.70, 9.45, 20 }, { "21", "Dijon", 47.32, 5.04, 21 },
	{ "22", "Saint-Brieuc", 48.51, -2.76, 22 }, { "23", "Guéret", 46.17, 1.87, 23 },
	{ "24", "Périgueux", 45.18, 0.72, 24 }, { "25", "Besançon", 47.24, 6.02, 25 },
	{ "26", "Valence", 44.93, 4.89, 26 }, { "27", "Évreux", 49.02, 1.15, 27 },
	{ "28", "Chartres", 48.45, 1.49, 28 }, { "29", "Quimper", 48.00, -4.10, 29 },
	{ "30", "Nîmes", 43.84, 4.36, 30 }, { "31", "Toulouse", 43.60, 1.44, 31 },
	{ "32", "Auch", 43.65, 0.59, 32 }, { "33", "Bordeaux", 44.84, -0.58, 33 },
	{ "34", "Montpellier", 43.61, 3.88, 34 }, { "35", "Rennes", 48.11, -1.68, 35 },
	{ "36", "Châteauroux", 46.81, 1.69, 36 }, { "37", "Tours", 47.39, 0.69, 37 },
	{ "38", "Grenoble", 45.19, 5.72, 38 }, { "39", "Lons-le-Saunier", 46.67, 5.55, 39 },
	{ "40", "Mont-de-Marsan", 43.89, -0.50, 40 }, { "41", "Blois", 47.59, 1.33, 41 },
	{ "42", "Saint-Étienne", 45.44, 4.39, 42 }, { "43", "Le Puy-en-Velay", 45.04, 3.89, 43 },
	{ "44", "Nantes", 47.22, -1.55, 44 }, { "45", "Orléans", 47.90, 1.91, 45 },
	{ "46", "Cahors", 44.45, 1.44, 46 }, { "47", "Agen", 44.20, 0.62, 47 },
	{ "48", "Mende", 44.52, 3.50, 48 }, { "49", "Angers", 47.47, -0.55, 49 },
	{ "50", "Saint-Lô", 49.12, -1.09, 50 }, { "51", "Châlons-en-Champagne", 48.96, 4.36, 51 },
	{ "52", "Chaumont", 48.11, 5.14, 52 }, { "53", "Laval", 48.07, -0.77, 53 },
	{ "54", "Nancy", 48.69, 6.18, 54 }, { "55", "Bar-le-Duc", 48.77, 5.16, 55 },
	{ "56", "Vannes", 47.66, -2.76, 56 }, { "57", "Metz", 49.12, 6.18, 57 },
	{ "58", "Nevers", 46.99, 3.16, 58 }, { "59", "Lille", 50.63, 3.06, 59 },
	{ "60", "Beauvais", 49.43, 2.08, 60 }, { "61", "Alençon", 48.43, 0.09, 61 },
	{ "62", "Arras", 50.29, 2.78, 62 }, { "63", "Clermont-Ferrand", 45.78, 3.08, 63 },
	{ "64", "Pau", 43.30, -0.37, 64 }, { "65", "Tarbes", 43.23, 0.08, 65 },
	{ "66", "Perpignan", 42.70, 2.90, 66 }, { "67", "Strasbourg", 48.57, 7.75, 67 },
	{ "68", "Colmar", 48.08, 7.36, 68 }, { "69", "Lyon", 45.76, 4.84, 69 },
	{ "70", "Vesoul", 47.62, 6.15, 70 }, { "71", "Mâcon", 46.31, 4.83, 71 },
	{ "72", "Le Mans", 48.00, 0.20, 72 }, { "73", "Chambéry", 45.57, 5.92, 73 },
	{ "74", "Annecy", 45.90, 6.13, 74 }, { "75", "Paris", 48.86, 2.35, 75 },
	{ "76", "Rouen", 49.44, 1.10, 76 }, { "77", "Melun", 48.54, 2.66, 77 },
	{ "78", "Versailles", 48.80, 2.13, 78 }, { "79", "Niort", 46.32, -0.46, 79 },
	{ "80", "Amiens", 49.89, 2.30, 80 }, { "81", "Albi", 43.93, 2.15, 81 },
	{ "82", "Montauban", 44.02, 1.35, 82 }, { "83", "Toulon", 43.12, 5.93, 83 },
	{ "84", "Avignon", 43.95, 4.81, 84 }, { "85", "La Roche-sur-Yon", 46.67, -1.43, 85 },
	{ "86", "Poitiers", 46.58, 0.34, 86 }, { "87", "Limoges", 45.83, 1.26, 87 },
	{ "88", "Épinal", 48.17, 6.45, 88 }, { "89", "Auxerre", 47.80, 3.57, 89 },
	{ "90", "Belfort", 47.64, 6.86, 90 }, { "91", "Évry-Courcouronnes", 48.63, 2.44, 91 },
	{ "92", "Nanterre", 48.89, 2.21, 92 }, { "93", "Bobigny", 48.91, 2.44, 93 },
	{ "94", "Créteil", 48.79, 2.46, 94 }, { "95", "Cergy", 49.05, 2.10, 95 },
};
#define NMAIN 95 /* mainland departments, Corsica counted once */

static const struct dept doms[] = {
	{ "971", "Basse-Terre", 16.00, -61.73, 971 }, { "972", "Fort-de-France", 14.60, -61.07, 972 },
	{ "973", "Cayenne", 4.94, -52.33, 973 }, { "974", "Saint-Denis", -20.88, 55.45, 974 },
	{ "976", "Mamoudzou", -12.78, 45.23, 976 },
};

static const char *const dordogne[] = {
	"Bergerac", "Sarlat-la-Canéda", "Nontron", "Ribérac", "Terrasson-Lavilledieu",
	"Montignac-Lascaux", "Thiviers", "Excideuil", "Le Bugue", "Boulazac Isle Manoire",
	"Coulounieix-Chamiers", "Trélissac", "Chancelade", "Mussidan", "Lalinde",
	"Brantôme en Périgord", "Eymet", "Belvès", "Saint-Astier", "Neuvic",
	"Montpon-Ménestérol", "Vergt", "Sainte-Alvère", "Domme", "Issigeac",
};

static const char *const corse[] = {
	"Porto-Vecchio", "Corte", "Calvi", "Propriano", "Sartène", "L'Île-Rousse",
	"Bonifacio", "Ghisonaccia", "Biguglia", "Furiani",
};

static const char *const communes[] = {
	"Saint-Martin-d'Hères", "Villeneuve-sur-Lot", "Châteauneuf", "Beaumont",
	"Montreuil", "Saint-Jean-de-Luz", "Fontaine", "Étampes", "Bourg-Saint-Andéol",
	"Lézignan-Corbières", "Pont-l'Évêque", "Saint-Pierre", "Sainte-Foy",
	"Chalon-sur-Saône", "Besse-et-Saint-Anastaise", "Écully", "Mézières",
	"Vic-le-Comte", "Île-Tudy", "Saint-Gaudens", "Crêches-sur-Saône",
	"Villefranche", "Condé-sur-Noireau", "Plœmeur", "Vœuil-et-Giget",
	"Moûtiers", "Aÿ-Champagne", "Saint-Nazaire", "Lourdes", "Argentan",
	"Vitré", "Rochefort", "Saint-Affrique", "Millau", "Aubenas", "Ambérieu-en-Bugey",
	"Montbéliard", "Pézenas", "Figeac", "Quimperlé",
};

/* ----------------------------------------------------- vocabulary */

static const char *const assoc_lead[] = {
	"Association", "Les Amis de", "Collectif", "Comité des fêtes de", "Foyer rural",
	"Amicale laïque", "MJC", "Club", "Réseau", "Union locale", "Atelier", "La Ruche",
	"Maison", "Cercle", "Les Ateliers", "Centre social",
};
static const char *const assoc_topic[] = {
	"Jardins partagés", "Recyclerie", "Vélo-école", "Épicerie solidaire",
	"Ressourcerie", "Café associatif", "Tiers-lieu", "Repair café", "Théâtre",
	"Musique et danse", "Randonnée", "Aide à domicile", "Solidarité", "Insertion",
	"Cinéma itinérant", "Éducation populaire", "Œuvre d'entraide", "Petite enfance",
	"Chantier d'insertion", "Monnaie locale", "AMAP", "Énergies citoyennes",
	"Habitat partagé", "Mobilité solidaire", "Lien social", "Bibliothèque",
	"Sport pour tous", "Cœur de village", "Accueil des réfugiés", "Patrimoine",
};
static const char *const coop_lead[] = { /* cooperatives: names */
	"Coopérative", "La Coopérative", "COOPÉRATIVE", "Coop", "Coopérative agricole",
	"Société coopérative", "Les Coopérateurs",
	"SCOP", "SCIC", "CAE", "CUMA", "SCOP", "SCIC", "Union",
};
static const char *const coop_topic[] = {
	"du Périgord Vert", "des Producteurs", "Énergies Citoyennes", "Menuiserie du Lac",
	"Bâtiment et Éco-construction", "des Artisans", "Alimentaire", "des Habitants",
	"Transports Solidaires", "Numérique Libre", "Boulangerie", "Maraîchère",
	"Laitière", "du Bocage", "Bois-Énergie", "Culturelle",
};
static const char *const other_lead[][6] = {
	{ "Mutuelle", "Mutuelle", "Mutualité", "MUTUELLE", "Caisse mutuelle", "Mutuelle" },
	{ "Fondation", "Fondation", "Fonds de dotation", "FONDATION", "Fondation", "Fondation" },
	{ "SAS", "SARL", "Entreprise", "Atelier", "Régie de quartier", "Société" },
	{ "Entreprise d'insertion", "SAS", "Régie de quartier", "SARL", "Atelier", "ESAT" },
};
static const char *const other_topic[] = {
	"Solidaire", "des Territoires", "Santé Pour Tous", "l'Abri", "Emploi & Avenir",
	"Familles Rurales", "Recyclage Plus", "Les Paniers Verts", "Bois & Compagnie",
	"Services Plus", "Nettoyage Éco", "du Lien", "Énergie Partagée", "Terre & Cœur",
};

static const char *const families[] = {
	"association", "cooperative", "mutual", "foundation", "company", "esus",
};
static const char *const legal_forms[][6] = {
	{ "Association", "Association", "Association", "Association",
	  "Association loi 1901", "Association RUP" },
	{ "SCOP SARL", "SCIC SAS", "Coopérative agricole", "CUMA", "SA coopérative",
	  "CAE" },
	{ "Mutuelle", "Mutuelle", "Mutuelle", "Organisme mutualiste", "Mutuelle",
	  "Assurance mutuelle" },
	{ "Fondation", "Fonds de dotation", "Fondation", "Fondation RUP", "Fondation",
	  "Fondation abritée" },
	{ "SAS", "SARL", "SA", "EURL", "SAS", "SARL" },
	{ "SAS ESUS", "SARL ESUS", "SAS", "SARL", "SCOP SARL", "SA" },
};
static const char *const nafs[] = {
	"94.99Z", "94.99Z", "88.99B", "56.10A", "47.11C", "01.13Z", "43.32A", "85.59A",
	"90.01Z", "93.12Z", "65.12Z", "88.10A", "38.32Z", "35.11Z", "62.01Z", "96.09Z",
	"88.91A", "87.30A", "10.71C", "49.39B", "68.20B", "81.30Z", "94.12Z", "66.19B",
};
static const char *const sectors[] = {
	"Alimentation", "Habitat", "Mobilité", "Énergie", "Culture", "Éducation",
	"Santé", "Réemploi", "Insertion", "Finance solidaire", "Agriculture", "Sport",
	"Tourisme", "Numérique", "Petite enfance", "Services à la personne",
	"Environnement", "Action sociale",
};
static const char *const desc_lead[] = {
	"", "", "", "", "Nous proposons ", "Depuis 2005, ", "Au cœur du bourg, ",
	"Sur rendez-vous : ", "Depuis 1998 ", "Ouvert à tous : ", "En milieu rural, ",
};
static const char *const desc_frag[] = {
	"épicerie solidaire ouverte à tous", "ateliers de réparation de vélos",
	"jardin partagé en permaculture", "accueil de jour pour les personnes isolées",
	"formation des bénévoles", "vente de paniers de légumes bio",
	"chantier d'insertion en maraîchage", "repas partagés le jeudi midi",
	"prêt de matériel agricole", "collecte et revalorisation d'objets",
	"soutien scolaire et aide aux devoirs", "concerts, expositions et résidences d'artistes",
	"accompagnement des créateurs d'activité", "aide à domicile pour les personnes âgées",
	"location de salle", "producteurs locaux en circuit court",
	"médiation numérique pour les seniors", "crèche parentale",
	"café-lecture et bibliothèque de rue", "services de proximité en milieu rural",
	"rénovation énergétique de l'habitat", "éco-pâturage et entretien des espaces verts",
	"cours de français langue étrangère", "épargne solidaire et microcrédit",
	"œuvres sociales et entraide", "fête du village, vide-greniers",
	"transport à la demande", "friperie et retouches", "ateliers cuisine anti-gaspi",
};
static const char *const desc_coop[] = {
	"coopérative d'habitants", "coopération entre producteurs et consommateurs",
	"fonctionnement coopératif et gouvernance partagée",
	"coopérative d'activité et d'emploi", "sociétaires d'une Coop alimentaire",
	"COOPÉRATION avec les écoles",
};
static const char *const desc_nl[] = {
	"\nOuvert aux bénévoles le samedi.", "\nContact par courriel de préférence.",
	"\r\nPermanence le mardi de 14 h à 17 h.", "\nAccès handicapé.",
};
static const char *const desc_quote[] = {
	"; le \"Repair café\" chaque premier samedi", "; projet \"Zéro déchet\" avec les écoles",
	" (label \"Territoire engagé\")",
};
static const char *const streets[] = {
	"rue Victor-Hugo", "avenue de la République", "place du Marché", "rue des Écoles",
	"chemin du Moulin", "route de Bordeaux", "boulevard Gambetta", "impasse des Lilas",
	"allée des Châtaigniers", "rue Jean-Jaurès", "quai de l'Isle", "rue de la Paix",
	"place de l'Église", "rue Pasteur", "rue du Château", "avenue Jean-Moulin",
	"rue de la Gare", "grand-rue", "rue des Fossés", "cours de l'Yser",
};
static const char *const addr_extra[] = {
	", bâtiment B", ", ZA du Pontet", ", 2e étage", ", Maison des associations",
	", BP 12",
};
static const char *const addr_coop[] = { /* not searched: a trap for grep */
	"rue de la Coopération", "Maison de la Coopération, place du Marché",
	"Espace Coopératif, rue Pasteur", "impasse de la Coop",
};
static const char *const offers[] = {
	"paniers de légumes", "location de salle", "formation", "prêt de matériel", "repas",
	"conseil", "accompagnement", "hébergement", "ateliers vélo", "réparation",
	"animation", "transport solidaire", "cours de cuisine", "garde d'enfants",
	"épicerie", "médiation numérique", "friperie", "bois de chauffage",
};
static const char *const offers_coop[] = {
	"conseil en coopération", "Coopérative de services", "coop d'achat",
};
static const char *const needs[] = {
	"bénévoles", "local", "financement", "véhicule", "compétences juridiques",
	"matériel informatique", "partenaires", "terrain", "administrateurs",
	"stagiaires", "chambre froide",
};
static const char *const needs_coop[] = {
	"coopérateurs", "coopération avec des producteurs",
};
static const char *const tags[] = {
	"alimentation", "circuit-court", "insertion", "réemploi", "numérique", "énergie",
	"écologie", "culture", "solidarité", "santé", "mobilité", "habitat", "éducation",
	"œuvre-sociale", "agriculture", "emploi", "économie-circulaire", "jeunesse",
	"sport", "tourisme",
};
static const char *const tags_coop[] = {
	"coopérative", "coop", "coopération", "Coopératives", "COOP",
};
static const char *const hours[] = {
	"Mo-Fr 09:00-17:00", "Tu,Th 14:00-18:00", "Sa 09:00-12:00",
	"We 10:00-12:00; Sa 14:00-18:00", "Mo-Sa 08:30-12:30,14:00-19:00",
	"24/7", "Fr 17:00-20:00",
};
static const char *const slugs[] = {
	"jardins-solidaires", "recyclerie-du-lac", "velo-ecole", "epicerie-partagee",
	"tierslieu", "ressourcerie", "mutuelle-solidaire", "fondation-entraide",
	"scop-menuiserie", "amap-du-bourg", "cafe-asso", "monnaie-locale", "habitat-partage",
	"coop-des-champs", "la-fabrique", "cafe-culture", "repair-cafe", "insertion-vert",
};
static const char *const sources[] = {
	"sirene", "sirene", "rna", "rna", "gogocarto", "saisie", "import",
};

/* ------------------------------------------------------------ helpers */

/* Complete DIGITS[0..n-2] with a Luhn check digit in DIGITS[n-1]. */
static void luhn(char *d, int n)
{
	int i, sum = 0, v;

	for (i = n - 2; i >= 0; i--) {
		v = d[i] - '0';
		if ((n - i) % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	d[n - 1] = (char)('0' + (10 - sum % 10) % 10);
}

/* A SIREN (9 digits) and a SIRET (14), both Luhn-valid. */
static void make_siret(char siren[10], char siret[15])
{
	int i;

	siren[0] = (char)('1' + rnd(9));
	for (i = 1; i < 8; i++)
		siren[i] = (char)('0' + rnd(10));
	siren[9] = 0;
	luhn(siren, 9);
	memcpy(siret, siren, 9);
	memcpy(siret + 9, "000", 3);
	siret[12] = (char)('1' + rnd(rnd(4) == 0 ? 9 : 3));
	siret[14] = 0;
	luhn(siret, 14);
}

static void fdate(struct fld *f, unsigned y0, unsigned years)
{
	fnum(f, y0 + rnd(years), 4);
	fputch(f, '-');
	fnum(f, 1 + rnd(12), 2);
	fputch(f, '-');
	fnum(f, 1 + rnd(28), 2);
}

/* Upper case without accents, as SIRENE writes names (the few letters used). */
static void upper_ascii(const char *s, char *o, size_t cap)
{
	static const char *const map[][2] = {
		{ "é", "E" }, { "è", "E" }, { "ê", "E" }, { "ë", "E" }, { "à", "A" },
		{ "â", "A" }, { "ä", "A" }, { "î", "I" }, { "ï", "I" }, { "ô", "O" },
		{ "ö", "O" }, { "û", "U" }, { "ü", "U" }, { "ù", "U" }, { "ç", "C" },
		{ "œ", "OE" }, { "æ", "AE" }, { "ÿ", "Y" }, { "É", "E" }, { "È", "E" },
		{ "Ê", "E" }, { "À", "A" }, { "Â", "A" }, { "Î", "I" }, { "Ô", "O" },
		{ "Û", "U" }, { "Ç", "C" }, { "Œ", "OE" }, { "Æ", "AE" },
	};
	size_t n = 0, k, l;

	while (*s && n + 3 < cap) {
		if ((unsigned char)*s >= 0x80) {
			for (k = 0; k < N_(map); k++) {
				l = strlen(map[k][0]);
				if (strncmp(s, map[k][0], l) == 0)
					break;
			}
			if (k < N_(map)) {
				for (l = 0; map[k][1][l]; l++)
					o[n++] = map[k][1][l];
				s += strlen(map[k][0]);
				continue;
			}
			o[n++] = *s++; /* not in the table: kept */
			continue;
		}
		o[n++] = (*s >= 'a' && *s <= 'z') ? (char)(*s - 32) : *s;
		s++;
	}
	o[n] = 0;
}

/* WGS84 latitude/longitude (degrees) to Lambert-93 metres. */
static void lambert93(double lat, double lon, double *x, double *y)
{
	const double n = 0.7256077650532670, c = 11754255.426096, xs = 700000.0,
		     ys = 12655612.049876, e = 0.0818191910428158;
	double phi = lat * M_PI / 180, s = sin(phi);
	double l = atanh(s) - e * atanh(e * s);
	double r = c * exp(-n * l), g = n * (lon - 3.0) * M_PI / 180;

	*x = xs + r * sin(g);
	*y = ys - r * cos(g);
}

/* A place: department, postcode, commune, INSEE code, coordinates. */
struct place {
	const struct dept *d;
	char postcode[8];
	const char *commune;
	char insee[8];
	double lat, lon;
};

static void make_place(struct place *p, int with_dom)
{
	const struct dept *d;
	unsigned k;
	int pc;

	if (with_dom && chance(100)) {
		d = &doms[rnd(N_(doms))];
		pc = d->postcode * 100 + (int)rnd(10) * 10;
	} else {
		k = rnd(NMAIN); /* 19 is Corsica: 2A or 2B, one department among 95 */
		if (k > 19 || (k == 19 && rnd(2)))
			k++;
		d = &depts[k];
		if (d->postcode == 20)
			pc = 20000 + (d->code[1] == 'A' ? (int)rnd(20) : 20 + (int)rnd(43)) * 10;
		else
			pc = d->postcode * 1000 + (int)rnd(100) * 10;
	}
	p->d = d;
	snprintf(p->postcode, sizeof p->postcode, "%05d", pc);
	if (rnd(10) < 3)
		p->commune = d->pref;
	else if (d->postcode == 24)
		p->commune = PICK(dordogne);
	else if (d->postcode == 20)
		p->commune = PICK(corse);
	else
		p->commune = PICK(communes);
	if (strlen(d->code) == 3)
		snprintf(p->insee, sizeof p->insee, "%s%02u", d->code, 1 + rnd(34));
	else
		snprintf(p->insee, sizeof p->insee, "%s%03u", d->code, 1 + rnd(899));
	p->lat = d->lat + (unit() - 0.5) * 0.6;
	p->lon = d->lon + (unit() - 0.5) * 0.8;
}

/*
 * Join K picks of LIST with '|', K being 0, 1 or 2 with the chances P0 and P1
 * (per cent), else 3; with probability P (per 10,000) one is a COOP word.
 */
static void join_list(struct fld *f, const char *const *list, size_t n, unsigned p0,
		      unsigned p1, const char *const *coop, size_t ncoop, unsigned p)
{
	unsigned r = rnd(100), k, i, at = 0, with = chance(p);

	k = r < p0 ? 0 : r < p0 + p1 ? 1 : rnd(6) ? 2 : 3;
	if (with && k == 0)
		k = 1;
	if (with)
		at = rnd(k);
	for (i = 0; i < k; i++) {
		if (i)
			fputch(f, '|');
		fput(f, with && i == at ? coop[rnd((unsigned)ncoop)] : list[rnd((unsigned)n)]);
	}
}

/* --------------------------------------------------- directory rows */

static const char dir_header[] =
	"id,name,family,legal_form,siren,siret,rna,naf,sector,description,address,"
	"postcode,commune,insee_code,lat,lon,phone,email,website,offers,needs,tags,"
	"opening_hours,employees,source,updated\n";

struct stats {
	unsigned long long match, in24, coop, grep_coop, grep_both, nl, dq;
};

static void directory_row(unsigned long long id, struct stats *st, FILE *ids)
{
	struct fld f, name, desc, off, ned, tag;
	struct place pl;
	char siren[10], siret[15];
	unsigned fam, r = rnd(100);
	int searched, any = 0, blank_pc;

	fam = r < 62 ? 0 : r < 69 ? 1 : r < 73 ? 2 : r < 76 ? 3 : r < 87 ? 4 : 5;
	make_place(&pl, 1);

	f.n = 0; /* id */
	fputch(&f, 'E');
	fnum(&f, id, 8);
	emit(&f, 0);

	name.n = 0;
	if (fam == 0) {
		if (rnd(2)) {
			fput(&name, PICK(assoc_lead));
			fputch(&name, ' ');
		}
		fput(&name, chance(150) ? "Coopération et Développement" : PICK(assoc_topic));
	} else if (fam == 1) {
		fput(&name, PICK(coop_lead));
		fputch(&name, ' ');
		fput(&name, PICK(coop_topic));
	} else {
		fput(&name, other_lead[fam - 2][rnd(6)]);
		fputch(&name, ' ');
		fput(&name, PICK(other_topic));
	}
	if (chance(800)) {
		fput(&name, rnd(2) ? " de " : " – ");
		fput(&name, pl.commune);
	}
	emit(&name, 0);
	emits(families[fam], 0);
	any |= fam == 1; /* "cooperative" */
	f.n = 0;
	fput(&f, legal_forms[fam][rnd(6)]);
	any |= has_coop_any(f.s, f.n);
	emit(&f, 0);

	if (fam == 0 && chance(2500)) { /* small associations have no SIREN */
		emits("", 0);
		emits("", 0);
	} else {
		make_siret(siren, siret);
		emits(siren, 0);
		emits(chance(4500) ? "" : siret, 0);
	}
	f.n = 0; /* rna */
	if (fam == 0 && chance(7000)) {
		fputch(&f, 'W');
		fput(&f, pl.d->code);
		fnum(&f, rnd(10000000), 7);
	}
	emit(&f, 0);
	emits(PICK(nafs), 0);
	f.n = 0;
	if (chance(100))
		fput(&f, "Coopération internationale");
	else if (rnd(10) >= 4)
		fput(&f, PICK(sectors));
	any |= has_coop_any(f.s, f.n);
	emit(&f, 0);

	desc.n = 0; /* description: a "coop" word in 2.5 % of the rows */
	r = rnd(100);
	searched = chance(250);
	if (r >= 71 || searched) {
		unsigned k = r < 88 ? 1 : r < 97 ? 2 : 3, i, at = 99;

		if (searched)
			at = rnd(k);
		if (rnd(3) == 0)
			fput(&desc, PICK(desc_lead));
		for (i = 0; i < k; i++) {
			if (i)
				fput(&desc, i + 1 == k && rnd(2) ? " et " : ", ");
			fput(&desc, i == at ? PICK(desc_coop) : PICK(desc_frag));
		}
		if (chance(330)) { /* 1 % of all rows */
			fput(&desc, PICK(desc_quote));
			st->dq++;
		}
		fputch(&desc, '.');
	}
	if (desc.n && chance(640)) { /* 2 % of all rows */
		fput(&desc, PICK(desc_nl));
		st->nl++;
	}
	emit(&desc, 0);

	f.n = 0; /* address */
	if (chance(150)) {
		if (rnd(2)) {
			fnum(&f, 1 + rnd(40), 1);
			fputch(&f, ' ');
		}
		fput(&f, PICK(addr_coop));
	} else if (rnd(4) == 0) {
		;
	} else if (rnd(10) == 0) {
		fput(&f, rnd(2) ? "Lieu-dit Les Granges" : "Le Bourg");
	} else {
		fnum(&f, 1 + rnd(rnd(4) ? 40 : 300), 1);
		if (chance(300))
			fput(&f, " bis");
		fputch(&f, ' ');
		fput(&f, PICK(streets));
		if (chance(1000))
			fput(&f, PICK(addr_extra));
	}
	any |= has_coop_any(f.s, f.n);
	emit(&f, 0);

	f.n = 0; /* postcode: a few with a stray space, as typed in a spreadsheet */
	blank_pc = chance(50);
	if (blank_pc && rnd(2))
		fputch(&f, ' ');
	fput(&f, pl.postcode);
	if (blank_pc && f.s[0] != ' ')
		fputch(&f, ' ');
	emit(&f, 0);
	emits(pl.commune, 0);
	emits(pl.insee, 0);
	if (chance(9500)) {
		f.n = 0;
		ffix(&f, pl.lat, 4);
		emit(&f, 0);
		f.n = 0;
		ffix(&f, pl.lon, 4);
		emit(&f, 0);
	} else {
		emits("", 0);
		emits("", 0);
	}

	f.n = 0; /* phone */
	if (chance(2500)) {
		fnum(&f, rnd(4) ? 1 + rnd(5) : 6 + rnd(2), 2);
		for (r = 0; r < 4; r++) {
			fputch(&f, ' ');
			fnum(&f, rnd(100), 2);
		}
	}
	emit(&f, 0);
	f.n = 0; /* email */
	if (chance(1800)) {
		fput(&f, rnd(3) ? "contact@" : "bonjour@");
		fput(&f, PICK(slugs));
		fput(&f, rnd(4) ? ".fr" : ".org");
	}
	any |= has_coop_any(f.s, f.n);
	emit(&f, 0);
	f.n = 0; /* website */
	if (chance(1000)) {
		fput(&f, "https://www.");
		fput(&f, PICK(slugs));
		fput(&f, rnd(3) ? ".fr" : ".org");
	}
	any |= has_coop_any(f.s, f.n);
	emit(&f, 0);

	off.n = ned.n = tag.n = 0;
	join_list(&off, offers, N_(offers), 65, 25, offers_coop, N_(offers_coop), 60);
	join_list(&ned, needs, N_(needs), 80, 17, needs_coop, N_(needs_coop), 40);
	join_list(&tag, tags, N_(tags), 20, 70, tags_coop, N_(tags_coop), 150);
	emit(&off, 0);
	emit(&ned, 0);
	emit(&tag, 0);

	emits(chance(1000) ? PICK(hours) : "", 0);
	f.n = 0; /* employees */
	if (chance(7500))
		fnum(&f, rnd(4) ? rnd(12) : rnd(250), 1);
	emit(&f, 0);
	emits(PICK(sources), 0);
	f.n = 0;
	fdate(&f, 2023, 3);
	emit(&f, 1);

	searched = has_coop_word(name.s, name.n) || has_coop_word(desc.s, desc.n) ||
		   has_coop_word(off.s, off.n) || has_coop_word(ned.s, ned.n) ||
		   has_coop_word(tag.s, tag.n);
	any |= has_coop_any(name.s, name.n) || has_coop_any(desc.s, desc.n) ||
	       has_coop_any(off.s, off.n) || has_coop_any(ned.s, ned.n) ||
	       has_coop_any(tag.s, tag.n);
	if (searched)
		st->coop++;
	if (any)
		st->grep_coop++;
	if (pl.postcode[0] == '2' && pl.postcode[1] == '4') {
		st->in24++;
		if (searched) {
			st->match++;
			if (ids)
				fprintf(ids, "E%08llu\n", id);
		}
		if (any)
			st->grep_both++;
	}
}

/* ------------------------------------------------------ SIRENE rows */

static const char sirene_header[] =
	"siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,"
	"trancheEffectifsEtablissement,anneeEffectifsEtablissement,"
	"activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,"
	"etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,"
	"numeroVoieEtablissement,indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,"
	"indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,"
	"libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,"
	"libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,"
	"codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,"
	"codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,"
	"identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,"
	"coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,"
	"numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,"
	"libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,"
	"libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,"
	"codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,"
	"codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,"
	"etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,"
	"enseigne3Etablissement,denominationUsuelleEtablissement,"
	"activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,"
	"caractereEmployeurEtablissement,activitePrincipaleNAF25Etablissement\n";

static const char *const voie_types[] = {
	"RUE", "RUE", "RUE", "AV", "BD", "PL", "CHE", "RTE", "ALL", "IMP", "LD", "QUAI",
	"CRS", "ZA", "LOT", "RES",
};
static const char *const voie_names[] = {
	"VICTOR HUGO", "DE LA REPUBLIQUE", "DU MARCHE", "DES ECOLES", "DU MOULIN",
	"DE BORDEAUX", "GAMBETTA", "DES LILAS", "DES CHATAIGNIERS", "JEAN JAURES",
	"DE L ISLE", "DE LA PAIX", "DE L EGLISE", "PASTEUR", "DU CHATEAU", "JEAN MOULIN",
	"DE LA GARE", "GRANDE RUE", "DES FOSSES", "DE LA LIBERATION", "DU 8 MAI 1945",
	"DU GENERAL DE GAULLE", "DES PRES", "DE LA FONTAINE",
};
static const char *const complements[] = {
	"BATIMENT B", "ZA DU PONTET", "LE BOURG", "RESIDENCE LES PINS", "2EME ETAGE",
	"ZONE ARTISANALE", "LIEU DIT LES GRANGES", "CENTRE COMMERCIAL",
};
static const char *const enseignes[] = {
	"LA RECYCLERIE", "EPICERIE SOLIDAIRE", "CAFE ASSOCIATIF", "LE RELAIS",
	"BOULANGERIE DU BOURG", "GARAGE SOLIDAIRE", "LA RESSOURCERIE", "LE JARDIN DE COCAGNE",
	"BIO ET LOCAL", "COOPERATIVE AGRICOLE", "LE TIERS LIEU", "CRECHE LES P'TITS LOUPS",
};
static const char *const tranches[] = {
	"NN", "NN", "NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41",
	"42", "51", "52", "53",
};

static void sirene_row(void)
{
	struct fld f;
	struct place pl;
	char siren[10], siret[15], up[128], cedex[140];
	int nd = chance(100), active = rnd(100) < 58, geo = chance(9300), i;
	double x, y;
	const char *naf = PICK(nafs);

	make_place(&pl, 0);
	make_siret(siren, siret);
	emits(siren, 0);
	f.n = 0;
	for (i = 9; i < 14; i++)
		fputch(&f, siret[i]);
	emit(&f, 0);
	emits(siret, 0);
	emits(nd ? "P" : "O", 0);
	f.n = 0; /* dateCreationEtablissement */
	if (chance(100))
		fput(&f, "1900-01-01");
	else if (!chance(150))
		fdate(&f, 1950, 75);
	emit(&f, 0);
	f.n = 0;
	if (chance(3500)) {
		fput(&f, PICK(tranches));
		emit(&f, 0);
		f.n = 0;
		fnum(&f, 2019 + rnd(5), 4);
	} else {
		emit(&f, 0);
	}
	emit(&f, 0);
	emits(chance(300) ? "10.71CZ" : "", 0); /* registre des métiers, rare */
	f.n = 0;
	fdate(&f, 2015, 10);
	fput(&f, "T0");
	fnum(&f, rnd(10), 1);
	fputch(&f, ':');
	fnum(&f, rnd(60), 2);
	fputch(&f, ':');
	fnum(&f, rnd(60), 2);
	emit(&f, 0);
	emits(rnd(3) ? "true" : "false", 0);
	f.n = 0;
	fnum(&f, 1 + rnd(rnd(3) ? 2 : 6), 1);
	emit(&f, 0);

	/* address: [ND] where the unit is only partly disclosed */
	emits(nd ? "[ND]" : chance(1200) ? PICK(complements) : "", 0);
	f.n = 0;
	if (nd)
		fput(&f, "[ND]");
	else if (rnd(5))
		fnum(&f, 1 + rnd(rnd(4) ? 40 : 300), 1);
	emit(&f, 0);
	emits(nd ? "[ND]" : chance(300) ? "B" : "", 0);
	emits(nd ? "[ND]" : "", 0);
	emits(nd ? "[ND]" : "", 0);
	emits(nd ? "[ND]" : PICK(voie_types), 0);
	emits(nd ? "[ND]" : PICK(voie_names), 0);
	emits(pl.postcode, 0);
	upper_ascii(pl.commune, up, sizeof up);
	emits(up, 0);
	emits("", 0);                     /* libelleCommuneEtranger */
	emits(chance(150) ? "BP 12" : "", 0); /* distributionSpeciale */
	emits(pl.insee, 0);
	if (chance(100)) {
		emits(pl.postcode, 0);
		snprintf(cedex, sizeof cedex, "%s CEDEX", up);
		emits(cedex, 0);
	} else {
		emits("", 0);
		emits("", 0);
	}
	emits("", 0); /* codePaysEtranger */
	emits("", 0); /* libellePaysEtranger */
	f.n = 0;      /* identifiantAdresseEtablissement (BAN) */
	if (nd) {
		fput(&f, "[ND]");
	} else if (geo && chance(8000)) {
		fput(&f, pl.insee);
		fputch(&f, '_');
		fnum(&f, rnd(10000), 4);
		fputch(&f, '_');
		fnum(&f, rnd(100), 5);
	}
	emit(&f, 0);
	if (nd) {
		emits("[ND]", 0);
		emits("[ND]", 0);
	} else if (geo) {
		lambert93(pl.lat, pl.lon, &x, &y);
		f.n = 0;
		ffix(&f, x, 1);
		emit(&f, 0);
		f.n = 0;
		ffix(&f, y, 1);
		emit(&f, 0);
	} else {
		emits("", 0);
		emits("", 0);
	}
	for (i = 0; i < 14; i++) /* the second address: almost always empty */
		emits("", 0);
	f.n = 0;
	fdate(&f, 1990, 35);
	emit(&f, 0);
	emits(active ? "A" : "F", 0);
	emits(chance(2500) ? PICK(enseignes) : "", 0);
	emits("", 0);
	emits("", 0);
	emits(chance(800) ? PICK(enseignes) : "", 0);
	emits(naf, 0);
	emits(rnd(20) ? "NAFRev2" : "NAFRev1", 0);
	emits(active ? (rnd(3) ? "N" : "O") : "N", 0);
	if (active) {
		f.n = 0;
		fput(&f, naf);
		f.s[5] = 'Y';
		emit(&f, 1);
	} else {
		emits("", 1);
	}
}

/* ------------------------------------------------------------ main */

static void usage(void)
{
	fprintf(stderr, "usage: gen-directory ROWS [EXPECTED [IDS]] > FILE\n"
			"       gen-directory --sirene ROWS > FILE\n");
	exit(64);
}

int main(int argc, char **argv)
{
	unsigned long long rows, r;
	struct stats st;
	char *end;
	int sirene = 0;
	FILE *ef, *ids = NULL;

	if (argc > 1 && strcmp(argv[1], "--sirene") == 0) {
		sirene = 1;
		argv++;
		argc--;
	}
	if (argc < 2 || argc > (sirene ? 2 : 4))
		usage();
	rows = strtoull(argv[1], &end, 10);
	if (*argv[1] == 0 || *end)
		usage();
	check_vocab(assoc_lead, N_(assoc_lead), "assoc_lead");
	check_vocab(assoc_topic, N_(assoc_topic), "assoc_topic");
	check_vocab(coop_lead, N_(coop_lead), "coop_lead");
	check_vocab(coop_topic, N_(coop_topic), "coop_topic");
	check_vocab(other_topic, N_(other_topic), "other_topic");
	check_vocab(&other_lead[0][0], sizeof other_lead / sizeof(char *), "other_lead");
	check_vocab(desc_lead, N_(desc_lead), "desc_lead");
	check_vocab(desc_frag, N_(desc_frag), "desc_frag");
	check_vocab(desc_coop, N_(desc_coop), "desc_coop");
	check_vocab(desc_nl, N_(desc_nl), "desc_nl");
	check_vocab(desc_quote, N_(desc_quote), "desc_quote");
	check_vocab(offers, N_(offers), "offers");
	check_vocab(offers_coop, N_(offers_coop), "offers_coop");
	check_vocab(needs, N_(needs), "needs");
	check_vocab(needs_coop, N_(needs_coop), "needs_coop");
	check_vocab(tags, N_(tags), "tags");
	check_vocab(tags_coop, N_(tags_coop), "tags_coop");
	check_vocab(communes, N_(communes), "communes");
	check_vocab(dordogne, N_(dordogne), "dordogne");
	check_vocab(addr_coop, N_(addr_coop), "addr_coop");
	check_vocab(slugs, N_(slugs), "slugs");
	check_vocab(sectors, N_(sectors), "sectors");
	check_vocab(&legal_forms[0][0], sizeof legal_forms / sizeof(char *), "legal_forms");

	memset(&st, 0, sizeof st);
	if (!sirene && argc == 4 && !(ids = fopen(argv[3], "w"))) {
		perror(argv[3]);
		return 73;
	}
	outs(sirene ? sirene_header : dir_header);
	for (r = 1; r <= rows; r++) {
		if (sirene)
			sirene_row();
		else
			directory_row(r, &st, ids);
	}
	flush_out();
	if (fflush(stdout) != 0) {
		perror("gen-directory: write");
		return 74;
	}
	if (ids && fclose(ids) != 0) {
		perror(argv[3]);
		return 74;
	}
	if (!sirene && argc >= 3) {
		if (!(ef = fopen(argv[2], "w")) || fprintf(ef, "%llu\n", st.match) < 0 ||
		    fclose(ef) != 0) {
			perror(argv[2]);
			return 73;
		}
		fprintf(stderr,
			"rows=%llu match=%llu postcode24=%llu coop_word=%llu "
			"coop_anywhere=%llu coop_anywhere_and_24=%llu line_breaks=%llu "
			"doubled_quotes=%llu\n",
			rows, st.match, st.in24, st.coop, st.grep_coop, st.grep_both, st.nl,
			st.dq);
	}
	return 0;
}
