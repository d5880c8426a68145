/*
 * replay.c: runs a fuzz target's LLVMFuzzerTestOneInput on saved inputs,
 * without libFuzzer, so that make check replays the corpus under ASan and
 * UBSan with gcc.
 *
 *   fuzz_csv-replay DIR|FILE...
 *
 * Each directory's regular files (dot files aside) run in name order, then
 * one TAP line: "ok - fuzz replay DIR: N inputs"; a file given by name gets
 * "ok - fuzz replay FILE".  A target reports a violated property by
 * aborting: the line is then "not ok - fuzz replay FILE: crashed" and the
 * sanitizer's or the target's message is on stderr.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* In the sanitizer runtime when there is one (gcc's and clang's). */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

/* UBSan does not run the death callback: make it abort, which on_signal
 * reports.  The runtime reads these defaults before UBSAN_OPTIONS. */
const char *__ubsan_default_options(void);
const char *
__ubsan_default_options(void)
{
	return "print_stacktrace=1:abort_on_error=1";
}

static const char *volatile current;	/* the input being run, for a crash report */

static void
say(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(1, s, n);

		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Async-signal-safe: write(2) only. */
static void
report_crash(void)
{
	if (!current)
		return;
	say("not ok - fuzz replay ");
	say(current);
	say(": crashed\n");
	current = NULL;
}

static void
on_signal(int sig)
{
	report_crash();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Runs the target on one file; -1 when it cannot be read. */
static int
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0, cap = 0, got;

	if (!fp)
		return -1;
	do {
		if (len == cap) {
			unsigned char *p;

			cap = cap ? 2 * cap : 4096;
			p = realloc(data, cap);
			if (!p) {
				free(data);
				fclose(fp);
				errno = ENOMEM;
				return -1;
			}
			data = p;
		}
		got = fread(data + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	if (ferror(fp)) {
		int e = errno;

		free(data);
		fclose(fp);
		errno = e;
		return -1;
	}
	fclose(fp);
	/* A copy of exactly len bytes, so that ASan sees reads past the end. */
	unsigned char *exact = malloc(len ? len : 1);
	if (!exact) {
		free(data);
		errno = ENOMEM;
		return -1;
	}
	if (len)
		memcpy(exact, data, len);
	free(data);
	current = path;
	LLVMFuzzerTestOneInput(exact, len);
	current = NULL;
	free(exact);
	return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
not_dot(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int
run_dir(const char *dir)
{
	struct dirent **names;
	int n, i, runs = 0, bad = 0;
	char path[4096];
	struct stat st;

	n = scandir(dir, &names, not_dot, by_name);
	if (n < 0) {
		printf("not ok - fuzz replay %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);

		if (len < 0 || (size_t)len >= sizeof path || stat(path, &st) != 0) {
			printf("not ok - fuzz replay %s/%s: cannot read it\n", dir, names[i]->d_name);
			bad = 1;
		} else if (S_ISREG(st.st_mode)) {
			if (run_file(path) != 0) {
				printf("not ok - fuzz replay %s: %s\n", path, strerror(errno));
				bad = 1;
			} else {
				runs++;
			}
		}
		free(names[i]);
	}
	free(names);
	if (bad)
		return 1;
	if (runs == 0) {
		printf("not ok - fuzz replay %s: no inputs\n", dir);
		return 1;
	}
	printf("ok - fuzz replay %s: %d inputs\n", dir, runs);
	return 0;
}

int
main(int argc, char **argv)
{
	struct stat st;
	int i, bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 64;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* A property violated: the target aborts.  The sanitizers keep
	 * their own SIGSEGV handling and call the death callback. */
	signal(SIGABRT, on_signal);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(report_crash);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0) {
			printf("not ok - fuzz replay %s: %s\n", argv[i], strerror(errno));
			bad = 1;
		} else if (S_ISDIR(st.st_mode)) {
			bad |= run_dir(argv[i]);
		} else if (run_file(argv[i]) != 0) {
			printf("not ok - fuzz replay %s: %s\n", argv[i], strerror(errno));
			bad = 1;
		} else {
			printf("ok - fuzz replay %s\n", argv[i]);
		}
	}
	return bad;
}
