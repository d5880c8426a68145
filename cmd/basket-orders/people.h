/*
 * people.h: the commands about people and dates: members (memberships
 * and the members entitled to vote), calendar (the distributions with
 * closures and moves applied, as rows or iCalendar) and roster (the
 * volunteers on duty, and the dates short of them).
 */
#ifndef PEOPLE_H
#define PEOPLE_H

#include "basket.h"

/* Each member's membership on day on, and the number entitled to vote. */
int cmd_members(const struct basket *b, ess_day on);
/* The distributions of from..to (0: today, and a year after from); ics:
 * an iCalendar (RFC 5545) document instead of rows. */
int cmd_calendar(const struct basket *b, ess_day from, ess_day to, int ics);
/* The volunteers of each distribution held in from..to (0: today, and
 * eight weeks after from); gaps: only the dates with fewer than min. */
int cmd_roster(const struct basket *b, ess_day from, ess_day to, int gaps, int min);

#endif
