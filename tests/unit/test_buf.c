/*
 * test_buf.c: the growable byte buffer.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "t.h"

static void
test_empty(void)
{
	struct buf b = BUF_INIT, c;
	char *p;

	T_OK(b.data != NULL);
	T_STREQ(b.data, "");
	T_EQ(b.len, 0);
	buf_init(&c);
	T_OK(c.data != NULL && c.len == 0 && c.cap == 0);
	buf_reset(&b);
	T_STREQ(b.data, "");
	buf_setlen(&b, 0);
	T_STREQ(b.data, "");
	buf_release(&b);
	T_OK(b.data != NULL && b.len == 0 && b.cap == 0);
	buf_release(&b);

	/* An empty buffer still detaches a string the caller may free. */
	p = buf_detach(&c);
	T_STREQ(p, "");
	free(p);
	T_OK(c.data != NULL && c.len == 0 && c.cap == 0);
}

static void
test_add(void)
{
	struct buf b = BUF_INIT;
	size_t i;
	int bad = 0;

	buf_add(&b, "ab", 2);
	buf_addc(&b, 'c');
	buf_adds(&b, "def");
	buf_add(&b, "", 0);
	T_STREQ(b.data, "abcdef");
	T_EQ(b.len, 6);
	T_OK(b.cap > b.len);

	/* NUL bytes are data too. */
	buf_add(&b, "x\0y", 3);
	T_EQ(b.len, 9);
	T_OK(memcmp(b.data, "abcdefx\0y", 10) == 0);
	buf_addc(&b, '\0');
	T_EQ(b.len, 10);
	T_EQ(b.data[10], '\0');

	/* Growing far past the first allocation keeps everything. */
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_addc(&b, 'a' + (int)(i % 26));
	T_EQ(b.len, 100000);
	T_OK(b.cap > b.len);
	for (i = 0; i < b.len; i++)
		if (b.data[i] != 'a' + (int)(i % 26))
			bad++;
	T_EQ(bad, 0);
	T_EQ(b.data[b.len], '\0');
	buf_release(&b);
}

static void
test_grow(void)
{
	struct buf b = BUF_INIT;
	char *before;

	buf_grow(&b, 0);
	T_OK(b.cap >= 1);
	T_STREQ(b.data, "");
	buf_grow(&b, 1000);
	T_OK(b.cap >= 1001);
	T_EQ(b.len, 0);
	T_STREQ(b.data, "");
	before = b.data;
	buf_add(&b, "0123456789", 10);
	/* Room reserved is used without moving the data. */
	T_OK(b.data == before);
	buf_release(&b);
}

static void
test_printf(void)
{
	struct buf b = BUF_INIT;
	char big[300];
	size_t cap;

	buf_printf(&b, "%s", "");
	T_STREQ(b.data, "");
	T_EQ(b.len, 0);
	buf_printf(&b, "%d-%s", 42, "x");
	T_STREQ(b.data, "42-x");
	T_EQ(b.len, 4);
	buf_printf(&b, "|%05.1f|", 3.14159);
	T_STREQ(b.data, "42-x|003.1|");

	/* Past the first capacity, starting from an empty and a full buffer. */
	memset(big, 'q', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_printf(&b, "<%s>", big);
	T_EQ(b.len, 11 + 301);
	T_EQ(strlen(b.data), b.len);
	T_OK(strncmp(b.data, "42-x|003.1|<qqq", 15) == 0);
	T_EQ(b.data[b.len - 1], '>');
	T_OK(b.cap > b.len);
	buf_release(&b);

	buf_printf(&b, "%s%s", big, big);
	T_EQ(b.len, 598);
	T_EQ(strlen(b.data), 598);
	buf_release(&b);

	/* Filling exactly to capacity, then one byte more. */
	buf_grow(&b, 10);
	cap = b.cap;
	while (b.len + 1 < b.cap)
		buf_addc(&b, '.');
	T_EQ(b.len, cap - 1);
	buf_printf(&b, "%c", 'E');
	T_EQ(b.len, cap);
	T_OK(b.cap > cap);
	T_EQ(b.data[b.len - 1], 'E');
	T_EQ(b.data[b.len], '\0');
	buf_printf(&b, "%c", 'F');
	T_EQ(b.data[b.len - 1], 'F');
	T_EQ(strlen(b.data), b.len);
	buf_release(&b);
}

static void __attribute__((format(printf, 2, 3)))
vwrap(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

static void
test_vprintf(void)
{
	struct buf b = BUF_INIT;
	char big[200];

	memset(big, 'v', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	vwrap(&b, "%s:%d", "a", 1);
	T_STREQ(b.data, "a:1");
	/* The va_list is used twice when the buffer grows. */
	vwrap(&b, "%s:%d", big, 2);
	T_EQ(b.len, 3 + 199 + 2);
	T_OK(strcmp(b.data + 3 + 199, ":2") == 0);
	buf_release(&b);
}

static void
test_reset_setlen(void)
{
	struct buf b = BUF_INIT;
	size_t cap;

	buf_adds(&b, "hello world");
	cap = b.cap;
	buf_setlen(&b, 5);
	T_STREQ(b.data, "hello");
	T_EQ(b.len, 5);
	buf_reset(&b);
	T_STREQ(b.data, "");
	T_EQ(b.len, 0);
	/* Reset keeps the memory for reuse. */
	T_EQ(b.cap, cap);
	buf_adds(&b, "again");
	T_STREQ(b.data, "again");
	buf_release(&b);
}

static void
test_detach(void)
{
	struct buf b = BUF_INIT;
	char *p;

	buf_adds(&b, "taken");
	p = buf_detach(&b);
	T_STREQ(p, "taken");
	/* The buffer is empty and usable again; p is the caller's. */
	T_OK(b.data != p);
	T_STREQ(b.data, "");
	T_EQ(b.len, 0);
	T_EQ(b.cap, 0);
	buf_adds(&b, "new");
	T_STREQ(b.data, "new");
	T_STREQ(p, "taken");
	free(p);
	buf_release(&b);
}

int
main(void)
{
	test_empty();
	test_add();
	test_grow();
	test_printf();
	test_vprintf();
	test_reset_setlen();
	test_detach();
	return t_end();
}
