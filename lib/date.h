/*
 * date.h: civil calendar dates (proleptic Gregorian, no time zones).
 * A date is a day number: days since 1970-01-01 (negative before).
 */
#ifndef ESS_DATE_H
#define ESS_DATE_H

#include <stdint.h>

typedef int32_t ess_day;  /* exception to "no typedef": it is a number */

/* Days from a year, month (1-12) and day (1-31); the fields must be valid. */
ess_day date_from_ymd(int y, int m, int d);
void date_to_ymd(ess_day day, int *y, int *m, int *d);
/* Whether the fields make a real date, with the year in 1..9999. */
int date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);

/* Parses "YYYY-MM-DD" or "DD/MM/YYYY" (also "D/M/YYYY"), surrounding spaces
 * allowed; 0 on success, -1 on a malformed or impossible date. */
int date_parse(const char *s, ess_day *out);

/* 1 = Monday ... 7 = Sunday (ISO 8601). */
int date_weekday(ess_day day);

/* ISO 8601 week: the week-numbering year and week 1..53. */
void date_iso_week(ess_day day, int *year, int *week);

/* "YYYY-MM-DD" into out (at least 11 bytes); returns out. */
char *date_format(ess_day day, char *out);

/* Adds n months, clamping the day to the end of the month (Jan 31 + 1 = Feb 28/29). */
ess_day date_add_months(ess_day day, int n);
/* Today in the local calendar (TZ), as the clock says. */
ess_day date_today(void);

/* Parses a weekday name in English or French ("monday", "lundi", "Mon"); 1..7, or -1. */
int date_parse_weekday(const char *s);

#endif
