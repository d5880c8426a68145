/*
 * err.c: messages, exit codes, cleanups and allocation.
 */
#include <argp.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

#ifndef ESS_LOCALEDIR
#define ESS_LOCALEDIR "/usr/local/share/locale"
#endif

const char *ess_progname = "ess";
_Thread_local struct ess_catch *ess_catcher;
int ess_exit_status = 0;

error_t argp_err_exit_status = EX_USAGE;

static struct cleanup {
	void (*fn)(void *);
	void *arg;
} cleanups[8];
static int ncleanups;

void
ess_atdie(void (*fn)(void *), void *arg)
{
	if (ncleanups < (int)(sizeof cleanups / sizeof cleanups[0]))
		cleanups[ncleanups++] = (struct cleanup){ fn, arg };
}

void
ess_atdie_remove(void (*fn)(void *), void *arg)
{
	for (int i = 0; i < ncleanups; i++) {
		if (cleanups[i].fn == fn && cleanups[i].arg == arg) {
			cleanups[i] = cleanups[--ncleanups];
			return;
		}
	}
}

static int dying;	/* an error was said: stdout is closed quietly */

static void
run_cleanups(void)
{
	dying = 1;
	while (ncleanups > 0) {
		struct cleanup c = cleanups[--ncleanups];
		c.fn(c.arg);
	}
}

noreturn void
ess_exit(int status)
{
	run_cleanups();
	exit(status);
}

void
ess_close_stdout(void)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;

	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad && dying)
		return;		/* said already; keep the status */
	if (bad) {
		/* EBADF: stdout was closed (>&-); that is a write error too. */
		fprintf(stderr, "%s: %s: %s\n", ess_progname, _("write error"), strerror(e));
		run_cleanups();
		_exit(EX_IOERR);
	}
	if (fflush(stderr) != 0 && ess_exit_status == 0)
		_exit(EX_IOERR);
}

void
ess_init(const char *progname)
{
	const char *dir, *lang;
	const char *lm;

	ess_progname = progname;
	setlocale(LC_ALL, "");
	/* Numbers we print and parse are ours: keep the C rules for them. */
	setlocale(LC_NUMERIC, "C");
	/* glibc ignores LANGUAGE under the C locale; C.UTF-8 lets
	 * "LANGUAGE=fr ess-tally --help" speak French on a bare system. */
	lm = setlocale(LC_MESSAGES, NULL);
	lang = getenv("LANGUAGE");
	if (lm && (strcmp(lm, "C") == 0 || strcmp(lm, "POSIX") == 0) && lang && *lang)
		setlocale(LC_MESSAGES, "C.UTF-8");
	dir = getenv("ESS_LOCALEDIR");
	bindtextdomain(ESS_PACKAGE, dir && *dir ? dir : ESS_LOCALEDIR);
	bind_textdomain_codeset(ESS_PACKAGE, "UTF-8");
	textdomain(ESS_PACKAGE);
	atexit(ess_close_stdout);
}

static void
vmessage(const char *file, long line, long col, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", ess_progname);
	if (file) {
		fprintf(stderr, "%s:", file);
		if (line > 0)
			fprintf(stderr, "%ld:", line);
		if (line > 0 && col > 0)
			fprintf(stderr, "%ld:", col);
		fputc(' ', stderr);
	}
	vfprintf(stderr, fmt, ap);	// NOLINT(clang-analyzer-valist.Uninitialized): callers va_start it
	fputc('\n', stderr);
}

void
ess_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void
ess_warn_at(const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, col, fmt, ap);
	va_end(ap);
}

/* In a catching thread: keeps the message and jumps back. */
static void
catch_fatal(int status, const char *file, long line, long col, const char *fmt, va_list ap, int e)
{
	struct ess_catch *c = ess_catcher;
	size_t n = 0;

	if (!c)
		return;
	c->msg[0] = '\0';
	if (file && line > 0 && col > 0)
		n = (size_t)snprintf(c->msg, sizeof c->msg, "%s:%ld:%ld: ", file, line, col);
	else if (file && line > 0)
		n = (size_t)snprintf(c->msg, sizeof c->msg, "%s:%ld: ", file, line);
	else if (file)
		n = (size_t)snprintf(c->msg, sizeof c->msg, "%s: ", file);
	if (n < sizeof c->msg)
		n += (size_t)vsnprintf(c->msg + n, sizeof c->msg - n, fmt, ap);	// NOLINT(clang-analyzer-valist.Uninitialized): callers va_start it
	if (e && n < sizeof c->msg)
		snprintf(c->msg + n, sizeof c->msg - n, ": %s", strerror(e));
	c->status = status;
	ess_catcher = NULL;
	longjmp(c->jb, 1);
}

noreturn void
ess_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	catch_fatal(status, NULL, 0, 0, fmt, ap, 0);
	va_end(ap);
	va_start(ap, fmt);
	vmessage(NULL, 0, 0, fmt, ap);
	va_end(ap);
	run_cleanups();
	exit(status);
}

noreturn void
ess_die_at(int status, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	catch_fatal(status, file, line, col, fmt, ap, 0);
	va_end(ap);
	va_start(ap, fmt);
	vmessage(file, line, col, fmt, ap);
	va_end(ap);
	run_cleanups();
	exit(status);
}

noreturn void
ess_die_errno(int status, const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	catch_fatal(status, NULL, 0, 0, fmt, ap, e);
	va_end(ap);
	fflush(stdout);
	fprintf(stderr, "%s: ", ess_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);	// NOLINT(clang-analyzer-valist.Uninitialized): va_start above
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
	run_cleanups();
	exit(status);
}

static noreturn void
out_of_memory(void)
{
	fprintf(stderr, "%s: %s\n", ess_progname, _("out of memory"));
	run_cleanups();
	_exit(EX_SOFTWARE);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > (size_t)-1 / size)
		out_of_memory();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
