/*
 * test_geo.c: distances, Lambert-93 both ways, coordinates as text, and
 * the same text under a French LC_NUMERIC when the machine has one.
 */
#include <locale.h>
#include <math.h>
#include <stdint.h>

#include "geo.h"
#include "t.h"

#define R_MEAN 6371008.8
#define UNTOUCHED 12345.0

/* Whether a and b differ by at most tol. */
static int
near(double a, double b, double tol)
{
	return fabs(a - b) <= tol;
}

/* Whether a and b are at most one representable double apart. */
static int
ulp1(double a, double b)
{
	return a == b || nextafter(a, b) == b;
}

/* Whether Lambert-93 (x, y) maps to (lat, lon) within tol degrees. */
static int
to_wgs84(double x, double y, double lat, double lon, double tol)
{
	double la = UNTOUCHED, lo = UNTOUCHED;

	if (geo_lambert93_to_wgs84(x, y, &la, &lo) < 0)
		return 0;
	if (!near(la, lat, tol) || !near(lo, lon, tol)) {
		printf("#   got %.10f %.10f\n", la, lo);
		return 0;
	}
	return 1;
}

/* Whether (lat, lon) maps to Lambert-93 (x, y) within tol metres. */
static int
to_l93(double lat, double lon, double x, double y, double tol)
{
	double px = UNTOUCHED, py = UNTOUCHED;

	if (geo_wgs84_to_lambert93(lat, lon, &px, &py) < 0)
		return 0;
	if (!near(px, x, tol) || !near(py, y, tol)) {
		printf("#   got %.4f %.4f\n", px, py);
		return 0;
	}
	return 1;
}

/* Whether both conversions refuse, leaving their outputs alone. */
static int
l93_refused(double x, double y)
{
	double a = UNTOUCHED, b = UNTOUCHED;

	return geo_lambert93_to_wgs84(x, y, &a, &b) == -1 &&
	    a == UNTOUCHED && b == UNTOUCHED;
}

static int
wgs_refused(double lat, double lon)
{
	double a = UNTOUCHED, b = UNTOUCHED;

	return geo_wgs84_to_lambert93(lat, lon, &a, &b) == -1 &&
	    a == UNTOUCHED && b == UNTOUCHED;
}

/*
 * Whether the point dx metres east of the east edge of the extent (at
 * x = 1600000, y = 6600000) projects.
 */
static int
edge_east(double dx)
{
	double lat, lon, x, y;

	if (geo_lambert93_to_wgs84(1600000, 6600000, &lat, &lon) < 0)
		return 0;
	lon += dx / (R_MEAN * M_PI / 180 * cos(lat * M_PI / 180));
	return geo_wgs84_to_lambert93(lat, lon, &x, &y) == 0;
}

static void
test_distance(void)
{
	double d;

	T_OK(geo_distance_m(48.8566, 2.3522, 48.8566, 2.3522) == 0);
	/* Paris (Hôtel de Ville) to Lyon (Bellecour): 391.5 km. */
	d = geo_distance_m(48.8566, 2.3522, 45.7640, 4.8357);
	T_OK(near(d, 392000, 1000));
	T_OK(d == geo_distance_m(45.7640, 4.8357, 48.8566, 2.3522));
	/* One degree along a meridian, and across the antimeridian. */
	T_OK(near(geo_distance_m(45, 1, 46, 1), R_MEAN * M_PI / 180, 1e-6));
	T_OK(near(geo_distance_m(0, 179, 0, -179), R_MEAN * M_PI / 90,
	    1e-6));
	/* Antipodes: half the circumference exactly, about 20015 km. */
	T_OK(geo_distance_m(0, 0, 0, 180) == R_MEAN * M_PI);
	T_OK(geo_distance_m(90, 0, -90, 0) == R_MEAN * M_PI);
	T_OK(geo_distance_m(45, 10, -45, -170) == R_MEAN * M_PI);
	T_OK(geo_distance_m(45.529, 0.662, -45.529, -179.338) ==
	    R_MEAN * M_PI);
	T_OK(near(geo_distance_m(0, 0, 0, 180), 20015114, 1));
	T_OK(isnan(geo_distance_m(NAN, 0, 0, 0)));
	T_OK(isnan(geo_distance_m(0, 0, 0, NAN)));
}

/*
 * Lambert-93 from IGN's published constants (NT/G 71 and the RGF93
 * decree): n, c and ys as IGN rounds them, and e of GRS80.  Agreeing
 * with them within a millimetre checks the derivation in geo.c.
 */
static void
ign_l93(double lat, double lon, double *x, double *y)
{
	const double n = 0.7256077650, c = 11754255.426;
	const double xs = 700000.0, ys = 12655612.050;
	const double e = 0.0818191910428158;
	double phi = lat * M_PI / 180, es = e * sin(phi);
	double iso = log(tan(M_PI_4 + phi / 2) *
	    pow((1 - es) / (1 + es), e / 2));
	double r = c * exp(-n * iso), g = n * (lon - 3) * M_PI / 180;

	*x = xs + r * sin(g);
	*y = ys - r * cos(g);
}

static void
test_lambert_points(void)
{
	double lat, lon, ix, iy;
	int bad = 0;

	/* The projection's origin and central meridian. */
	T_OK(to_wgs84(700000, 6600000, 46.5, 3, 1e-12));
	T_OK(to_l93(46.5, 3, 700000, 6600000, 1e-6));
	T_OK(to_wgs84(700000, 7000000, 50.0983025, 3, 1e-7));
	/* Paris, Hôtel de Ville: 48.8566 2.3522 (the coordinates often
	 * given for Notre-Dame, 48.8530 2.3498, are 360 m away). */
	T_OK(to_wgs84(652469.02, 6862035.26, 48.8566, 2.3522, 1e-6));
	T_OK(to_l93(48.8566, 2.3522, 652469.02, 6862035.26, 0.01));
	/* IGN's converter (via Geofree), rounded to 1e-5 degree. */
	T_OK(to_wgs84(668832.5384, 6950138.7285, 49.64961, 2.56865, 1e-5));
	/* The Eiffel Tower, rounded to the metre. */
	T_OK(to_l93(48.8584, 2.2945, 648237, 6862272, 1));

	/* Every quarter degree of France against IGN's constants. */
	for (lat = 41.25; lat <= 51.25; lat += 0.25)
		for (lon = -5.25; lon <= 9.75; lon += 0.25) {
			ign_l93(lat, lon, &ix, &iy);
			if (!to_l93(lat, lon, ix, iy, 0.001))
				bad++;
		}
	T_EQ(bad, 0);
}

static void
test_lambert_round_trip(void)
{
	double lat, lon, x = 0, y = 0, la = 0, lo = 0, bx = 0, by = 0;
	int bad = 0;

	/* Nontron (Dordogne). */
	T_EQ(geo_wgs84_to_lambert93(45.529, 0.662, &x, &y), 0);
	T_OK(near(x, 517533.249, 0.001) && near(y, 6494870.308, 0.001));
	T_EQ(geo_lambert93_to_wgs84(x, y, &la, &lo), 0);
	T_OK(near(la, 45.529, 1e-7) && near(lo, 0.662, 1e-7));
	T_OK(near(la, 45.529, 1e-11) && near(lo, 0.662, 1e-11));
	T_EQ(geo_wgs84_to_lambert93(la, lo, &bx, &by), 0);
	T_OK(near(bx, x, 0.001) && near(by, y, 0.001));

	/* Degrees to metres and back, all over the extent. */
	for (lat = 41.0; lat <= 51.5; lat += 0.1)
		for (lon = -5.5; lon <= 10.0; lon += 0.1) {
			if (geo_wgs84_to_lambert93(lat, lon, &x, &y) < 0 ||
			    geo_lambert93_to_wgs84(x, y, &la, &lo) < 0 ||
			    !near(la, lat, 1e-9) || !near(lo, lon, 1e-9))
				bad++;
		}
	T_EQ(bad, 0);
	/* Metres to degrees and back, corners of the extent included. */
	bad = 0;
	for (x = -400000; x <= 1600000; x += 20000)
		for (y = 5900000; y <= 7300000; y += 20000) {
			if (geo_lambert93_to_wgs84(x, y, &la, &lo) < 0 ||
			    geo_wgs84_to_lambert93(la, lo, &bx, &by) < 0 ||
			    !near(bx, x, 0.001) || !near(by, y, 0.001))
				bad++;
		}
	T_EQ(bad, 0);
}

static void
test_lambert_refused(void)
{
	T_OK(l93_refused(NAN, 6600000));
	T_OK(l93_refused(700000, NAN));
	T_OK(l93_refused(INFINITY, 6600000));
	T_OK(l93_refused(700000, -INFINITY));
	T_OK(l93_refused(-400001, 6600000));
	T_OK(l93_refused(1600001, 6600000));
	T_OK(l93_refused(700000, 5899999));
	T_OK(l93_refused(700000, 7300001));
	T_OK(l93_refused(0, 0));
	T_OK(l93_refused(45.529, 0.662));	/* degrees given as metres */
	/* The corners of the extent are in it: off Portugal, western Poland. */
	T_OK(to_wgs84(-400000, 5900000, 39.409, -9.745, 0.001));
	T_OK(to_wgs84(1600000, 7300000, 52.115, 16.147, 0.001));

	/* The forward way has a metre to spare around the same extent. */
	T_OK(edge_east(0));
	T_OK(edge_east(0.5));
	T_OK(!edge_east(2));

	T_OK(wgs_refused(NAN, 2));
	T_OK(wgs_refused(46, NAN));
	T_OK(wgs_refused(INFINITY, 2));
	T_OK(wgs_refused(91, 2));
	T_OK(wgs_refused(46, 181));
	T_OK(wgs_refused(-90, 3));
	T_OK(wgs_refused(90, 3));
	T_OK(wgs_refused(0, 3));		/* the equator */
	T_OK(wgs_refused(46, -60));		/* the Atlantic */
	T_OK(wgs_refused(-33.87, 151.21));	/* Sydney */
}

static void
test_valid(void)
{
	T_OK(geo_valid_latlon(0, 0));
	T_OK(geo_valid_latlon(90, 180));
	T_OK(geo_valid_latlon(-90, -180));
	T_OK(geo_valid_latlon(45.529, 0.662));
	T_OK(!geo_valid_latlon(90.000001, 0));
	T_OK(!geo_valid_latlon(-90.000001, 0));
	T_OK(!geo_valid_latlon(0, 180.000001));
	T_OK(!geo_valid_latlon(0, -180.000001));
	T_OK(!geo_valid_latlon(NAN, 0));
	T_OK(!geo_valid_latlon(0, NAN));
	T_OK(!geo_valid_latlon(INFINITY, 0));
	T_OK(!geo_valid_latlon(0, -INFINITY));
}

/* Whether s parses to exactly want. */
static int
parses(const char *s, double want)
{
	double v = UNTOUCHED;

	if (geo_parse_coord(s, &v) < 0) {
		printf("#   '%s' refused\n", s);
		return 0;
	}
	if (v != want)
		printf("#   '%s' gave %.17g\n", s, v);
	return v == want;
}

/* Whether s is refused with the output left alone. */
static int
refused(const char *s)
{
	double v = UNTOUCHED;

	if (geo_parse_coord(s, &v) == 0)
		printf("#   '%s' gave %.17g\n", s, v);
	return geo_parse_coord(s, &v) == -1 && v == UNTOUCHED;
}

static void
test_parse(void)
{
	static const char *bad[] = {
		"", " ", "\t", "+", "-", ".", ",", "+.", "-,", "5,", "5.",
		"-5.", "1.2.3", "1,2,3", "1,2.3", "1.2,3", "1e3", "1E3",
		"1.5e1", "1e-3", "0x10", "0X1p3", "inf", "-inf", "INF",
		"infinity", "nan", "NaN", "-nan", "45.5x", "x45", "4 5",
		"45. 5", "45 .5", "1 000,5", "1\302\240000", "--1", "+-1",
		"-+1", "- 1", "+ 1", "45\xc2\xb0", "45.5N", "N45.5", "45'",
		"'45", "(45)", "45;", "4,5;", "\xd9\xa1", "0,5 0,5",
	};
	char buf[80];
	double v;
	size_t i;
	int nbad = 0;

	T_OK(parses("45.527", 45.527));
	T_OK(parses("45,527", 45.527));
	T_OK(parses("-0,75", -0.75));
	T_OK(parses("-0.75", -0.75));
	T_OK(parses(" 45.5 ", 45.5));
	T_OK(parses("\t3\t", 3));
	T_OK(parses("  -1,25", -1.25));
	T_OK(parses("+2.35", 2.35));
	T_OK(parses("0", 0));
	T_OK(parses("-0", 0));
	T_OK(parses(".5", 0.5));
	T_OK(parses(",5", 0.5));
	T_OK(parses("-.5", -0.5));
	T_OK(parses("180", 180));
	T_OK(parses("-180.000000", -180));
	T_OK(parses("007.50", 7.5));
	T_OK(parses("48.856614", 48.856614));
	T_OK(parses("2,3522219", 2.3522219));
	T_OK(parses("0.1", 0.1));
	T_OK(parses("0.000001", 0.000001));
	T_OK(parses("123456789.123456", 123456789.123456));
	T_OK(parses("-179.99999999999", -179.99999999999));
	T_OK(parses("1234567890123456789", 1234567890123456789.0));
	/* Past 15 significant digits: within a unit in the last place. */
	v = 0;
	T_OK(geo_parse_coord("0.30000000000000004", &v) == 0 &&
	    ulp1(v, 0.30000000000000004));
	T_OK(geo_parse_coord("45.527000000000001", &v) == 0 &&
	    ulp1(v, 45.527000000000001));
	T_OK(geo_parse_coord("45.12345678901234567890123", &v) == 0 &&
	    ulp1(v, 45.12345678901234567890123));
	T_OK(geo_parse_coord("12345678901234567890123", &v) == 0 &&
	    ulp1(v, 12345678901234567890123.0));
	T_OK(geo_parse_coord("0.0000000000000000000000000000012345", &v) ==
	    0 && ulp1(v, 0.0000000000000000000000000000012345));

	/* 64 characters are read, 65 are not; spaces do not count. */
	memset(buf, '0', sizeof buf);
	buf[1] = '.';
	buf[63] = '7';
	buf[64] = '\0';
	T_OK(geo_parse_coord(buf, &v) == 0 && ulp1(v, 7e-62));
	buf[64] = '0';
	buf[65] = '\0';
	T_OK(refused(buf));
	memmove(buf + 3, buf + 1, 63);
	memcpy(buf, "  0", 3);
	memcpy(buf + 66, "  ", 3);
	T_OK(strlen(buf) == 68 && geo_parse_coord(buf, &v) == 0 &&
	    ulp1(v, 7e-62));

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (!refused(bad[i]))
			nbad++;
	T_EQ(nbad, 0);
}

static const char *
fmt(double v)
{
	static char b[32];

	memset(b, 'x', sizeof b);
	return geo_format_coord(v, b);
}

/* printf's %.6f in the C locale, trailing zeros and "-0" dropped. */
static const char *
fmt_printf(double v)
{
	static char b[64];
	char *e;

	snprintf(b, sizeof b, "%.6f", v);
	e = b + strlen(b);
	while (e[-1] == '0')
		*--e = '\0';
	if (e[-1] == '.')
		*--e = '\0';
	return strcmp(b, "-0") == 0 ? "0" : b;
}

static void
test_format(void)
{
	char b[32];
	uint64_t seed = 42;
	double v;
	int i, bad = 0;

	T_STREQ(fmt(45.5), "45.5");
	T_STREQ(fmt(0.7), "0.7");
	T_STREQ(fmt(-1.25), "-1.25");
	T_STREQ(fmt(3), "3");
	T_STREQ(fmt(-3), "-3");
	T_STREQ(fmt(0), "0");
	T_STREQ(fmt(-0.0), "0");
	T_STREQ(fmt(-0.0000001), "0");
	T_STREQ(fmt(0.0000004999), "0");
	T_STREQ(fmt(0.000001), "0.000001");
	T_STREQ(fmt(-0.000001), "-0.000001");
	T_STREQ(fmt(45.527), "45.527");
	T_STREQ(fmt(48.8566), "48.8566");
	T_STREQ(fmt(2.3522219), "2.352222");
	T_STREQ(fmt(2.3522214), "2.352221");
	T_STREQ(fmt(0.1 + 0.2), "0.3");
	T_STREQ(fmt(123.000001), "123.000001");
	T_STREQ(fmt(179.9999996), "180");
	T_STREQ(fmt(-179.9999996), "-180");
	T_STREQ(fmt(-90), "-90");
	T_STREQ(fmt(10.05), "10.05");
	/* An exact tie (2^-7) goes away from zero. */
	T_STREQ(fmt(0.0078125), "0.007813");
	T_STREQ(fmt(-0.0078125), "-0.007813");
	/* Near ties decided by the exact value, not by v * 1e6. */
	T_STREQ(fmt(0.0000025), "0.000003");
	T_STREQ(fmt(1.0000005), "1.000001");
	T_STREQ(fmt(0.0395955), "0.039595");	/* v * 1e6 is a tie */
	T_STREQ(fmt(0.1029475), "0.102947");
	T_STREQ(fmt(5e-7), "0");
	T_STREQ(fmt(999999999.9999994), "999999999.999999");
	T_STREQ(fmt(1e9), "");
	T_STREQ(fmt(-1e9), "");
	T_STREQ(fmt(NAN), "");
	T_STREQ(fmt(INFINITY), "");
	T_OK(geo_format_coord(1.5, b) == b);

	/* The same as printf all over the range, and it reads back. */
	for (i = 0; i < 200000; i++) {
		double back;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		v = (double)(seed >> 11) / 9007199254740992.0 * 400 - 200;
		if (i % 4 == 0)
			v = round(v * 1e4) / 1e4;
		if (strcmp(fmt(v), fmt_printf(v)) != 0 ||
		    geo_parse_coord(fmt(v), &back) < 0 ||
		    fabs(back - v) > 5.0000001e-7) {
			if (bad++ < 5)
				printf("#   %.17g: '%s' vs '%s'\n", v, fmt(v),
				    fmt_printf(v));
		}
	}
	T_EQ(bad, 0);
	/* Six decimals survive text and back unchanged. */
	T_OK(geo_parse_coord(fmt(45.123456), &v) == 0 && v == 45.123456);
	T_OK(geo_parse_coord(fmt(-0.000123), &v) == 0 && v == -0.000123);
}

/* Under a comma locale, strtod and printf change; these must not. */
static void
test_locale(void)
{
	static const char *names[] = {
		"fr_FR.UTF-8", "fr_FR.utf8", "fr_FR", "de_DE.UTF-8"
	};
	char b[32];
	double v = 0;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_NUMERIC, names[i]) != NULL)
			break;
	if (i == sizeof names / sizeof names[0]) {
		printf("# no comma locale here: test_locale skipped\n");
		return;
	}
	snprintf(b, sizeof b, "%.1f", 1.5);
	T_STREQ(b, "1,5");
	T_OK(parses("45.527", 45.527));
	T_OK(parses("45,527", 45.527));
	T_OK(parses("-0,75", -0.75));
	T_OK(refused("1,2,3"));
	T_OK(geo_parse_coord("0.30000000000000004", &v) == 0 &&
	    ulp1(v, 0.30000000000000004));
	T_STREQ(fmt(45.5), "45.5");
	T_STREQ(fmt(-1.25), "-1.25");
	T_STREQ(fmt(0.0078125), "0.007813");
	setlocale(LC_NUMERIC, "C");
}

int
main(void)
{
	test_distance();
	test_lambert_points();
	test_lambert_round_trip();
	test_lambert_refused();
	test_valid();
	test_parse();
	test_format();
	test_locale();
	return t_end();
}
