/*
 * test_write.c: the writer's formats, its quoting and escaping, atomic
 * output files, and csv-spectrum round trips.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "csvread.h"
#include "input.h"
#include "text.h"
#include "write.h"
#include "t.h"

static char tmpdir[] = "/tmp/test_write.XXXXXX";
static char outpath[300];

/* Writes nrows rows of ncols values in format f to outpath; returns the
 * file's content (static until the next call). */
static const char *
write_n(enum out_format f, int excel, const struct wcol *cols, size_t ncols,
	const char *const *vals, size_t nrows, const char *note)
{
	static char *last;
	struct writer_opts o = { f, excel, outpath };
	struct writer w;

	free(last);
	unlink(outpath);
	writer_open(&w, &o);
	writer_columns(&w, cols, ncols);
	for (size_t i = 0; i < nrows; i++)
		writer_row(&w, vals + i * ncols);
	if (note)
		writer_note(&w, "%s", note);
	writer_close(&w);
	last = t_slurp(outpath, NULL);
	return last ? last : "(no file)";
}

static const struct wcol two[] = { { "name", WT_TEXT }, { "n", WT_INT } };
static const struct wcol three[] = { { "label", WT_TEXT }, { "n", WT_INT }, { "pct", WT_DEC } };

static void
test_csv(void)
{
	static const char *const v[] = {
		"plain", "1",
		"a,b", "2",
		"say \"hi\"", "3",
		"a\rb", "4",
		"a\nb", "5",
		" lead", "6",
		"trail ", "7",
		"in ner", "8",
		"", "",
		"é;|\t'x'", "-10",
		"\"", "0",
	};

	T_STREQ(write_n(OF_CSV, 0, two, 2, v, 11, "a note"),
		"name,n\n"
		"plain,1\n"
		"\"a,b\",2\n"
		"\"say \"\"hi\"\"\",3\n"
		"\"a\rb\",4\n"
		"\"a\nb\",5\n"
		"\" lead\",6\n"
		"\"trail \",7\n"
		"in ner,8\n"
		",\n"
		"é;|\t'x',-10\n"
		"\"\"\"\",0\n");
	/* Header names are quoted the same way. */
	{
		static const struct wcol c[] = { { "a,b", WT_TEXT }, { " x", WT_TEXT } };
		static const char *const r[] = { "1", "2" };

		T_STREQ(write_n(OF_CSV, 0, c, 2, r, 1, NULL), "\"a,b\",\" x\"\n1,2\n");
	}
	/* No rows: the header alone. */
	T_STREQ(write_n(OF_CSV, 0, two, 2, NULL, 0, NULL), "name,n\n");
	/* OF_AUTO to a file is CSV. */
	T_STREQ(write_n(OF_AUTO, 0, two, 2, v, 1, NULL), "name,n\nplain,1\n");
	/* A decimal column keeps its point without --excel. */
	{
		static const char *const r[] = { "x", "1", "94.7" };

		T_STREQ(write_n(OF_CSV, 0, three, 3, r, 1, NULL), "label,n,pct\nx,1,94.7\n");
	}
}

static void
test_tsv(void)
{
	static const char *const v[] = {
		"a\tb", "1",
		"a\nb", "2",
		"a\rb", "3",
		"a\\b", "4",
		"a,b \"q\" ", "5",
		"", "",
	};

	T_STREQ(write_n(OF_TSV, 0, two, 2, v, 6, NULL),
		"name\tn\n"
		"a\\tb\t1\n"
		"a\\nb\t2\n"
		"a\\rb\t3\n"
		"a\\\\b\t4\n"
		"a,b \"q\" \t5\n"
		"\t\n");
}

static void
test_json(void)
{
	static const char *const v[] = {
		"é \"q\" \\ \n\t\x01 日本", "18", "94.7",
		"x", "", "",
		"", "-3", "0.5",
	};
	const char *got = write_n(OF_JSON, 0, three, 3, v, 3, "a note");
	json_error_t e;
	json_t *j = json_loads(got, 0, &e), *o;
	const char *key;
	json_t *val;
	struct buf keys = BUF_INIT;

	T_OK(json_is_array(j));
	T_EQ(json_array_size(j), 3);
	o = json_array_get(j, 0);
	T_STREQ(json_string_value(json_object_get(o, "label")), v[0]);
	T_OK(json_is_integer(json_object_get(o, "n")));
	T_EQ(json_integer_value(json_object_get(o, "n")), 18);
	T_OK(json_is_real(json_object_get(o, "pct")));
	T_OK(json_real_value(json_object_get(o, "pct")) == 94.7);
	/* Keys in the columns' order. */
	json_object_foreach(o, key, val) {
		(void)val;
		buf_printf(&keys, "%s,", key);
	}
	T_STREQ(keys.data, "label,n,pct,");
	/* Empty typed values are null; an empty text stays a string. */
	o = json_array_get(j, 1);
	T_OK(json_is_null(json_object_get(o, "n")));
	T_OK(json_is_null(json_object_get(o, "pct")));
	o = json_array_get(j, 2);
	T_EQ(json_integer_value(json_object_get(o, "n")), -3);
	T_OK(json_is_string(json_object_get(o, "label")));
	/* UTF-8 is written as it is, controls escaped. */
	T_OK(strstr(got, "é") != NULL && strstr(got, "日本") != NULL);
	T_OK(strstr(got, "\\u00e9") == NULL);
	T_OK(strstr(got, "\\u0001") != NULL);
	T_OK(strstr(got, "\\\"q\\\"") != NULL);
	/* The note is not in the JSON. */
	T_OK(strstr(got, "a note") == NULL);
	T_OK(got[strlen(got) - 1] == '\n');
	json_decref(j);

	/* No rows: an empty array. */
	got = write_n(OF_JSON, 0, three, 3, NULL, 0, NULL);
	j = json_loads(got, 0, &e);
	T_OK(json_is_array(j) && json_array_size(j) == 0);
	json_decref(j);
	buf_release(&keys);
}

static void
test_json_doc(void)
{
	static const char *const v[] = { "a", "1", "50.0", "b", "", "" };
	struct writer_opts opt = { OF_JSON, 0, outpath };
	struct writer w;
	json_t *doc = json_object(), *j, *r;
	json_error_t e;
	char *got;
	const char *key;
	json_t *val;
	struct buf keys = BUF_INIT;

	json_object_set_new(doc, "method", json_string("dots"));
	json_object_set_new(doc, "rows", json_null());
	json_object_set_new(doc, "ties", json_array());
	writer_open(&w, &opt);
	writer_doc(&w, doc, "rows");
	writer_columns(&w, three, 3);
	writer_row(&w, v);
	writer_row(&w, v + 3);
	writer_close(&w);
	got = t_slurp(outpath, NULL);
	j = json_loads(got ? got : "", 0, &e);
	T_OK(json_is_object(j));
	json_object_foreach(j, key, val) {
		(void)val;
		buf_printf(&keys, "%s,", key);
	}
	/* The rows keep the place their key had. */
	T_STREQ(keys.data, "method,rows,ties,");
	r = json_object_get(j, "rows");
	T_EQ(json_array_size(r), 2);
	T_EQ(json_integer_value(json_object_get(json_array_get(r, 0), "n")), 1);
	T_OK(json_real_value(json_object_get(json_array_get(r, 0), "pct")) == 50.0);
	T_OK(json_is_null(json_object_get(json_array_get(r, 1), "n")));
	T_STREQ(json_string_value(json_object_get(json_array_get(r, 1), "label")), "b");
	json_decref(j);
	free(got);
	buf_release(&keys);
}

static void
test_jsonl(void)
{
	static const char *const v[] = { "é\n", "1", "2.5", "x", "", "" };
	const char *got = write_n(OF_JSONL, 0, three, 3, v, 2, "note");
	const char *nl = strchr(got, '\n');
	json_error_t e;
	json_t *a, *b;

	T_OK(nl != NULL && strchr(nl + 1, '\n') != NULL && strchr(nl + 1, '\n')[1] == '\0');
	a = json_loadb(got, nl ? (size_t)(nl - got) : 0, 0, &e);
	b = nl ? json_loads(nl + 1, 0, &e) : NULL;
	T_STREQ(json_string_value(json_object_get(a, "label")), "é\n");
	T_EQ(json_integer_value(json_object_get(a, "n")), 1);
	T_OK(json_real_value(json_object_get(a, "pct")) == 2.5);
	T_OK(json_is_null(json_object_get(b, "n")));
	T_STREQ(json_string_value(json_object_get(b, "label")), "x");
	json_decref(a);
	json_decref(b);
	/* No rows: nothing at all. */
	T_STREQ(write_n(OF_JSONL, 0, three, 3, NULL, 0, NULL), "");
}

static void
test_md(void)
{
	static const char *const v[] = { "a|b", "1", "x\ny", "22", "", "" };

	T_STREQ(write_n(OF_MD, 0, two, 2, v, 3, "sorted by net"),
		"| name | n |\n"
		"| --- | ---: |\n"
		"| a\\|b | 1 |\n"
		"| x<br>y | 22 |\n"
		"|  |  |\n"
		"\n"
		"sorted by net  \n");
}

static void
test_table(void)
{
	static const char *const v[] = { "é", "1", "日本", "22", "abc", "333" };

	/* Widths: name 4 ("name", "日本"), n 3; text left, numbers right. */
	T_STREQ(write_n(OF_TABLE, 0, two, 2, v, 3, "a note"),
		"name    n\n"
		"────  ───\n"
		"é       1\n"
		"日本   22\n"
		"abc   333\n"
		"\n"
		"a note\n");
	/* A combining accent takes no column; a text column in last place
	 * gets no trailing spaces. */
	{
		static const struct wcol c[] = { { "n", WT_INT }, { "label", WT_TEXT } };
		static const char *const r[] = { "1", "e\xcc\x81t\xc3\xa9", "10", "x" };

		T_STREQ(write_n(OF_TABLE, 0, c, 2, r, 2, NULL),
			" n  label\n"
			"──  ─────\n"
			" 1  e\xcc\x81t\xc3\xa9\n"
			"10  x\n");
	}
	/* Every line of a wider table has its columns at the same place. */
	{
		static const struct wcol c[] = { { "rank", WT_INT }, { "label", WT_TEXT }, { "green", WT_INT } };
		static const char *const r[] = {
			"1", "Coopération économique", "18",
			"2", "Reconnaissance de l’ESS", "9",
			"3", "日本語のラベル", "100",
		};
		const char *got = write_n(OF_TABLE, 0, c, 3, r, 3, NULL);
		const char *p = got;
		size_t want = 0;
		int ok = 1, lines = 0;

		while (*p) {
			const char *nl = strchr(p, '\n');
			size_t wd = text_width(p, (size_t)(nl - p));

			if (lines == 0)
				want = wd;
			ok = ok && wd == want;
			lines++;
			p = nl + 1;
		}
		T_OK(ok);
		T_EQ(lines, 5);
		/* 4 + 2 + 23 + 2 + 5 */
		T_EQ(want, 36);
	}
}

static void
test_excel(void)
{
	static const char *const v[] = {
		"1.5", "2", "94.7",
		"a;b", "3", "",
		"a,b", "1000", "100.0",
	};

	T_STREQ(write_n(OF_CSV, 1, three, 3, v, 3, NULL),
		"\xEF\xBB\xBF" "label;n;pct\r\n"
		"1.5;2;94,7\r\n"
		"\"a;b\";3;\r\n"
		"a,b;1000;100,0\r\n");
	/* OF_AUTO with --excel is CSV too. */
	T_STREQ(write_n(OF_AUTO, 1, three, 3, v, 1, NULL),
		"\xEF\xBB\xBF" "label;n;pct\r\n1.5;2;94,7\r\n");
}

static void
test_atomic(void)
{
	static const char *const v[] = { "new", "1" };
	struct writer_opts o = { OF_CSV, 0, outpath };
	struct writer w;
	char *got;
	DIR *d;
	struct dirent *e;
	int others = 0;

	FILE *fp = fopen(outpath, "w");
	fputs("old\n", fp);
	fclose(fp);
	writer_open(&w, &o);
	writer_columns(&w, two, 2);
	writer_row(&w, v);
	/* Until the close, the old file is there. */
	got = t_slurp(outpath, NULL);
	T_STREQ(got, "old\n");
	free(got);
	writer_close(&w);
	got = t_slurp(outpath, NULL);
	T_STREQ(got, "name,n\nnew,1\n");
	free(got);
	/* No temporary file is left beside it. */
	d = opendir(tmpdir);
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && strcmp(e->d_name, "out") != 0)
			others++;
	if (d)
		closedir(d);
	T_EQ(others, 0);
}

static const char *
cq(const char *s, char delim)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	csv_quote(&b, s, strlen(s), delim);
	return b.data;
}

static const char *
jq_n(const char *s, size_t len)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	json_quote(&b, s, len);
	return b.data;
}

static const char *
jq(const char *s)
{
	return jq_n(s, strlen(s));
}

static void
test_quote_functions(void)
{
	T_STREQ(cq("abc", ','), "abc");
	T_STREQ(cq("", ','), "");
	T_STREQ(cq("a,b", ','), "\"a,b\"");
	T_STREQ(cq("a;b", ','), "a;b");
	T_STREQ(cq("a;b", ';'), "\"a;b\"");
	T_STREQ(cq("a,b", ';'), "a,b");
	T_STREQ(cq("a\tb", '\t'), "\"a\tb\"");
	T_STREQ(cq("a|b", '|'), "\"a|b\"");
	T_STREQ(cq("\"", ','), "\"\"\"\"");
	T_STREQ(cq("a\"b", ','), "\"a\"\"b\"");
	T_STREQ(cq("a\nb", ','), "\"a\nb\"");
	T_STREQ(cq("a\rb", ','), "\"a\rb\"");
	T_STREQ(cq("\r\n", ','), "\"\r\n\"");
	T_STREQ(cq(" ", ','), "\" \"");
	T_STREQ(cq(" a", ','), "\" a\"");
	T_STREQ(cq("a ", ','), "\"a \"");
	T_STREQ(cq("a b", ','), "a b");
	T_STREQ(cq("é", ','), "é");
	T_STREQ(cq("'", ','), "'");
	T_STREQ(cq("\\", ','), "\\");
	/* Appends: what is in the buffer stays. */
	{
		struct buf b = BUF_INIT;

		buf_adds(&b, "x=");
		csv_quote(&b, "a,b", 3, ',');
		T_STREQ(b.data, "x=\"a,b\"");
		buf_release(&b);
	}

	T_STREQ(jq("abc"), "\"abc\"");
	T_STREQ(jq(""), "\"\"");
	T_STREQ(jq("a\"b"), "\"a\\\"b\"");
	T_STREQ(jq("a\\b"), "\"a\\\\b\"");
	T_STREQ(jq("a\nb\rc\td"), "\"a\\nb\\rc\\td\"");
	T_STREQ(jq("\x01\x1f"), "\"\\u0001\\u001f\"");
	T_STREQ(jq_n("a\0b", 3), "\"a\\u0000b\"");
	T_STREQ(jq("é日本😀"), "\"é日本😀\"");
	T_STREQ(jq("/"), "\"/\"");
	T_STREQ(jq("\x7f"), "\"\x7f\"");
	/* What json_quote writes, jansson reads back. */
	{
		const char *s = "é \"x\" \\ \n\r\t\x01\x1f\x7f ’";
		json_error_t e;
		json_t *j = json_loads(jq(s), JSON_DECODE_ANY, &e);

		T_STREQ(json_string_value(j), s);
		json_decref(j);
	}
}

static void
test_format_names(void)
{
	T_EQ(out_format_parse("csv"), OF_CSV);
	T_EQ(out_format_parse("tsv"), OF_TSV);
	T_EQ(out_format_parse("json"), OF_JSON);
	T_EQ(out_format_parse("jsonl"), OF_JSONL);
	T_EQ(out_format_parse("table"), OF_TABLE);
	T_EQ(out_format_parse("md"), OF_MD);
	T_EQ(out_format_parse("svg"), OF_SVG);
	T_EQ(out_format_parse("markdown"), OF_MD);
	T_EQ(out_format_parse("ndjson"), OF_JSONL);
	T_EQ(out_format_parse("xml"), -1);
	T_EQ(out_format_parse(""), -1);
	T_STREQ(out_format_name(OF_CSV), "csv");
	T_STREQ(out_format_name(OF_JSONL), "jsonl");
}

/* Records of a CSV buffer, each field copied: a NULL-terminated list of
 * NULL-terminated lists. */
static char ***
records(const char *data, size_t len, size_t *n)
{
	struct input in;
	struct csv_reader r;
	char ***recs = NULL;

	*n = 0;
	input_open_mem(&in, "x.csv", data, len, NULL);
	csv_reader_init(&r, &in, ',');
	while (csv_reader_next(&r) == CSV_ROW) {
		char **f = calloc(r.nf + 1, sizeof *f);

		for (size_t i = 0; i < r.nf; i++) {
			f[i] = malloc(r.flen[i] + 1);
			memcpy(f[i], r.f[i], r.flen[i] + 1);
		}
		recs = realloc(recs, (*n + 2) * sizeof *recs);
		recs[(*n)++] = f;
		recs[*n] = NULL;
	}
	csv_reader_release(&r);
	input_close(&in);
	return recs;
}

static void
free_records(char ***recs)
{
	for (size_t i = 0; recs && recs[i]; i++) {
		for (size_t k = 0; recs[i][k]; k++)
			free(recs[i][k]);
		free(recs[i]);
	}
	free(recs);
}

/* Each csv-spectrum file read, written by the writer, read again: the
 * same records. */
static void
test_spectrum_round_trip(void)
{
	const char *dir = "../shared/testdata/csv-spectrum/csvs";
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;

	if (!d) {
		printf("ok - csv-spectrum not found at %s: skipped\n", dir);
		return;
	}
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name), len, nrec, nrec2, ncols;
		char path[512], *data, *out;
		char ***a, ***b;
		struct writer_opts o = { OF_CSV, 0, outpath };
		struct writer w;
		struct wcol *cols;
		int ok = 1;

		if (n < 5 || strcmp(e->d_name + n - 4, ".csv") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		data = t_slurp(path, &len);
		a = records(data, len, &nrec);
		if (!a || nrec == 0) {
			t_report(0, __FILE__, __LINE__, e->d_name);
			free(data);
			continue;
		}
		files++;
		for (ncols = 0; a[0][ncols]; ncols++)
			;
		cols = calloc(ncols, sizeof *cols);
		for (size_t i = 0; i < ncols; i++)
			cols[i] = (struct wcol){ a[0][i], WT_TEXT };
		writer_open(&w, &o);
		writer_columns(&w, cols, ncols);
		for (size_t r = 1; r < nrec; r++)
			writer_row(&w, (const char *const *)a[r]);
		writer_close(&w);
		out = t_slurp(outpath, &len);
		b = records(out, len, &nrec2);
		ok = nrec2 == nrec;
		for (size_t r = 0; ok && r < nrec; r++)
			for (size_t k = 0; ok && (a[r][k] || b[r][k]); k++)
				ok = a[r][k] && b[r][k] && strcmp(a[r][k], b[r][k]) == 0;
		t_report(ok, __FILE__, __LINE__, e->d_name);
		if (!ok)
			printf("#   wrote: %s\n", out);
		free(cols);
		free_records(a);
		free_records(b);
		free(out);
		free(data);
	}
	closedir(d);
	T_OK(files >= 10);
}

int
main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(outpath, sizeof outpath, "%s/out", tmpdir);
	test_csv();
	test_tsv();
	test_json();
	test_json_doc();
	test_jsonl();
	test_md();
	test_table();
	test_excel();
	test_atomic();
	test_quote_functions();
	test_format_names();
	test_spectrum_round_trip();
	unlink(outpath);
	rmdir(tmpdir);
	return t_end();
}
