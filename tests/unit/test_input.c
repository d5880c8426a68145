/*
 * test_input.c: reading from memory and files, encodings, the byte-order
 * mark, and atomic output files.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "input.h"
#include "t.h"

/* Everything input gives, concatenated. */
static char *
slurp(struct input *in, size_t *len)
{
	while (input_fill(in))
		;
	*len = in->end - in->pos;
	return xstrndup(in->buf + in->pos, *len);
}

static void
test_mem(void)
{
	struct input in;
	size_t n;
	char *s;

	input_open_mem(&in, "m", "a,b\n1,2\n", 8, NULL);
	s = slurp(&in, &n);
	T_EQ(n, 8);
	T_STREQ(s, "a,b\n1,2\n");
	free(s);
	input_close(&in);

	/* A byte-order mark is dropped, once. */
	input_open_mem(&in, "m", "\xEF\xBB\xBF" "a\n\xEF\xBB\xBF", 8, NULL);
	s = slurp(&in, &n);
	T_EQ(n, 5);
	T_STREQ(s, "a\n\xEF\xBB\xBF");
	free(s);
	input_close(&in);

	/* Empty input. */
	input_open_mem(&in, "m", "", 0, NULL);
	s = slurp(&in, &n);
	T_EQ(n, 0);
	T_OK(in.eof);
	free(s);
	input_close(&in);
}

static void
test_encoding(void)
{
	struct input in;
	size_t n;
	char *s;

	/* Windows-1252: é is E9, the euro sign 80, the right quote 92. */
	input_open_mem(&in, "m", "caf\xE9 \x80 l\x92" "ESS\n", 13, "windows-1252");
	s = slurp(&in, &n);
	T_STREQ(s, "caf\xC3\xA9 \xE2\x82\xAC l\xE2\x80\x99" "ESS\n");
	free(s);
	input_close(&in);

	input_open_mem(&in, "m", "\xE9t\xE9", 3, "latin1");
	s = slurp(&in, &n);
	T_STREQ(s, "\xC3\xA9t\xC3\xA9");
	free(s);
	input_close(&in);

	/* UTF-8 by any of its names is read as is. */
	input_open_mem(&in, "m", "\xC3\xA9", 2, "UTF-8");
	s = slurp(&in, &n);
	T_STREQ(s, "\xC3\xA9");
	T_OK(in.cd == NULL);
	free(s);
	input_close(&in);

	/* A large converted input crosses many chunks intact. */
	{
		size_t big = 300000, i;
		char *src = xmalloc(big);
		int ok = 1;

		for (i = 0; i < big; i++)
			src[i] = (i % 10 == 9) ? '\n' : '\xE9';
		input_open_mem(&in, "m", src, big, "cp1252");
		s = slurp(&in, &n);
		T_EQ(n, big / 10 * 9 * 2 + big / 10);
		for (i = 0; i < n && ok; i++)
			ok = s[i] == '\n' || s[i] == '\xC3' || s[i] == '\xA9';
		T_OK(ok);
		free(s);
		free(src);
		input_close(&in);
	}
}

static void
test_file(void)
{
	char dir[] = "/tmp/ess-input-XXXXXX", path[64];
	struct input in;
	struct outfile o;
	struct stat st;
	size_t n;
	char *s;
	FILE *fp;

	T_OK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/out.csv", dir);

	/* Atomic output: nothing at path until commit. */
	outfile_open(&o, path);
	T_OK(o.fp != NULL && o.fp != stdout);
	fputs("new\n", o.fp);
	T_OK(stat(path, &st) != 0);
	outfile_commit(&o);
	T_OK(stat(path, &st) == 0 && st.st_size == 4);

	/* Abort leaves the old content and no temporary file. */
	outfile_open(&o, path);
	fputs("half-written", o.fp);
	outfile_abort(&o);
	input_open(&in, path, NULL, NULL);
	s = slurp(&in, &n);
	T_STREQ(s, "new\n");
	free(s);
	input_close(&in);
	{
		char cmd[128];

		snprintf(cmd, sizeof cmd, "test $(ls %s | wc -l) -eq 1", dir);
		T_OK(system(cmd) == 0);
	}

	/* "-" and NULL are stdout. */
	outfile_open(&o, "-");
	T_OK(o.fp == stdout);
	outfile_commit(&o);

	/* A file read through a descriptor, with the digest of its bytes. */
	fp = fopen(path, "w");
	fputs("abc", fp);
	fclose(fp);
	{
		struct sha256_ctx h;
		uint8_t d[SHA256_DIGEST_SIZE];

		sha256_init(&h);
		input_open(&in, path, NULL, &h);
		s = slurp(&in, &n);
		sha256_digest(&h, sizeof d, d);
		/* SHA-256("abc") begins ba7816bf. */
		T_OK(d[0] == 0xba && d[1] == 0x78 && d[2] == 0x16 && d[3] == 0xbf);
		free(s);
		input_close(&in);
	}
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	ess_init("test_input");
	test_mem();
	test_encoding();
	test_file();
	return t_end();
}
