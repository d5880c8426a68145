/*
 * basket.h: the Monday basket distribution's data, as basket-orders reads
 * it from a folder (-C DIR): settings, producers, products and their
 * prices over time, members and memberships, subscriptions, one-off
 * orders, absences, closures and moves, payments, the volunteers' roster.
 *
 * Every file is read whole (an association's season is small) into arrays
 * of plain structs; names are kept in one arena; money is integer cents,
 * quantities thousandths (per-kg products weigh 1,8 kg = 1800), dates are
 * day numbers (lib/date.h), so no hour and no daylight-saving change can
 * move them.  Each record keeps its file and line for messages.
 */
#ifndef BASKET_H
#define BASKET_H

#include <stdint.h>

#include "date.h"
#include "map.h"

#define QTY_ONE 1000	/* quantities are in thousandths */

enum absence_policy { ABS_SKIP, ABS_LOST, ABS_DONATE };
enum member_year { YEAR_CALENDAR, YEAR_ROLLING };
enum kind { KIND_ADULT, KIND_FAMILY, KIND_VISIT };
enum pricing { PRICE_UNIT, PRICE_KG };

struct where {
	const char *file;
	long line;
};

struct settings {
	const char *name, *place;
	int weekday;		/* 1 = Monday ... 7 */
	int open_min, close_min;	/* hours, in minutes after midnight */
	int64_t fee_adult, fee_family, fee_visit;	/* cents */
	enum member_year year;
	enum absence_policy absence;
	int order_deadline_hours;
	ess_day season_from, season_to;	/* 0 when not given */
};

struct producer {
	const char *id, *name, *contact, *phone, *email, *payee;
	struct where at;
};

struct price {
	ess_day from;
	int64_t cents;		/* per unit, or per kg */
	struct where at;
};

struct product {
	const char *id, *label, *unit;
	size_t producer;	/* index in producers */
	enum pricing pricing;
	struct price *prices;	/* sorted by from */
	size_t nprices;
};

struct member {
	const char *id, *household, *name, *phone, *email;
	const char *sort_key;	/* the name folded: lists sort by it, not by bytes */
	size_t hh;		/* the household's number, to compare without strcmp */
	struct where at;
};

struct membership {
	size_t member;
	enum kind kind;
	ess_day paid_on;
	int64_t cents;
	struct where at;
};

struct subscription {
	size_t member, product;
	int64_t qty;		/* thousandths */
	ess_day from, to;	/* to: INT32_MAX when open */
	int every;		/* weeks */
	long shared_with;	/* member index, or -1 */
	struct where at;
};

struct order {
	ess_day date;
	size_t member, product;
	int64_t qty;		/* 0 cancels */
	int64_t placed;		/* ordered_at, in minutes since 1970-01-01 00:00; -1 when not given */
	int late;		/* placed after the deadline (order_deadline_hours): not applied */
	struct where at;
};

struct span {
	ess_day from, to;
	const char *reason;
	struct where at;
};

struct absence {
	size_t member;
	ess_day from, to;
	struct where at;
};

struct move {
	ess_day date, moved_to;
	const char *reason;
	struct where at;
};

enum method { PAY_CHEQUE, PAY_CASH, PAY_TRANSFER };

struct payment {
	size_t member;
	ess_day date, cash_on;	/* cash_on: 0 when not given */
	int64_t cents;
	enum method method;
	const char *cheque_no;
	struct where at;
};

struct duty {
	ess_day date;
	const char *role;
	size_t member;
	struct where at;
};

struct basket {
	const char *dir;
	ess_day today;		/* --today, or the clock's */
	struct settings set;
	struct producer *producers; size_t nproducers;
	struct product *products; size_t nproducts;
	struct member *members; size_t nmembers;
	struct membership *memberships; size_t nmemberships;
	struct subscription *subs; size_t nsubs;
	struct order *orders; size_t norders;
	struct absence *absences; size_t nabsences;
	struct span *closures; size_t nclosures;
	struct move *moves; size_t nmoves;
	struct payment *payments; size_t npayments;
	struct duty *roster; size_t nroster;
	struct map member_ids, product_ids, producer_ids, household_ids;
	/* Indexes built once after loading (basket_index), so that a year of
	 * distributions does not scan every file for every line: */
	size_t *ms_start, *ms_of;	/* memberships by household: ms_of[ms_start[h]..ms_start[h + 1]) */
	size_t *abs_start, *abs_of;	/* absences by member, likewise */
	size_t *ord_sorted;		/* orders by date, member, product, then file order */
	unsigned char *ord_last;	/* per order: the last line for its date, member and product */
};

/* One line of a distribution: what a member takes of a product. */
enum line_status { ST_OK, ST_ABSENT, ST_CANCELLED, ST_SHARED_TURN };

struct line {
	size_t member, product;
	int64_t qty;		/* thousandths */
	int64_t unit_price;	/* cents, in force on the date */
	int64_t amount;		/* cents billed */
	enum line_status status;
	int subscribed, billed, membership, visit;
};

/* The deadline of orders for the distribution held on d, in minutes since
 * 1970-01-01 00:00 (local time): its opening less order_deadline_hours. */
int64_t order_deadline(const struct basket *b, ess_day d);
/* Minutes since 1970-01-01 00:00 as "YYYY-MM-DD HH:MM" in out (20 bytes). */
const char *stamp_format(int64_t minutes, char *out);
/* The price of p in force on d, in cents, or -1. */
int64_t price_on(const struct product *p, ess_day d);
/* The closure covering d, or NULL. */
const struct span *closure_on(const struct basket *b, ess_day d);
/* The nominal date of the distribution held on d, or 0 with *why (a
 * message id, or a closure's reason) when none is. */
ess_day distribution_on(const struct basket *b, ess_day d, const char **why);
/* Whether member m may take part on d (a membership in force, or a visit
 * paid that day: *visit set). */
int member_valid(const struct basket *b, size_t m, ess_day d, int *visit);
/* The lines of the distribution held on d (nominal date nominal), in
 * *out (malloc'd); their number. */
size_t distribution_lines(const struct basket *b, ess_day d, ess_day nominal, struct line **out);

/* Files named by their own option (--members=FILE...), NULL for DIR/NAME. */
enum basket_file {
	BF_SETTINGS, BF_PRODUCERS, BF_PRODUCTS, BF_MEMBERS, BF_MEMBERSHIPS,
	BF_SUBSCRIPTIONS, BF_ORDERS, BF_ABSENCES, BF_CLOSURES, BF_PAYMENTS,
	BF_ROSTER, BF_NFILES
};
extern const char *basket_files[BF_NFILES];

/* Reads every file of the folder dir (NULL: the current folder); bad rows
 * are reported at their file:line:col (exit 65, or left out with -k). */
void basket_load(struct basket *b, const char *dir);
/* Rows the reader rejected while loading (with --keep-going). */
extern long basket_rejected;
/* Builds the indexes of struct basket (basket_load calls it). */
void basket_index(struct basket *b);
/* Cross-checks the folder; 0, or 65 when it said a problem. */
int basket_check(const struct basket *b);

#endif
