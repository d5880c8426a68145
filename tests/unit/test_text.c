/*
 * test_text.c: UTF-8 checks, folding and display width.
 */
#include <string.h>

#include "buf.h"
#include "text.h"
#include "t.h"

static size_t
check(const char *s)
{
	return utf8_check(s, strlen(s));
}

/* The folded form of s, valid until the next call. */
static const char *
fold(const char *s)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	text_fold(&b, s, strlen(s));
	return b.data;
}

static const char *
key(const char *s)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	text_fold_key(&b, s, strlen(s));
	return b.data;
}

static size_t
width(const char *s)
{
	return text_width(s, strlen(s));
}

static size_t
prefix(const char *s, size_t w)
{
	return text_prefix_for_width(s, strlen(s), w);
}

static void
test_check(void)
{
	T_EQ(check(""), 0);
	T_EQ(check("abc"), 3);
	T_EQ(check("\xc3\xa9t\xc3\xa9"), 5);
	T_EQ(check("\xe2\x82\xac"), 3);
	T_EQ(check("\xf0\x9f\x98\x80"), 4);
	T_EQ(check("\xf4\x8f\xbf\xbf"), 4);
	T_EQ(check("\xef\xbf\xbf"), 3);
	T_EQ(check("\xed\x9f\xbf"), 3);
	T_EQ(check("\xee\x80\x80"), 3);

	/* Overlong forms. */
	T_EQ(check("\xc0\xaf"), 0);
	T_EQ(check("\xc1\xbf"), 0);
	T_EQ(check("a\xe0\x80\xaf"), 1);
	T_EQ(check("\xe0\x9f\xbf"), 0);
	T_EQ(check("\xf0\x80\x80\xaf"), 0);
	T_EQ(check("\xf0\x8f\xbf\xbf"), 0);
	/* Surrogates. */
	T_EQ(check("\xed\xa0\x80"), 0);
	T_EQ(check("ab\xed\xbf\xbf"), 2);
	/* Past U+10FFFF, and bytes that never occur. */
	T_EQ(check("\xf4\x90\x80\x80"), 0);
	T_EQ(check("\xf5\x80\x80\x80"), 0);
	T_EQ(check("\xf8\x88\x80\x80\x80"), 0);
	T_EQ(check("\xfe"), 0);
	T_EQ(check("\xff"), 0);
	/* Stray continuation bytes. */
	T_EQ(check("\x80"), 0);
	T_EQ(check("ab\xbf"), 2);
	T_EQ(check("\xc3\xa9\xa9"), 2);
	/* Truncated sequences, at the end and before another character. */
	T_EQ(check("abc\xc3"), 3);
	T_EQ(check("abc\xe2\x82"), 3);
	T_EQ(check("abc\xf0\x9f\x98"), 3);
	T_EQ(check("\xe2\x82z"), 0);
	T_EQ(check("\xf0\x9f\x98z"), 0);
	T_EQ(check("\xc3 "), 0);

	/* NUL bytes are valid, and len bounds the check. */
	T_EQ(utf8_check("a\0b", 3), 3);
	T_EQ(utf8_check("\xc3\xa9", 1), 0);
	T_EQ(utf8_check("\xf0\x9f\x98\x80", 3), 0);
	T_EQ(utf8_check("\xf0\x9f\x98\x80", 0), 0);
}

static void
test_count(void)
{
	T_EQ(utf8_count("", 0), 0);
	T_EQ(utf8_count("abc", 3), 3);
	T_EQ(utf8_count("\xc3\xa9t\xc3\xa9", 5), 3);
	T_EQ(utf8_count("\xf0\x9f\x98\x80!", 5), 2);
	T_EQ(utf8_count("e\xcc\x81", 3), 2);
	T_EQ(utf8_count("\xc3\xa9t\xc3\xa9", 4), 3);
	T_EQ(utf8_count("a\xff" "b", 3), 3);
	T_EQ(utf8_count("\xe2\x82", 2), 2);
}

static void
test_fold(void)
{
	T_STREQ(fold(""), "");
	T_STREQ(fold("ABC xyz 123"), "abc xyz 123");
	T_STREQ(fold("\xc3\x89" "conomie Sociale"), "economie sociale");
	T_STREQ(fold("\xc3\x89" "CONOMIE SOCIALE ET SOLIDAIRE"),
	    "economie sociale et solidaire");
	T_STREQ(fold("\xc5\x92uvre"), "oeuvre");
	T_STREQ(fold("C\xc5\x93ur"), "coeur");
	T_STREQ(fold("\xc3\x86sop \xc3\xa6on"), "aesop aeon");
	T_STREQ(fold("Stra\xc3\x9f" "e"), "strasse");
	T_STREQ(fold("\xe1\xba\x9e"), "ss");
	T_STREQ(fold("l\xe2\x80\x99" "ESS"), "l'ess");
	T_STREQ(fold("l\xe2\x80\x98" "a"), "l'a");
	T_STREQ(fold("l\xca\xbc" "a"), "l'a");
	T_STREQ(fold("\xc2\xab\xc2\xa0vert\xc2\xa0\xc2\xbb"), "\" vert \"");
	T_STREQ(fold("\xe2\x80\x9cRouge\xe2\x80\x9d"), "\"rouge\"");
	T_STREQ(fold("1\xc2\xa0" "000\xe2\x80\xaf" "a\xe2\x80\x89" "b"), "1 000 a b");
	T_STREQ(fold("a\xe2\x80\x93" "b\xe2\x80\x94" "c\xe2\x88\x92" "1"), "a-b-c-1");
	T_STREQ(fold("Code\xe2\x80\x91Postal"), "code-postal");
	T_STREQ(fold("a\xef\xb9\x98" "b\xef\xbc\x82"), "a-b\"");
	T_STREQ(fold("\xc3\xa0\xc3\xa2\xc3\xa4\xc3\xa7\xc3\xa8\xc3\xaa\xc3\xab"
	    "\xc3\xae\xc3\xaf\xc3\xb4\xc3\xb9\xc3\xbb\xc3\xbc\xc3\xbf"),
	    "aaaceeeiiouuuy");
	T_STREQ(fold("\xc3\x80\xc3\x87\xc3\x88\xc3\x89\xc3\x8a\xc3\x8e\xc3\x94"
	    "\xc3\x99\xc3\x9b\xc5\xb8"), "aceeeiouuy");
	/* Decomposed input folds as composed input does. */
	T_STREQ(fold("E\xcc\x81" "conomie"), "economie");
	T_STREQ(fold("e\xcc\x81\xcc\xa7"), "e");
	/* Compatibility forms. */
	T_STREQ(fold("\xef\xac\x81" "n"), "fin");
	T_STREQ(fold("\xef\xbc\xa1\xef\xbc\xa2"), "ab");
	T_STREQ(fold("\xe2\x91\xa0"), "1");
	T_STREQ(fold("x\xc2\xb2"), "x2");
	T_STREQ(fold("\xe2\x84\xa2"), "tm");
	T_STREQ(fold("N\xc2\xba"), "no");
	/* Invisible characters go. */
	T_STREQ(fold("\xef\xbb\xbfNom"), "nom");
	T_STREQ(fold("ad\xc2\xadh\xc3\xa9rent"), "adherent");
	T_STREQ(fold("a\xe2\x80\x8b" "b"), "ab");
	/* What has no folding stays. */
	T_STREQ(fold("N\xc2\xb0"), "n\xc2\xb0");
	T_STREQ(fold("\xe2\x82\xac 5 %"), "\xe2\x82\xac 5 %");
	T_STREQ(fold("\xe4\xb8\xad\xf0\x9f\x98\x80"), "\xe4\xb8\xad\xf0\x9f\x98\x80");
	T_STREQ(fold("\xce\xa3\xce\x91"), "\xcf\x83\xce\xb1");
	T_STREQ(fold("a\tb\n"), "a\tb\n");
	/* Invalid UTF-8 is copied as it is, the rest still folded. */
	T_STREQ(fold("A\xff" "B"), "a\xff" "b");
	T_STREQ(fold("\xc0\xaf" "\xc3\x89"), "\xc0\xaf" "e");
	T_STREQ(fold("\xed\xa0\x80"), "\xed\xa0\x80");
	T_STREQ(fold("\xc3\x89\xc3"), "e\xc3");
	T_STREQ(fold("\xe2\x82" "A"), "\xe2\x82" "a");
}

static void
test_fold_append(void)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "x:");
	text_fold(&b, "\xc3\x89t\xc3\xa9", 5);
	T_STREQ(b.data, "x:ete");
	text_fold(&b, "ABC", 2);
	T_STREQ(b.data, "x:eteab");
	T_EQ(b.len, 7);
	text_fold(&b, "a\0B", 3);
	T_EQ(b.len, 10);
	T_OK(memcmp(b.data + 7, "a\0b", 3) == 0);
	buf_reset(&b);
	buf_adds(&b, "K=");
	text_fold_key(&b, "Gommettes vertes", 16);
	T_STREQ(b.data, "K=gommettesverte");
	buf_release(&b);
}

static void
test_fold_key(void)
{
	T_STREQ(key("Gommettes vertes"), "gommettesverte");
	T_STREQ(key("gommettes_vertes"), "gommettesverte");
	T_STREQ(key("GOMMETTES-VERTES"), "gommettesverte");
	T_STREQ(key(" Gommettes\xc2\xa0vertes "), "gommettesverte");
	T_STREQ(key("Code-Postal"), "codepostal");
	T_STREQ(key("code postal"), "codepostal");
	T_STREQ(key("Code\xe2\x80\x93postal"), "codepostal");
	T_STREQ(key("Code postaux"), "codepostaux");
	T_STREQ(key("N\xc2\xb0"), "n\xc2\xb0");
	T_STREQ(key("n\xc2\xb0"), "n\xc2\xb0");
	T_STREQ(key("N\xc2\xb0 adh\xc3\xa9rent"), "n\xc2\xb0" "adherent");
	T_STREQ(key("N. adh."), "nadh");
	T_STREQ(key("l\xe2\x80\x99\xc3\xa9quipe"), "lequipe");
	T_STREQ(key("l'\xc3\xa9quipe"), "lequipe");
	T_STREQ(key("Pr\xc3\xa9nom"), "prenom");
	T_STREQ(key("Pr\xc3\xa9noms"), "prenom");
	/* Only one final 's', and never the whole key. */
	T_STREQ(key("Class"), "clas");
	T_STREQ(key("s"), "s");
	T_STREQ(key("S."), "s");
	T_STREQ(key("ss"), "s");
	T_STREQ(key("Votes S"), "votes");
	T_STREQ(key(""), "");
	T_STREQ(key(" _-.' "), "");
	T_STREQ(key("A B"), "ab");
}

static void
test_width(void)
{
	T_EQ(width(""), 0);
	T_EQ(width("abc"), 3);
	T_EQ(width("\xc3\xa9"), 1);
	T_EQ(width("e\xcc\x81"), 1);
	T_EQ(width("\xcc\x81"), 0);
	T_EQ(width("\xe4\xb8\xad"), 2);
	T_EQ(width("\xe4\xb8\xad\xe6\x96\x87"), 4);
	T_EQ(width("\xef\xbc\xa1"), 2);
	T_EQ(width("\xf0\x9f\x98\x80"), 2);
	T_EQ(width("\xe2\x82\xac"), 1);
	T_EQ(width("\xc2\xa0"), 1);
	T_EQ(width("\xe2\x80\x8b"), 0);
	T_EQ(width("\xff"), 1);
	T_EQ(width("a\xe2\x82"), 3);
	T_EQ(width("\xc3\x89" "conomie"), 8);

	T_EQ(prefix("abcdef", 3), 3);
	T_EQ(prefix("abc", 10), 3);
	T_EQ(prefix("abc", 0), 0);
	T_EQ(prefix("", 5), 0);
	T_EQ(prefix("\xc3\xa9t\xc3\xa9", 2), 3);
	T_EQ(prefix("\xc3\xa9t\xc3\xa9", 3), 5);
	/* A wide character that does not fit is left out whole. */
	T_EQ(prefix("a\xe4\xb8\xad" "b", 1), 1);
	T_EQ(prefix("a\xe4\xb8\xad" "b", 2), 1);
	T_EQ(prefix("a\xe4\xb8\xad" "b", 3), 4);
	T_EQ(prefix("\xe4\xb8\xad", 1), 0);
	/* Combining marks stay with their letter. */
	T_EQ(prefix("e\xcc\x81" "f", 1), 3);
	T_EQ(prefix("e\xcc\x81\xcc\xa7" "f", 1), 5);
	T_EQ(prefix("\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 3), 4);
	/* An invalid byte is one column and is never split. */
	T_EQ(prefix("\xff\xff" "a", 2), 2);
	T_EQ(text_prefix_for_width("\xc3\xa9", 1, 5), 1);
}

int
main(void)
{
	test_check();
	test_count();
	test_fold();
	test_fold_append();
	test_fold_key();
	test_width();
	return t_end();
}
