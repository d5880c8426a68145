/*
 * t.h: the smallest test harness that can fail.  Each check prints a TAP
 * line ("ok - ..." or "not ok - ..."); tests/run counts them.  A test file
 * is a main() that calls checks and ends with "return t_end();".
 */
#ifndef T_H
#define T_H

#include <stdio.h>
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

static int
t_end(void)
{
	return t_failed ? 1 : 0;
}

#endif
