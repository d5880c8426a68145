/*
 * gen-basket.c: a generated basket association for bench/basket.sh.
 *
 *   gen-basket HOUSEHOLDS YEAR DIR
 *
 * writes DIR/settings.csv ... roster.csv: 4 producers, 20 products (5 with
 * a price change on the first Monday of July, 2 sold by the kg), about 1.4
 * members a household, a membership per household (family) or per member
 * (adult) paid before the first distribution, 1 to 3 subscriptions a
 * household (weekly or every 2 weeks; some start late, some end early,
 * some switch rhythm mid-year without overlap), about 4 orders a household
 * (changes, cancellations with 0, extras, kilos with a decimal comma; some
 * repeated, the last wins), absences, 2 closures, a monthly payment per
 * household and a roster.  Fixed seed: the same arguments give the same
 * files.
 *
 * Restricted to rules that bench/basket.sql also expresses: absence
 * policy skip, no shared basket, no moved distribution, orders only on
 * days a distribution is held, every membership valid all year.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 0x2545F4914F6CDD1DULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)((rng >> 11) % n);
}

/* Days since 1970-01-01 and back (proleptic Gregorian). */
static long
days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static const char *
ymd(long z, char *buf)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	sprintf(buf, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
	return buf;
}

static FILE *
open_csv(const char *dir, const char *name, const char *header)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(fp = fopen(path, "w"))) {
		perror(path);
		exit(1);
	}
	fprintf(fp, "%s\n", header);
	return fp;
}

static const char *first[] = { "Martine", "Gérard", "Sophie", "Julien", "Claire",
	"Nadia", "Pierre", "Léa", "Hugo", "Jeanne", "Bernard", "Isabelle", "Thomas",
	"Aurélie", "Monique", "François", "Camille", "Yannick", "Odile", "Karim",
	"Élise", "Rémi", "Chantal", "Antoine", "Marie-Hélène", "Lucas", "Nathalie",
	"Jean-Paul", "Émilie", "Baptiste", "Hélène", "Anaïs", "Gaëlle", "Kevin" };
static const char *last[] = { "Lacombe", "Delmas", "Roux", "Bessac", "Benali",
	"Chabrol", "Fournier", "Mazeau", "Lafaye", "Vergnaud", "Peyronnet", "Dubreuil",
	"Teyssier", "Audoin", "Le Goff", "Rougier", "Haddad", "Bouchaud", "Lagarde",
	"Faurie", "Brousse", "Desvergne", "Puyrigaud", "Grellier", "Nadaud", "Sarlat",
	"Mounier", "Boissière", "Lamy", "Morin", "Dufour", "Œuvray" };

/* The products: id, producer, label, unit, price in cents, kg, new price. */
static const struct {
	const char *id, *producer, *label, *unit;
	int cents, kg, july;
} prod[20] = {
	{ "panier-petit", "potager", "Petit panier de légumes", "panier", 1200, 0, 1250 },
	{ "panier-moyen", "potager", "Panier moyen de légumes", "panier", 1600, 0, 0 },
	{ "panier-grand", "potager", "Grand panier de légumes", "panier", 2000, 0, 2100 },
	{ "pommes", "potager", "Pommes, sac de 2 kg", "sac", 500, 0, 0 },
	{ "salades", "potager", "Salades, les deux", "lot", 250, 0, 0 },
	{ "oeufs-12", "chabanne", "Œufs, la douzaine", "douzaine", 450, 0, 480 },
	{ "oeufs-6", "chabanne", "Œufs, la demi-douzaine", "demi-douzaine", 240, 0, 0 },
	{ "poulet", "chabanne", "Poulet fermier prêt à cuire", "kg", 1250, 1, 1290 },
	{ "pintade", "chabanne", "Pintade fermière", "kg", 1490, 1, 0 },
	{ "terrine", "chabanne", "Terrine de campagne, 200 g", "pot", 530, 0, 0 },
	{ "pain-campagne", "lavaud", "Pain de campagne au levain, 1 kg", "pièce", 520, 0, 540 },
	{ "pain-graines", "lavaud", "Pain aux graines, 500 g", "pièce", 380, 0, 0 },
	{ "brioche", "lavaud", "Brioche \"maison\"", "pièce", 650, 0, 0 },
	{ "farine", "lavaud", "Farine T80, 1 kg", "sac", 310, 0, 0 },
	{ "croquants", "lavaud", "Croquants aux noix", "sachet", 420, 0, 0 },
	{ "yaourts", "barthe", "Yaourts nature, les 4", "lot", 360, 0, 0 },
	{ "tomme", "barthe", "Tomme de vache, 500 g", "pièce", 890, 0, 0 },
	{ "fromage-frais", "barthe", "Fromage frais", "pot", 275, 0, 0 },
	{ "lait", "barthe", "Lait cru, 1 l", "bouteille", 120, 0, 0 },
	{ "beurre", "barthe", "Beurre de baratte, 250 g", "plaquette", 395, 0, 0 },
};

/* Products a household subscribes to (no per-kg product). */
static const int subbable[] = { 0, 1, 2, 3, 5, 6, 10, 11, 15, 16, 18 };

int
main(int argc, char **argv)
{
	int nh, year, npeople, *hfirst, *hsize;
	long first_monday, d, jan1, dec31, july, xmas, easter_mon;
	long *held, nheld = 0;
	char b1[16], b2[16];
	const char *dir;
	FILE *fp, *sub, *ord, *abs, *pay;

	if (argc != 4 || (nh = atoi(argv[1])) < 1 || (year = atoi(argv[2])) < 1971) {
		fprintf(stderr, "usage: gen-basket HOUSEHOLDS YEAR DIR\n");
		return 64;
	}
	dir = argv[3];
	jan1 = days(year, 1, 1);
	dec31 = days(year, 12, 31);
	/* 1970-01-01 was a Thursday: Monday is (z + 3) % 7 == 0. */
	first_monday = jan1 + (7 - (jan1 + 3) % 7) % 7;
	july = days(year, 7, 1);
	july += (7 - (july + 3) % 7) % 7;
	/* Closures: the second Monday of April (a holiday stand-in) and
	 * Christmas week to the year's end. */
	easter_mon = days(year, 4, 1);
	easter_mon += (7 - (easter_mon + 3) % 7) % 7 + 7;
	xmas = days(year, 12, 21);
	held = calloc(60, sizeof *held);
	for (d = first_monday; d <= dec31; d += 7)
		if (d != easter_mon && d < xmas)
			held[nheld++] = d;

	fp = open_csv(dir, "settings.csv", "key,value");
	fprintf(fp, "name,Association des paniers (banc d'essai)\n"
		"place,\"1 place du Marché, 24000 Périgueux\"\nweekday,monday\n"
		"hours,15:00-17:00\nfee_adult,\"10,00\"\nfee_family,\"15,00\"\n"
		"fee_visit,\"2,00\"\nmembership_year,calendar\nabsence_policy,skip\n"
		"order_deadline_hours,48\n");
	fclose(fp);
	fp = open_csv(dir, "producers.csv", "producer,name,contact,phone,email,cheque_payee");
	fprintf(fp, "potager,Le Potager des Farges,Mathieu Delpeyrat,05 36 49 10 20,potager@example.org,EARL Le Potager des Farges\n"
		"chabanne,Ferme de la Chabanne,Sandrine Vialle,06 39 98 21 45,chabanne@example.org,GAEC de la Chabanne\n"
		"lavaud,Le Fournil de Lavaud,Olivier Manet,06 39 98 33 07,lavaud@example.net,Olivier Manet\n"
		"barthe,\"Laiterie de la Barthe, SARL\",Anne Roche,06 39 98 34 11,barthe@example.net,SARL Laiterie de la Barthe\n");
	fclose(fp);
	fp = open_csv(dir, "products.csv", "product,producer,label,unit,price,pricing,valid_from");
	for (int i = 0; i < 20; i++) {
		const char *l = prod[i].label;
		int q = strchr(l, ',') || strchr(l, '"');

		for (int k = 0; k < 2; k++) {
			int c = k ? prod[i].july : prod[i].cents;

			if (!c)
				continue;
			fprintf(fp, "%s,%s,", prod[i].id, prod[i].producer);
			if (q) {
				fputc('"', fp);
				for (const char *s = l; *s; s++) {
					if (*s == '"')
						fputc('"', fp);
					fputc(*s, fp);
				}
				fputc('"', fp);
			} else {
				fputs(l, fp);
			}
			fprintf(fp, ",%s,\"%d,%02d\",%s,%s\n", prod[i].unit, c / 100, c % 100,
				prod[i].kg ? "kg" : "unit", ymd(k ? july : jan1, b1));
		}
	}
	fclose(fp);

	/* Members: 40 % of the households have two. */
	hfirst = calloc((size_t)nh + 1, sizeof *hfirst);
	hsize = calloc((size_t)nh + 1, sizeof *hsize);
	fp = open_csv(dir, "members.csv", "member,household,name,phone,email");
	npeople = 0;
	for (int h = 0; h < nh; h++) {
		const char *ln = last[rnd(sizeof last / sizeof *last)];

		hfirst[h] = npeople + 1;
		hsize[h] = rnd(10) < 4 ? 2 : 1;
		for (int k = 0; k < hsize[h]; k++) {
			int m = ++npeople;

			fprintf(fp, "M%05d,H%05d,%s %s,06 39 %02u %02u %02u,", m, h + 1,
				first[rnd(sizeof first / sizeof *first)], ln, rnd(100), rnd(100), rnd(100));
			if (rnd(4))
				fprintf(fp, "m%05d@example.org", m);
			fputc('\n', fp);
		}
	}
	fclose(fp);
	fp = open_csv(dir, "memberships.csv", "member,kind,paid_on,amount");
	for (int h = 0; h < nh; h++) {
		ymd(jan1 + (long)rnd(4), b1);
		if (hsize[h] == 2 && rnd(2))
			fprintf(fp, "M%05d,family,%s,15.00\n", hfirst[h], b1);
		else
			for (int k = 0; k < hsize[h]; k++)
				fprintf(fp, "M%05d,adult,%s,10.00\n", hfirst[h] + k, b1);
	}
	fclose(fp);

	sub = open_csv(dir, "subscriptions.csv", "member,product,quantity,from,to,every,shared_with");
	ord = open_csv(dir, "orders.csv", "date,member,product,quantity");
	abs = open_csv(dir, "absences.csv", "member,from,to");
	pay = open_csv(dir, "payments.csv", "member,date,amount,method,cheque_no,cash_on");
	for (int h = 0; h < nh; h++) {
		int m = hfirst[h], ns = 1 + (rnd(10) < 4) + (rnd(10) < 2), used = 0;

		for (int s = 0; s < ns; s++) {
			int p, every = rnd(3) ? 1 : 2, qty = rnd(8) ? 1 : 2;
			long from = first_monday, to = -1;

			do
				p = subbable[rnd(sizeof subbable / sizeof *subbable)];
			while (used & (1 << p));
			used |= 1 << p;
			if (rnd(8) == 0)
				from = first_monday + 7L * rnd(30);
			if (rnd(8) == 0)
				to = from + 7L * (10 + rnd(20));
			else if (rnd(6) == 0)
				to = days(year, 12, 31);
			if (to > 0 && to > dec31)
				to = dec31;
			if (rnd(12) == 0 && to < 0 && from < july - 7) {
				/* Switches rhythm in July: two rows, no overlap. */
				fprintf(sub, "M%05d,%s,%d,%s,%s,%d,\n", m, prod[p].id, qty,
					ymd(from, b1), ymd(july - 7, b2), every);
				from = july;
				every = 3 - every;
			}
			fprintf(sub, "M%05d,%s,%d,%s,%s,%d,\n", m, prod[p].id, qty, ymd(from, b1),
				to < 0 ? "" : ymd(to, b2), every);
		}
		/* Orders by any member of the household, on held days. */
		for (int o = rnd(9); o > 0; o--) {
			int who = m + (int)rnd((unsigned)hsize[h]), p = (int)rnd(20);
			long day = held[rnd((unsigned)nheld)];
			int q = rnd(6) == 0 ? 0 : 1 + (int)rnd(3);

			ymd(day, b1);
			if (prod[p].kg && q)
				fprintf(ord, "%s,M%05d,%s,\"%u,%u\"\n", b1, who, prod[p].id,
					1 + rnd(2), rnd(10));
			else
				fprintf(ord, "%s,M%05d,%s,%d\n", b1, who, prod[p].id, q);
			if (rnd(10) == 0)	/* changed their mind: the last line wins */
				fprintf(ord, "%s,M%05d,%s,%u\n", b1, who, prod[p].id, rnd(3));
		}
		if (rnd(5) == 0) {
			long from = jan1 + (long)rnd(330);

			fprintf(abs, "M%05d,%s,%s\n", m + (int)rnd((unsigned)hsize[h]),
				ymd(from, b1), ymd(from + 6 + 7L * rnd(3), b2));
		}
		for (int mo = 1; mo <= 12; mo++) {
			int c = 1500 + (int)rnd(6000);
			int kind = rnd(3);

			fprintf(pay, "M%05d,%s,\"%d,%02d\",%s,", m, ymd(days(year, mo, 1 + (int)rnd(5)), b1),
				c / 100, c % 100, kind == 0 ? "cheque" : kind == 1 ? "cash" : "transfer");
			if (kind == 0)
				fprintf(pay, "%07u", 1000000 + rnd(9000000));
			fprintf(pay, ",\n");
		}
	}
	fclose(sub);
	fclose(ord);
	fclose(abs);
	fclose(pay);

	fp = open_csv(dir, "closures.csv", "from,to,reason,moved_to");
	fprintf(fp, "%s,%s,jour férié,\n", ymd(easter_mon, b1), ymd(easter_mon, b2));
	fprintf(fp, "%s,%s,\"fermeture de Noël, réouverture en janvier\",\n", ymd(xmas, b1),
		ymd(dec31, b2));
	fclose(fp);
	fp = open_csv(dir, "roster.csv", "date,role,member");
	for (long i = 0; i < nheld; i++) {
		fprintf(fp, "%s,accueil,M%05u\n", ymd(held[i], b1), 1 + rnd((unsigned)npeople));
		fprintf(fp, "%s,caisse,M%05u\n", b1, 1 + rnd((unsigned)npeople));
	}
	fclose(fp);
	free(held);
	free(hfirst);
	free(hsize);
	return 0;
}
