/*
 * money.h: the money commands of basket-orders: what to order from each
 * producer (totals), what each member owes for a month (invoice), where
 * each member stands (balance), and the cheques to cash (cheques).
 * Each writes through lib/write.h to cli.out and returns an exit status.
 */
#ifndef MONEY_H
#define MONEY_H

#include "basket.h"

/* What was prepared at the distributions held from from to to (both
 * included): a row per product (by_product), else a row per producer.
 * With from == to, a day without a distribution is an error. */
int cmd_totals(const struct basket *b, ess_day from, ess_day to, int by_product);
/* Each member's billed lines of the distributions held in the month,
 * and the member's total. */
int cmd_invoice(const struct basket *b, int year, int month);
/* Delivered (billed), paid and balance per member on the date on (0:
 * today). */
int cmd_balance(const struct basket *b, ess_day on);
/* The cheques to cash in the month (cash_on, or the date received). */
int cmd_cheques(const struct basket *b, int year, int month);

#endif
