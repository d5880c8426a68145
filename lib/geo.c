/*
 * geo.c: distances, Lambert-93 and coordinates as text.  The projection
 * follows IGN's note NT/G 71 (algorithms ALG0001 to ALG0004 and
 * ALG0054), with its constants derived from the definition rather than
 * copied: n = 0.7256077650, c = 11754255.426 m, ys = 12655612.050 m.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "geo.h"

#define RAD (M_PI / 180)
#define EARTH_R 6371008.8		/* mean radius (IUGG), metres */

/* Lambert-93: GRS80, standard parallels, origin and false origin. */
#define GRS80_A 6378137.0
#define GRS80_F (1 / 298.257222101)
#define L93_LAT1 49.0
#define L93_LAT2 44.0
#define L93_LAT0 46.5
#define L93_LON0 3.0
#define L93_X0 700000.0
#define L93_Y0 6600000.0

/* Metropolitan France, Corsica included, with a wide margin. */
#define L93_XMIN (-400000.0)
#define L93_XMAX 1600000.0
#define L93_YMIN 5900000.0
#define L93_YMAX 7300000.0

#define COORD_MAX 64		/* longest coordinate text, spaces aside */
#define DIGITS_MAX 1000000000000000000ULL	/* 10^18 */

double
geo_distance_m(double lat1, double lon1, double lat2, double lon2)
{
	double p1 = lat1 * RAD, p2 = lat2 * RAD;
	double sp = sin((p2 - p1) / 2), sl = sin((lon2 - lon1) * RAD / 2);
	double h = sp * sp + cos(p1) * cos(p2) * sl * sl;

	/* Rounding can take h a little past 1 near the antipodes. */
	if (h > 1)
		h = 1;
	else if (h < 0)
		h = 0;
	return 2 * EARTH_R * asin(sqrt(h));
}

/* The constants of a Lambert conic conformal projection (IGN's names). */
struct lcc {
	double e;	/* first eccentricity */
	double n;	/* exponent of the projection */
	double c;	/* projection constant, metres */
	double xs;	/* coordinates of the pole, metres */
	double ys;
	double lon0;	/* central meridian, radians */
};

/* Isometric latitude of phi (ALG0001). */
static double
iso_lat(double phi, double e)
{
	return log(tan(M_PI_4 + phi / 2)) - e * atanh(e * sin(phi));
}

/* Radius of the parallel of phi over a (ALG0021 / a, times cos phi). */
static double
parallel_radius(double phi, double e)
{
	double es = e * sin(phi);

	return cos(phi) / sqrt(1 - es * es);
}

/*
 * The secant case from its two standard parallels (ALG0054).  Cheap
 * enough to do on each call, which keeps it free of shared state.
 */
static void
lambert93(struct lcc *k)
{
	double f = GRS80_F, e = sqrt(f * (2 - f));
	double p1 = L93_LAT1 * RAD, p2 = L93_LAT2 * RAD;
	double l1 = iso_lat(p1, e), l2 = iso_lat(p2, e);

	k->e = e;
	k->n = log(parallel_radius(p1, e) / parallel_radius(p2, e)) /
	    (l2 - l1);
	k->c = GRS80_A * parallel_radius(p1, e) * exp(k->n * l1) / k->n;
	k->xs = L93_X0;
	k->ys = L93_Y0 + k->c * exp(-k->n * iso_lat(L93_LAT0 * RAD, e));
	k->lon0 = L93_LON0 * RAD;
}

/* Whether (x, y) is in the extent widened by slack metres; not NaN. */
static int
in_extent(double x, double y, double slack)
{
	return x >= L93_XMIN - slack && x <= L93_XMAX + slack &&
	    y >= L93_YMIN - slack && y <= L93_YMAX + slack;
}

int
geo_lambert93_to_wgs84(double x, double y, double *lat, double *lon)
{
	struct lcc k;
	double dx, dy, iso, phi, next;
	int i;

	if (!in_extent(x, y, 0))
		return -1;
	lambert93(&k);
	/* ALG0004: back to polar coordinates about the cone's apex... */
	dx = x - k.xs;
	dy = k.ys - y;
	iso = -log(hypot(dx, dy) / k.c) / k.n;
	/* ...then ALG0002: latitude from isometric latitude, by fixed point. */
	phi = 2 * atan(exp(iso)) - M_PI_2;
	for (i = 0; i < 20; i++) {
		next = 2 * atan(exp(iso + k.e * atanh(k.e * sin(phi)))) -
		    M_PI_2;
		if (fabs(next - phi) < 1e-12)
			break;
		phi = next;
	}
	if (i == 20)
		return -1;	/* it converges in about 6 within the extent */
	*lat = next / RAD;
	*lon = (k.lon0 + atan2(dx, dy) / k.n) / RAD;
	return 0;
}

int
geo_wgs84_to_lambert93(double lat, double lon, double *x, double *y)
{
	struct lcc k;
	double r, g, px, py;

	if (!geo_valid_latlon(lat, lon))
		return -1;
	lambert93(&k);
	/* ALG0003 */
	r = k.c * exp(-k.n * iso_lat(lat * RAD, k.e));
	g = k.n * (lon * RAD - k.lon0);
	px = k.xs + r * sin(g);
	py = k.ys - r * cos(g);
	/* The metre to spare lets the inverse's results on the edge back. */
	if (!in_extent(px, py, 1))
		return -1;
	*x = px;
	*y = py;
	return 0;
}

int
geo_valid_latlon(double lat, double lon)
{
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Appends a digit to the significand *m, counting in *dexp the power of
 * ten it is then multiplied by.  Past 19 significant digits, those of the
 * whole part only scale it and those of the decimal part are dropped.
 */
static void
push_digit(uint64_t *m, int *dexp, char c, int decimal)
{
	if (*m < DIGITS_MAX) {
		*m = *m * 10 + (uint64_t)(c - '0');
		if (decimal)
			(*dexp)--;
	} else if (!decimal)
		(*dexp)++;
}

/* m * 10^dexp, rounded once when m < 2^53 and |dexp| <= 22. */
static double
scale10(uint64_t m, int dexp)
{
	static const double p10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
		1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
		1e21, 1e22
	};
	double v = (double)m;

	for (; dexp < -22; dexp += 22)
		v /= 1e22;
	for (; dexp > 22; dexp -= 22)
		v *= 1e22;
	return dexp < 0 ? v / p10[-dexp] : v * p10[dexp];
}

int
geo_parse_coord(const char *s, double *out)
{
	const char *e;
	uint64_t m = 0;
	int neg = 0, dexp = 0, nwhole = 0, ndec = 0;
	double v;

	while (*s == ' ' || *s == '\t')
		s++;
	for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	if (e - s > COORD_MAX)
		return -1;
	if (s < e && (*s == '+' || *s == '-'))
		neg = *s++ == '-';
	for (; s < e && is_digit(*s); s++, nwhole++)
		push_digit(&m, &dexp, *s, 0);
	if (s < e && (*s == '.' || *s == ',')) {
		for (s++; s < e && is_digit(*s); s++, ndec++)
			push_digit(&m, &dexp, *s, 1);
		if (ndec == 0)
			return -1;
	}
	if (s != e || nwhole + ndec == 0)
		return -1;
	v = scale10(m, dexp);
	*out = neg ? -v : v;
	return 0;
}

char *
geo_format_coord(double v, char *out)
{
	char tmp[32], *p = tmp + sizeof tmp;
	double a, prod, err, whole, frac;
	uint64_t n, w;
	unsigned f;
	int i, seen = 0;

	if (!isfinite(v) || fabs(v) >= 1e9) {
		out[0] = '\0';
		return out;
	}
	/*
	 * Micro-degrees, rounded half away from zero from the exact product:
	 * a * 1e6 = prod + err exactly, and prod < 2^50 keeps its fraction a
	 * multiple of ulp(prod), so err only matters for an apparent tie.
	 */
	a = fabs(v);
	prod = a * 1e6;
	err = fma(a, 1e6, -prod);
	whole = floor(prod);
	frac = prod - whole;
	n = (uint64_t)whole;
	if (frac > 0.5 || (frac == 0.5 && err >= 0))
		n++;
	w = n / 1000000;
	f = (unsigned)(n % 1000000);

	*--p = '\0';
	if (f != 0) {
		for (i = 0; i < 6; i++, f /= 10)
			if (seen || f % 10 != 0) {
				*--p = (char)('0' + f % 10);
				seen = 1;
			}
		*--p = '.';
	}
	do
		*--p = (char)('0' + w % 10);
	while ((w /= 10) != 0);
	if (v < 0 && n != 0)
		*--p = '-';
	memcpy(out, p, (size_t)(tmp + sizeof tmp - p));
	return out;
}
