/*
 * geo.h: points on the Earth, as a directory of local actors needs them.
 *
 * Latitudes and longitudes are WGS84 decimal degrees (north and east
 * positive).  Lambert-93 (EPSG:2154) is the projection of French official
 * data (cadastre, IGN, SIRENE): x (easting) and y (northing) in metres on
 * a Lambert conformal conic with two standard parallels, 44°N and 49°N,
 * on the GRS80 ellipsoid, its origin at 46°30'N 3°E put at (700000,
 * 6600000).  Its datum RGF93 is taken as WGS84: they agree within a metre.
 *
 * Parsing and formatting are done by hand and ignore the locale: a
 * coordinate is read with a '.' or a ',' and always written with a '.'.
 */
#ifndef ESS_GEO_H
#define ESS_GEO_H

/* Great-circle distance in metres between two points in degrees, by the
 * haversine on a sphere of the mean Earth radius (6371008.8 m); it is within
 * about 0.5 % of the distance on the ellipsoid.  Antipodes give half the
 * circumference exactly; NaN in gives NaN out. */
double geo_distance_m(double lat1, double lon1, double lat2, double lon2);

/* Lambert-93 x and y in metres to degrees.  0 on success; -1, with *lat
 * and *lon untouched, when x or y is not finite or the point lies far
 * outside metropolitan France (x outside [-400000, 1600000] or y outside
 * [5900000, 7300000]). */
int geo_lambert93_to_wgs84(double x, double y, double *lat, double *lon);

/* Degrees to Lambert-93, the inverse of the above: 0 on success; -1, with
 * *x and *y untouched, when lat or lon is not finite or out of range, or
 * the point falls outside the same extent widened by a metre (so that
 * what geo_lambert93_to_wgs84 gives on its edge goes back). */
int geo_wgs84_to_lambert93(double lat, double lon, double *x, double *y);

/*
 * Parses a decimal number of degrees: an optional sign, digits, and a
 * decimal part after a '.' or a ',' ("45.527", "45,527", "-0,75", ".5"),
 * with spaces or tabs around.  A missing decimal part ("5,"), exponents,
 * hexadecimal, "inf", "nan", thousands separators and trailing junk are
 * errors, and so is anything longer than 64 characters.  The value is
 * the nearest double up to 15 significant digits and 22 decimals, within
 * a few units in the last place beyond (1e-20 degrees: far below what a
 * coordinate needs).  The range is not checked (see geo_valid_latlon).
 * 0 on success, -1 on error with *out untouched.
 */
int geo_parse_coord(const char *s, double *out);

/* Whether lat is in [-90, 90] and lon in [-180, 180] (NaN is not). */
int geo_valid_latlon(double lat, double lon);

/* Writes v rounded half away from zero to 6 decimals (about 0.1 m), with
 * trailing zeros and a bare '.' dropped: "45.5", "0.7", "-1.25", "3".
 * Something that rounds to zero, -0 included, is "0".  v must be finite
 * and under 1e9 in magnitude, else out is "".  out holds at least 32
 * bytes; returns out. */
char *geo_format_coord(double v, char *out);

#endif
