/*
 * err.h: the program's name, messages, exit codes and allocation that
 * never returns NULL.
 *
 * Messages go to stderr as "PROG: MESSAGE" or "PROG: FILE:LINE:COL: MESSAGE",
 * lowercase, no full stop, subject quoted; callers wrap formats in _().
 * ess_die* run the registered cleanups (an unfinished -O file is removed)
 * and exit with a sysexits.h code.  ess_init() also arranges for stdout to
 * be flushed and closed at exit, so a write error becomes exit 74.
 */
#ifndef ESS_ERR_H
#define ESS_ERR_H

#include <setjmp.h>
#include <stddef.h>
#include <stdnoreturn.h>
#include <sysexits.h>
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#define ESS_PACKAGE "ess-tools"
#ifndef ESS_VERSION
#define ESS_VERSION "0.1.0"
#endif

extern const char *ess_progname;

/* Sets the program name, the locale and message catalogue, argp's version
 * and exit status, and the stdout check at exit. */
void ess_init(const char *progname);

void ess_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ess_warn_at(const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
noreturn void ess_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
noreturn void ess_die_at(int status, const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Like ess_die, with ": strerror(errno)" appended. */
noreturn void ess_die_errno(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A thread that must not exit the process (the table reader's) points
 * ess_catcher at a struct ess_catch: ess_die* then keep their message and
 * status there and longjmp to it, and the thread hands them over to the
 * main thread, which reports them in their turn.
 */
struct ess_catch {
	jmp_buf jb;
	int status;
	char msg[512];
};
extern _Thread_local struct ess_catch *ess_catcher;

/* Runs the cleanups and exits, saying nothing more. */
noreturn void ess_exit(int status);

/* A cleanup run by ess_die before exiting (at most a few are registered). */
void ess_atdie(void (*fn)(void *), void *arg);
void ess_atdie_remove(void (*fn)(void *), void *arg);

/* The exit status a run with reported but tolerated errors must end with. */
extern int ess_exit_status;

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Flushes and closes stdout; on error prints "write error" and exits 74. */
void ess_close_stdout(void);

#endif
