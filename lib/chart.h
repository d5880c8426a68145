/*
 * chart.h: a horizontal stacked bar chart in SVG, readable when printed:
 * one bar a row, one colour a series, the values written on the bars.
 */
#ifndef ESS_CHART_H
#define ESS_CHART_H

#include <stdint.h>
#include <stdio.h>

struct chart_series {
	const char *name;
	const char *colour;	/* CSS colour */
};

struct chart_bar {
	const char *label;
	const int64_t *values;	/* one per series, >= 0 */
};

struct chart {
	const char *title;
	const char *subtitle;	/* may be NULL */
	const struct chart_series *series;
	size_t nseries;
	const struct chart_bar *bars;
	size_t nbars;
};

/* Writes the chart as a standalone SVG document. */
void chart_hbar_svg(FILE *fp, const struct chart *c);

#endif
