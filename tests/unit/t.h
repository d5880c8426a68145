/*
 * t.h: the smallest test harness that can fail.  Each check prints a TAP
 * line ("ok - ..." or "not ok - ..."); tests/run counts them.  A test file
 * is a main() that calls checks and ends with "return t_end();".
 */
#ifndef T_H
#define T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_failed;
static int t_count;

static void
t_report(int ok, const char *file, int line, const char *what)
{
	t_count++;
	if (!ok)
		t_failed++;
	printf("%s - %s:%d: %s\n", ok ? "ok" : "not ok", file, line, what);
}

#define T_OK(cond) t_report(!!(cond), __FILE__, __LINE__, #cond)
#define T_EQ(a, b) do { long long t_a_ = (long long)(a), t_b_ = (long long)(b); \
	t_report(t_a_ == t_b_, __FILE__, __LINE__, #a " == " #b); \
	if (t_a_ != t_b_) printf("#   got %lld, want %lld\n", t_a_, t_b_); } while (0)
#define T_STREQ(a, b) do { const char *t_a_ = (a), *t_b_ = (b); \
	int t_ok_ = t_a_ && t_b_ && strcmp(t_a_, t_b_) == 0; \
	t_report(t_ok_, __FILE__, __LINE__, #a " eq " #b); \
	if (!t_ok_) printf("#   got '%s', want '%s'\n", t_a_ ? t_a_ : "(null)", t_b_ ? t_b_ : "(null)"); } while (0)

/* A file's bytes, NUL-terminated (free them); NULL when it cannot be
 * read.  Its length goes to *lenp when lenp is not NULL. */
static __attribute__((unused)) char *
t_slurp(const char *path, size_t *lenp)
{
	FILE *fp = fopen(path, "rb");
	char *p = NULL;
	size_t len = 0, cap = 0, n;

	if (!fp)
		return NULL;
	do {
		if (cap - len < 4096) {
			char *q = realloc(p, cap = cap * 2 + 4096 + 1);

			if (!q) {
				free(p);
				fclose(fp);
				return NULL;
			}
			p = q;
		}
		n = fread(p + len, 1, cap - len - 1, fp);
		len += n;
	} while (n > 0);
	fclose(fp);
	p[len] = '\0';
	if (lenp)
		*lenp = len;
	return p;
}

static int
t_end(void)
{
	return t_failed ? 1 : 0;
}

#endif
