/*
 * test_table.c: sniffing, headers, aliases, rows from CSV, TSV, JSON and
 * JSON Lines files.  Errors that exit are tested through the binaries
 * (tests/cli); here only what returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "table.h"
#include "t.h"

static char tmpdir[] = "/tmp/test_table.XXXXXX";
static int nfiles;

/* Writes len bytes to a new temporary file; returns its path (static). */
static const char *
file_n(const char *data, size_t len)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/f%d.txt", tmpdir, nfiles++);
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

static const char *
file(const char *data)
{
	return file_n(data, strlen(data));
}

static struct table_opts
opts(void)
{
	struct table_opts o;

	memset(&o, 0, sizeof o);
	return o;
}

static struct table *
open_s(const char *data)
{
	struct table_opts o = opts();

	return table_open(file(data), &o);
}

/* The header as "a|b|c". */
static const char *
header(const struct table *t)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	for (size_t i = 0; i < t->ncols; i++)
		buf_printf(&b, "%s%s", i ? "|" : "", t->cols[i]);
	return b.data;
}

/* Every remaining row as "LINE:a|b|c", separated by spaces. */
static const char *
rows(struct table *t)
{
	static struct buf b = BUF_INIT;
	struct row *r;

	buf_reset(&b);
	while ((r = table_next(t))) {
		buf_printf(&b, "%s%ld:", b.len ? " " : "", r->line);
		for (size_t i = 0; i < r->n; i++)
			buf_printf(&b, "%s%s", i ? "|" : "", r->f[i]);
	}
	return b.data;
}

static void
test_sniff_csv(void)
{
	struct table *t = open_s("item,vote\na,vert\nb,rouge\n");

	T_EQ(t->format, TF_CSV);
	T_EQ(t->csv.delim, ',');
	T_EQ(t->ncols, 2);
	T_STREQ(header(t), "item|vote");
	T_EQ(t->header_line, 1);
	T_STREQ(rows(t), "2:a|vert 3:b|rouge");
	T_EQ(t->rows, 2);
	table_close(t);

	t = open_s("N°;Besoin;Gommettes vertes\n1;Coopération, économie;18\n");
	T_EQ(t->format, TF_CSV);
	T_EQ(t->csv.delim, ';');
	T_STREQ(header(t), "N°|Besoin|Gommettes vertes");
	T_STREQ(rows(t), "2:1|Coopération, économie|18");
	table_close(t);

	t = open_s("a\tb\tc\n1\t2,5\t3\n");
	T_EQ(t->csv.delim, '\t');
	T_STREQ(rows(t), "2:1|2,5|3");
	table_close(t);

	t = open_s("a|b\n1|2\n");
	T_EQ(t->csv.delim, '|');
	T_STREQ(rows(t), "2:1|2");
	table_close(t);

	/* A quoted delimiter in the header does not count. */
	t = open_s("\"a;b;c\",d\n1,2\n");
	T_EQ(t->csv.delim, ',');
	T_STREQ(header(t), "a;b;c|d");
	table_close(t);

	/* One column: ',' and the whole line is the name. */
	t = open_s("label\nx;y\n");
	T_EQ(t->csv.delim, ',');
	T_STREQ(rows(t), "2:x;y");
	table_close(t);
}

static void
test_forced(void)
{
	struct table_opts o = opts();
	struct table *t;

	o.delim = ';';
	t = table_open(file("a,b;c\n1,2;3\n"), &o);
	T_STREQ(header(t), "a,b|c");
	T_STREQ(rows(t), "2:1,2|3");
	table_close(t);

	o = opts();
	o.format = TF_TSV;
	t = table_open(file("a,b\tc\n1,2\t3\n"), &o);
	T_EQ(t->csv.delim, '\t');
	T_STREQ(header(t), "a,b|c");
	table_close(t);

	/* -i csv on something that looks like JSON Lines. */
	o = opts();
	o.format = TF_CSV;
	t = table_open(file("{a},b\n1,2\n"), &o);
	T_EQ(t->format, TF_CSV);
	T_STREQ(header(t), "{a}|b");
	table_close(t);

	/* -i jsonl on an object per line. */
	o = opts();
	o.format = TF_JSONL;
	t = table_open(file("{\"a\":1}\n"), &o);
	T_EQ(t->format, TF_JSONL);
	table_close(t);
}

static void
test_header_place(void)
{
	struct table *t = open_s("\xEF\xBB\xBFitem,vote\r\na,vert\r\n");

	T_STREQ(t->cols[0], "item");
	T_STREQ(rows(t), "2:a|vert");
	table_close(t);

	t = open_s("\n\nitem,vote\n\na,vert\n");
	T_EQ(t->header_line, 3);
	T_STREQ(rows(t), "5:a|vert");
	table_close(t);

	/* A quoted header name over two lines. */
	t = open_s("\"it\nem\",vote\na,b\n");
	T_STREQ(header(t), "it\nem|vote");
	T_STREQ(rows(t), "3:a|b");
	table_close(t);

	/* A header and no rows. */
	t = open_s("item,vote\n");
	T_STREQ(rows(t), "");
	T_EQ(t->rows, 0);
	table_close(t);
}

static void
test_rows_csv(void)
{
	struct table *t = open_s("a,b\n\" x \",\"y\nz\"\n1,\n,\n");

	T_STREQ(rows(t), "2: x |y\nz 4:1| 5:|");
	table_close(t);

	/* Spaces around fields are kept. */
	t = open_s("a,b\n vert , 1 \n");
	T_STREQ(rows(t), "2: vert | 1 ");
	table_close(t);

	/* row_get of a missing column is empty. */
	t = open_s("a\nx\n");
	{
		struct row *r = table_next(t);

		T_OK(r != NULL);
		T_STREQ(row_get(r, -1), "");
		T_STREQ(row_get(r, 0), "x");
		T_EQ(r->recno, 1);
		T_EQ(r->n, 1);
	}
	table_close(t);
}

static void
test_encoding(void)
{
	struct table_opts o = opts();
	struct table *t;

	o.encoding = "windows-1252";
	t = table_open(file("libell\xe9;vote\n\xc9t\xe9 \x80;vert\n"), &o);
	T_EQ(t->csv.delim, ';');
	T_STREQ(header(t), "libellé|vote");
	T_STREQ(rows(t), "2:Été €|vert");
	table_close(t);

	o.encoding = "latin1";
	t = table_open(file("a\n\xe0\xe7\n"), &o);
	T_STREQ(rows(t), "2:àç");
	table_close(t);

	o.encoding = "utf-8";
	t = table_open(file("a\né\n"), &o);
	T_STREQ(rows(t), "2:é");
	table_close(t);
}

static void
test_sniff_json(void)
{
	struct table *t = open_s("[{\"item\":\"a\",\"vote\":\"vert\"},\n {\"item\":\"b\",\"vote\":\"rouge\"}]\n");

	T_EQ(t->format, TF_JSON);
	T_STREQ(header(t), "item|vote");
	T_STREQ(rows(t), "1:a|vert 2:b|rouge");
	T_EQ(t->rows, 2);
	table_close(t);

	t = open_s("\n  \t[\n{\"b\":1,\"a\":2}\n]");
	T_EQ(t->format, TF_JSON);
	T_STREQ(header(t), "b|a");
	T_STREQ(rows(t), "3:1|2");
	table_close(t);

	t = open_s("{\"item\":\"a\",\"vote\":\"vert\"}\n{\"item\":\"b\",\"vote\":\"rouge\"}\n");
	T_EQ(t->format, TF_JSONL);
	T_STREQ(header(t), "item|vote");
	T_STREQ(rows(t), "1:a|vert 2:b|rouge");
	table_close(t);

	t = open_s("\xEF\xBB\xBF{\"a\":1}\n");
	T_EQ(t->format, TF_JSONL);
	T_STREQ(rows(t), "1:1");
	table_close(t);

	/* An empty array: no columns, no rows. */
	t = open_s("[]\n");
	T_EQ(t->format, TF_JSON);
	T_EQ(t->ncols, 0);
	T_STREQ(rows(t), "");
	table_close(t);
}

static void
test_json_values(void)
{
	struct table *t;

	/* Numbers as text. */
	t = open_s("[{\"a\":10,\"b\":-3,\"c\":1.5,\"d\":0.1,\"e\":2.50,\"f\":9007199254740993}]");
	T_STREQ(rows(t), "1:10|-3|1.5|0.1|2.5|9007199254740993");
	table_close(t);

	/* null is empty; booleans are words; arrays of scalars joined by '|'. */
	t = open_s("[{\"a\":null,\"b\":true,\"c\":false,\"d\":[1,\"x\",true],\"e\":[],\"f\":\"\"}]");
	T_STREQ(rows(t), "1:|true|false|1|x|true||");
	table_close(t);

	t = open_s("[{\"tags\":[\"vert\",\"rouge\"]}]");
	T_STREQ(rows(t), "1:vert|rouge");
	table_close(t);

	/* Keys in another order, or missing, in later records. */
	t = open_s("[{\"a\":\"1\",\"b\":\"2\"},{\"b\":\"4\",\"a\":\"3\"},{\"a\":\"5\"}]");
	T_STREQ(rows(t), "1:1|2 1:3|4 1:5|");
	table_close(t);

	/* Strings keep their UTF-8 and escapes are decoded. */
	t = open_s("{\"a\":\"\\u00e9t\\u00e9\",\"b\":\"l\\u2019ESS\",\"c\":\"x\\ny\"}\n");
	T_STREQ(rows(t), "1:été|l’ESS|x\ny");
	table_close(t);
}

static const struct colspec spec[] = {
	{ "item", "id|n°|no|num|numero", 0 },
	{ "label", "libelle|intitule|besoin", 0 },
	{ "vote", "couleur|gommette|choix", 0 },
	{ "green", "vert|gommettes vertes|pour", 0 },
	{ "postcode", "code_postal|cp", 0 },
	{ "count", "nombre|nb", 0 },
};
#define NSPEC (sizeof spec / sizeof spec[0])

/* Resolves a one-line header; returns the spec index its first column
 * matched, or -1. */
static int
resolve1(const char *name)
{
	struct buf b = BUF_INIT;
	struct table *t;
	int idx[NSPEC], found = -1;

	buf_printf(&b, "\"%s\"\nx\n", name);
	t = open_s(b.data);
	table_resolve(t, spec, NSPEC, idx);
	for (size_t s = 0; s < NSPEC; s++)
		if (idx[s] == 0)
			found = (int)s;
	table_close(t);
	buf_release(&b);
	return found;
}

static void
test_resolve(void)
{
	/* Canonical names, any case. */
	T_EQ(resolve1("item"), 0);
	T_EQ(resolve1("ITEM"), 0);
	T_EQ(resolve1("Vote"), 2);
	/* Aliases. */
	T_EQ(resolve1("N°"), 0);
	T_EQ(resolve1("n°"), 0);
	T_EQ(resolve1("Numéro"), 0);
	T_EQ(resolve1("NUMERO"), 0);
	T_EQ(resolve1("Intitulé"), 1);
	T_EQ(resolve1("LIBELLÉ"), 1);
	T_EQ(resolve1("Besoin"), 1);
	T_EQ(resolve1("GOMMETTE"), 2);
	T_EQ(resolve1("Couleur"), 2);
	T_EQ(resolve1("nb"), 5);
	/* Spaces, underscores and hyphens. */
	T_EQ(resolve1("Gommettes vertes"), 3);
	T_EQ(resolve1("gommettes_vertes"), 3);
	T_EQ(resolve1("Gommettes-Vertes"), 3);
	T_EQ(resolve1("GommettesVertes"), 3);
	T_EQ(resolve1("  vote  "), 2);
	T_EQ(resolve1("code postal"), 4);
	T_EQ(resolve1("Code-Postal"), 4);
	T_EQ(resolve1("CODE_POSTAL"), 4);
	T_EQ(resolve1("post_code"), 4);
	/* A final plural s. */
	T_EQ(resolve1("Couleurs"), 2);
	T_EQ(resolve1("Gommettes"), 2);
	T_EQ(resolve1("items"), 0);
	T_EQ(resolve1("Votes"), 2);
	T_EQ(resolve1("Besoins"), 1);
	/* Unknown names match nothing, and are no error. */
	T_EQ(resolve1("colour of the sticker"), -1);
	T_EQ(resolve1("bleu"), -1);
	T_EQ(resolve1("itemx"), -1);

	/* A whole header: each spec at its column, the others -1. */
	{
		struct table *t = open_s("Participant;N°;Intitulé;Gommette\nP1;1;x;vert\n");
		int idx[NSPEC];

		table_resolve(t, spec, NSPEC, idx);
		T_EQ(idx[0], 1);
		T_EQ(idx[1], 2);
		T_EQ(idx[2], 3);
		T_EQ(idx[3], -1);
		T_EQ(idx[4], -1);
		T_EQ(idx[5], -1);
		table_close(t);
	}
	/* JSON keys resolve the same way. */
	{
		struct table *t = open_s("[{\"Couleur\":\"vert\",\"N°\":\"1\"}]");
		int idx[NSPEC];

		table_resolve(t, spec, NSPEC, idx);
		T_EQ(idx[0], 1);
		T_EQ(idx[2], 0);
		table_close(t);
	}
}

static void
test_find(void)
{
	struct table *t = open_s("Atelier,GOMMETTE,Gommettes vertes,Code_Postal\nx,y,z,w\n");

	T_EQ(table_find(t, "atelier"), 0);
	T_EQ(table_find(t, "Atelier"), 0);
	T_EQ(table_find(t, "gommette"), 1);
	T_EQ(table_find(t, "gommettes_vertes"), 2);
	T_EQ(table_find(t, "code-postal"), 3);
	T_EQ(table_find(t, "ateliers"), 0);
	T_EQ(table_find(t, "groupe"), -1);
	T_EQ(table_find(t, ""), -1);
	table_close(t);
}

static void
test_fold_name(void)
{
	struct buf b = BUF_INIT;

	table_fold_name(&b, "Gommettes Vertes");
	T_STREQ(b.data, "gommettesverte");
	buf_reset(&b);
	table_fold_name(&b, "N° d’Ordre");
	T_STREQ(b.data, "n°dordre");
	buf_reset(&b);
	table_fold_name(&b, " Code_Postal-s ");
	T_STREQ(b.data, "codepostal");
	buf_release(&b);
}

/* With keep_going, a bad row is reported, skipped and counted; the
 * rejects file gets it as read, with the reason. */
static void
test_keep_going(void)
{
	struct table_opts o = opts();
	struct table *t;
	char rpath[256];
	char *got;

	snprintf(rpath, sizeof rpath, "%s/rejects.csv", tmpdir);
	o.keep_going = 1;
	o.rejects = rejects_open(rpath);
	t = table_open(file("a,b,c\n1,2\n3,4,5\n6,7,8,9\n\"x,y\",\"q\"\"\",z\n"), &o);
	T_STREQ(rows(t), "3:3|4|5 5:x,y|q\"|z");
	T_EQ(t->rejected, 2);
	T_EQ(t->rows, 2);
	T_EQ(ess_exit_status, 65);
	table_close(t);
	/* Nothing is in place before the close. */
	T_OK(access(rpath, F_OK) != 0);
	rejects_close(o.rejects);
	got = t_slurp(rpath, NULL);
	T_STREQ(got, "a,b,c,reject_reason\n"
		"1,2,,\"2 fields, the header has 3\"\n"
		"6,7,8,9,\"4 fields, the header has 3\"\n");
	free(got);
	unlink(rpath);

	/* A row the tool rejects keeps its quoting needs. */
	ess_exit_status = 0;
	o = opts();
	o.keep_going = 1;
	o.rejects = rejects_open(rpath);
	t = table_open(file("vote,label\nbleu,\"a, b\"\nvert,c\n"), &o);
	{
		struct row *r = table_next(t);

		T_OK(r != NULL);
		table_reject(t, r, 0, "vote '%s' is neither green, red nor abstain", r->f[0]);
		r = table_next(t);
		T_OK(r && strcmp(r->f[0], "vert") == 0);
		T_EQ(t->rejected, 1);
		T_EQ(t->rows, 1);
	}
	table_close(t);
	rejects_close(o.rejects);
	got = t_slurp(rpath, NULL);
	T_STREQ(got, "vote,label,reject_reason\n"
		"bleu,\"a, b\",\"vote 'bleu' is neither green, red nor abstain\"\n");
	free(got);
	unlink(rpath);
	T_EQ(ess_exit_status, 65);
	ess_exit_status = 0;
}

/* A table from memory reads as the same bytes from a file do: sniffed
 * delimiter, quoted fields, JSON; the name is the one messages use. */
static void
test_open_mem(void)
{
	static const char csv[] = "a;b\n1;\"x;y\"\n2;z\n";
	static const char json[] = "[{\"a\": 1, \"b\": \"u\"}, {\"a\": 2.5, \"b\": null}]";
	struct table_opts o = { .threads = 1 };
	struct table *t, *tp = NULL;
	struct row *r;

	t = table_open_mem("inline block", csv, sizeof csv - 1, &o, &tp);
	T_OK(t == tp);
	T_STREQ(t->name, "inline block");
	T_EQ(t->ncols, 2);
	T_STREQ(t->cols[1], "b");
	r = table_next(t);
	T_OK(r && strcmp(r->f[1], "x;y") == 0);
	r = table_next(t);
	T_OK(r && strcmp(r->f[0], "2") == 0 && r->line == 3);
	T_OK(table_next(t) == NULL);
	table_close(t);
	t = table_open_mem("j", json, sizeof json - 1, &o, NULL);
	T_EQ(t->format, TF_JSON);
	r = table_next(t);
	T_OK(r && strcmp(r->f[0], "1") == 0 && strcmp(r->f[1], "u") == 0);
	r = table_next(t);
	T_OK(r && strcmp(r->f[0], "2.5") == 0 && strcmp(r->f[1], "") == 0);
	T_OK(table_next(t) == NULL);
	table_close(t);
}

int
main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 2;
	}
	test_sniff_csv();
	test_forced();
	test_header_place();
	test_rows_csv();
	test_encoding();
	test_sniff_json();
	test_json_values();
	test_resolve();
	test_find();
	test_fold_name();
	test_keep_going();
	test_open_mem();
	for (int i = 0; i < nfiles; i++) {
		char path[256];

		snprintf(path, sizeof path, "%s/f%d.txt", tmpdir, i);
		unlink(path);
	}
	rmdir(tmpdir);
	return t_end();
}
