/*
 * import.c: maps a foreign file onto the directory record: SIRENE stock
 * files (import-sirene.c), RNA extracts (import-rna.c), GoGoCarto exports
 * (import-gogocarto.c), or any directory in CSV or JSON (here).
 *
 * Every source writes the record's columns in record order under their
 * canonical names, then family_rule (which rule gave the family), then
 * columns of its own: headcount_band and active for SIRENE, active for RNA,
 * the unknown columns of the file for csv.  Foreign files are read by
 * header name, never by position; columns nobody reads are ignored.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "dir.h"
#include "err.h"
#include "sirene-import.h"
#include "text.h"

struct imp_opts imp;

enum { OPT_FROM = 0x200, OPT_ESS_ONLY, OPT_ACTIVE_ONLY, OPT_POSITION };

static const struct argp_option options[] = {
	{ "from", OPT_FROM, N_("SOURCE"), 0, N_("what the files are: sirene, rna, gogocarto or csv (required)"), 0 },
	{ "ess-only", OPT_ESS_ONLY, NULL, 0, N_("sirene: only units of the social economy, by legal category or ESS flag"), 0 },
	{ "active-only", OPT_ACTIVE_ONLY, NULL, 0, N_("sirene: only active units and open establishments"), 0 },
	{ "position", OPT_POSITION, N_("LIST"), 0, N_("rna: the positions to keep, among A (active), D (dissolved), R and S (default A)"), 0 },
	{ NULL, 0, NULL, 0, NULL, 0 },
};

/* Parses --position=A,D into POS_* bits. */
static unsigned
parse_positions(struct argp_state *state, const char *arg)
{
	unsigned bits = 0;

	for (const char *p = arg; *p; p++) {
		switch (*p) {
		case 'A': case 'a': bits |= POS_A; break;
		case 'D': case 'd': bits |= POS_D; break;
		case 'R': case 'r': bits |= POS_R; break;
		case 'S': case 's': bits |= POS_S; break;
		case ',': case ' ': break;
		default:
			argp_error(state, _("--position: '%s' is not a list of A, D, R and S"), arg);
		}
	}
	if (!bits)
		argp_error(state, "%s", _("--position: no position given"));
	return bits;
}

/* Checks that the options given go with --from. */
static void
check_options(struct argp_state *state)
{
	if (imp.from == FROM_NONE)
		argp_error(state, "%s", _("missing --from (sirene, rna, gogocarto or csv)"));
	if (imp.ess_only && imp.from != FROM_SIRENE)
		argp_error(state, "%s", _("--ess-only goes with --from=sirene"));
	if (imp.active_only && imp.from != FROM_SIRENE)
		argp_error(state, "%s", _("--active-only goes with --from=sirene (for rna, see --position)"));
	if (imp.positions && imp.from != FROM_RNA)
		argp_error(state, "%s", _("--position goes with --from=rna"));
	if (!imp.positions)
		imp.positions = POS_A;
}

static error_t
parse_opt(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case OPT_FROM:
		if (strcmp(arg, "sirene") == 0)
			imp.from = FROM_SIRENE;
		else if (strcmp(arg, "rna") == 0)
			imp.from = FROM_RNA;
		else if (strcmp(arg, "gogocarto") == 0)
			imp.from = FROM_GOGOCARTO;
		else if (strcmp(arg, "csv") == 0)
			imp.from = FROM_CSV;
		else
			argp_error(state, _("--from: '%s' is not sirene, rna, gogocarto or csv"), arg);
		break;
	case OPT_ESS_ONLY:
		imp.ess_only = 1;
		break;
	case OPT_ACTIVE_ONLY:
		imp.active_only = 1;
		break;
	case OPT_POSITION:
		imp.positions = parse_positions(state, arg);
		break;
	case ARGP_KEY_END:
		check_options(state);
		break;
	default:
		return dir_parse_arg(key, arg, state);
	}
	return 0;
}

static const char doc[] = N_(
	"Map foreign files onto the directory record: SIRENE stock files "
	"(StockUniteLegale and/or StockEtablissement, joined by siren), RNA "
	"extracts (waldec or import), a GoGoCarto JSON export, or any directory "
	"in CSV or JSON.  Files are read by column name; the record's columns "
	"come first, then family_rule (the rule that gave the family), then "
	"the source's own columns."
	"\vSIRENE files stream in constant memory; joining units and "
	"establishments needs both sorted by siren, as INSEE publishes them.  "
	"RNA files that are not UTF-8 are read as Windows-1252.");

const struct argp import_argp = {
	options, parse_opt, N_("--from=SOURCE [FILE]..."), doc, cli_children, NULL, ESS_PACKAGE,
};

/* ------------------------------------------------------------ output */

void
imp_out_open(struct imp_out *o, const char *const *extras, size_t nextra)
{
	struct wcol *cols;

	memset(o, 0, sizeof *o);
	o->ncols = D_NCOLS + nextra;
	cols = xreallocarray(NULL, o->ncols, sizeof *cols);
	for (size_t i = 0; i < D_NCOLS; i++)
		cols[i] = (struct wcol){ dir_spec[i].name, dir_wtype[i] };
	for (size_t i = 0; i < nextra; i++)
		cols[D_NCOLS + i] = (struct wcol){ extras[i], WT_TEXT };
	o->v = xreallocarray(NULL, o->ncols, sizeof *o->v);
	for (size_t i = 0; i < o->ncols; i++)
		o->v[i] = "";
	writer_open(&o->w, &cli.out);
	writer_columns(&o->w, cols, o->ncols);
	free(cols);
}

void
imp_out_row(struct imp_out *o)
{
	writer_row(&o->w, o->v);
	o->written++;
	for (size_t i = 0; i < o->ncols; i++)
		o->v[i] = "";
}

void
imp_out_close(struct imp_out *o, long rejected)
{
	writer_close(&o->w);
	if (cli.in.verbose)
		ess_warn(_("records written: %ld, left out by the options: %ld, rejected: %ld"),
			o->written, o->filtered, rejected);
	free(o->v);
	o->v = NULL;
}

/* ------------------------------------------------------------ fields */

int
imp_family(const char *s, size_t len)
{
	int f = family_parse(s, len);

	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	/* family_parse takes the final s of "esus" for a plural. */
	if (f < 0 && len == 4 && strncasecmp(s, "esus", 4) == 0)
		f = F_ESUS;
	return f;
}

const char *
imp_field(const struct row *r, int i, size_t *len)
{
	size_t n;
	const char *s = row_field(r, i, &n);

	if (imp_nd(s, n)) {
		s = "";
		n = 0;
	}
	if (len)
		*len = n;
	return s;
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

const char *
imp_date(const char *s, size_t len, char *out)
{
	char tmp[32];
	ess_day day;
	size_t n = 0;

	if (len == 0 || imp_nd(s, len))
		return "";
	/* The common case, ISO with or without a time, without date_parse. */
	if (len >= 10 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) &&
	    s[4] == '-' && digit(s[5]) && digit(s[6]) && s[7] == '-' && digit(s[8]) &&
	    digit(s[9]) && (len == 10 || s[10] == 'T' || s[10] == ' ')) {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');

		if ((y == 1900 || y == 1) && m == 1 && d == 1)
			return "";
		if (!date_valid_ymd(y, m, d))
			return NULL;
		memcpy(out, s, 10);
		out[10] = '\0';
		return out;
	}
	while (n < len && s[n] != 'T' && s[n] != ' ') {
		if (n == sizeof tmp - 1)
			return NULL;
		tmp[n] = s[n];
		n++;
	}
	tmp[n] = '\0';
	if (date_parse(tmp, &day) != 0)
		return NULL;
	date_format(day, out);
	if (strcmp(out, "1900-01-01") == 0 || strcmp(out, "0001-01-01") == 0)
		return "";
	return out;
}

void
imp_join(struct buf *b, const char *sep, const char *s, size_t len)
{
	if (!len)
		return;
	if (b->len)
		buf_adds(b, sep);
	buf_add(b, s, len);
}

/* The street type a SIRENE or RNA code stands for ("AV": "AVENUE" or
 * "avenue"), or NULL when it is not a known code. */
static const char *
street_type(const char *s, size_t len, int lower)
{
	/* INSEE's codes (also the RNA's), sorted for bsearch; the upper
	 * case form without accents, as INSEE writes. */
	static const struct { const char *code, *upper, *lower; } types[] = {
		{ "ALL", "ALLEE", "allée" }, { "AV", "AVENUE", "avenue" },
		{ "BD", "BOULEVARD", "boulevard" }, { "CAR", "CARREFOUR", "carrefour" },
		{ "CHE", "CHEMIN", "chemin" }, { "CHS", "CHAUSSEE", "chaussée" },
		{ "CITE", "CITE", "cité" }, { "COR", "CORNICHE", "corniche" },
		{ "CRS", "COURS", "cours" }, { "DOM", "DOMAINE", "domaine" },
		{ "DSC", "DESCENTE", "descente" }, { "ECA", "ECART", "écart" },
		{ "ESP", "ESPLANADE", "esplanade" }, { "FG", "FAUBOURG", "faubourg" },
		{ "GR", "GRANDE RUE", "grande rue" }, { "HAM", "HAMEAU", "hameau" },
		{ "HLE", "HALLE", "halle" }, { "IMP", "IMPASSE", "impasse" },
		{ "LD", "LIEU-DIT", "lieu-dit" }, { "LOT", "LOTISSEMENT", "lotissement" },
		{ "MAR", "MARCHE", "marché" }, { "MTE", "MONTEE", "montée" },
		{ "PAS", "PASSAGE", "passage" }, { "PL", "PLACE", "place" },
		{ "PLN", "PLAINE", "plaine" }, { "PLT", "PLATEAU", "plateau" },
		{ "PRO", "PROMENADE", "promenade" }, { "PRV", "PARVIS", "parvis" },
		{ "QUA", "QUARTIER", "quartier" }, { "QUAI", "QUAI", "quai" },
		{ "RES", "RESIDENCE", "résidence" }, { "RLE", "RUELLE", "ruelle" },
		{ "ROC", "ROCADE", "rocade" }, { "RPT", "ROND-POINT", "rond-point" },
		{ "RTE", "ROUTE", "route" }, { "RUE", "RUE", "rue" },
		{ "SEN", "SENTIER", "sentier" }, { "SQ", "SQUARE", "square" },
		{ "TPL", "TERRE-PLEIN", "terre-plein" }, { "TRA", "TRAVERSE", "traverse" },
		{ "VLA", "VILLA", "villa" }, { "VLGE", "VILLAGE", "village" },
	};
	size_t lo = 0, hi = sizeof types / sizeof *types;
	char key[8];

	if (len == 0 || len >= sizeof key)
		return NULL;
	for (size_t i = 0; i < len; i++)
		key[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	key[len] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(key, types[mid].code);

		if (c == 0)
			return lower ? types[mid].lower : types[mid].upper;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The repetition index spelt out ("B": "BIS"), or NULL. */
static const char *
repetition(const char *s, size_t len, int lower)
{
	static const char *const words[][3] = {
		{ "B", "BIS", "bis" }, { "T", "TER", "ter" }, { "Q", "QUATER", "quater" },
		{ "C", "QUINQUIES", "quinquies" },
	};

	if (len != 1)
		return NULL;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if ((s[0] & ~0x20) == words[i][0][0])
			return words[i][lower ? 2 : 1];
	return NULL;
}

void
imp_street(struct buf *b, const char *num, size_t numlen, const char *rep, size_t replen,
	const char *type, size_t typelen, const char *name, size_t namelen)
{
	const char *w;
	int lower = 0;

	/* The words follow the case of the street's name: INSEE's upper
	 * case, or the RNA's "de la Mairie". */
	for (size_t i = 0; i < namelen && !lower; i++)
		lower = name[i] >= 'a' && name[i] <= 'z';
	imp_join(b, " ", num, numlen);
	if ((w = repetition(rep, replen, lower)))
		imp_join(b, " ", w, strlen(w));
	else
		imp_join(b, " ", rep, replen);
	if ((w = street_type(type, typelen, lower)))
		imp_join(b, " ", w, strlen(w));
	else
		imp_join(b, " ", type, typelen);
	imp_join(b, " ", name, namelen);
}

/* ------------------------------------------------------------ encoding */

/* Length of an unfinished UTF-8 sequence at the end of s (0 to 3 bytes),
 * kept for the next read. */
static size_t
utf8_tail(const unsigned char *s, size_t len)
{
	for (size_t k = 1; k <= 3 && k <= len; k++) {
		unsigned char c = s[len - k];
		size_t need;

		if ((c & 0xC0) == 0x80)
			continue;
		need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > k ? k : 0;
	}
	return 0;
}

/*
 * Whether the bytes of fd are all UTF-8, read to the end (with pread from
 * off when off >= 0, which leaves the file offset alone).  When copy >= 0
 * every byte is also written there.
 */
static int
fd_is_utf8(int fd, off_t off, int copy, const char *name)
{
	static char chunk[64 * 1024 + 4];
	size_t keep = 0;
	int ok = 1;

	for (;;) {
		ssize_t r;
		size_t n, tail;

		do
			r = off >= 0 ? pread(fd, chunk + keep, sizeof chunk - 4 - keep, off)
				: read(fd, chunk + keep, sizeof chunk - 4 - keep);
		while (r < 0 && errno == EINTR);
		if (r < 0)
			ess_die_errno(EX_IOERR, _("%s: read error"), name);
		if (r == 0)
			break;
		if (off >= 0)
			off += r;
		if (copy >= 0) {
			for (ssize_t done = 0, w; done < r; done += w)
				if ((w = write(copy, chunk + keep + done, (size_t)(r - done))) < 0)
					ess_die_errno(EX_IOERR, _("cannot copy %s to a temporary file"), name);
		}
		n = keep + (size_t)r;
		tail = utf8_tail((const unsigned char *)chunk, n);
		if (ok && utf8_check(chunk, n - tail) < n - tail)
			ok = 0;
		if (!ok && copy < 0)
			return 0;
		memmove(chunk, chunk + n - tail, tail);
		keep = tail;
	}
	return ok && keep == 0;
}

/* Copies what is not a regular file (a pipe, a terminal) to an unlinked
 * temporary file, checking its bytes on the way; returns the file's
 * descriptor. */
static int
copy_to_temp(int from, const char *name, int *utf8)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = BUF_INIT;
	int fd;

	buf_printf(&path, "%s/ess-directory-XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path.data);
	if (fd < 0)
		ess_die_errno(EX_CANTCREAT, _("cannot create '%s'"), path.data);
	unlink(path.data);
	buf_release(&path);
	*utf8 = fd_is_utf8(from, -1, fd, name);
	return fd;
}

struct table *
imp_open_detect(const char *path)
{
	struct table_opts o = cli.in;
	const char *name = path;
	struct table *t;
	struct stat st;
	int utf8 = 1, fd, tmp = -1;
	char dev[32];

	if (o.encoding)
		return table_open(path, &o);
	if (!path || strcmp(path, "-") == 0) {
		name = "<stdin>";
		fd = 0;
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		return table_open(path, &o);	/* which says why */
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		off_t at = fd == 0 ? lseek(0, 0, SEEK_CUR) : 0;

		utf8 = fd_is_utf8(fd, at < 0 ? 0 : at, -1, name);
	} else if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode)) {
		/* A pipe can be read once: keep what is read. */
		tmp = copy_to_temp(fd, name, &utf8);
	}
	if (fd > 0)
		close(fd);
	o.encoding = utf8 ? NULL : "WINDOWS-1252";
	if (tmp >= 0) {
		if (lseek(tmp, 0, SEEK_END) == 0)
			ess_die_at(EX_DATAERR, name, 0, 0, "%s", _("no header row (the input is empty)"));
		snprintf(dev, sizeof dev, "/dev/fd/%d", tmp);
		t = table_open(dev, &o);
		close(tmp);
		t->name = t->in.name = name;
	} else {
		t = table_open(path, &o);
	}
	if (!utf8 && cli.in.verbose)
		ess_warn(_("%s: not UTF-8: read as Windows-1252"), t->name);
	return t;
}

/* ------------------------------------------------------------ csv */

/* The name of a file for the source column: its base name without the
 * extension ("tiers-lieux" for share/examples/tiers-lieux.csv). */
static void
source_name(struct buf *b, const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	if (strcmp(base, "<stdin>") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	buf_reset(b);
	buf_add(b, base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

/* The family of the current record, normalised, and the rule that gave it. */
static void
csv_family(struct dir_reader *d, struct imp_out *o, int rule_col)
{
	size_t len;
	const char *v = dir_getn(d, D_FAMILY, &len);
	const char *given = rule_col >= 0 ? d->v[rule_col] : "";
	int f;

	if (!len) {
		o->v[D_FAMILY] = "";
		o->v[D_NCOLS] = d->idx[D_FAMILY] < 0 ? "unknown: no family column"
			: "unknown: empty family column";
		return;
	}
	f = imp_family(v, len);
	if (f < 0) {
		table_warn(d->t, d->row, dir_field(d, D_FAMILY),
			_("family '%.*s' is not association, cooperative, mutual, foundation, esus, company, public or other: kept as written"),
			(int)len, v);
		o->v[D_FAMILY] = d->v[D_FAMILY];
		o->v[D_NCOLS] = "column family: not a known family";
		return;
	}
	o->v[D_FAMILY] = family_names[f];
	/* A record imported before keeps the rule that gave its family. */
	o->v[D_NCOLS] = *given ? given : "column family";
}

static int
import_csv(char **files)
{
	struct dir_reader d;
	struct imp_out o;
	struct buf fold = BUF_INIT, src = BUF_INIT;
	const char **extras;
	size_t *from, nextra = 1;
	int rule_col = -1;
	const struct table *last = NULL;
	long rejected = 0;

	dir_open(&d, files, DIR_CANONICAL);
	extras = xreallocarray(NULL, d.ncols + 1, sizeof *extras);
	from = xreallocarray(NULL, d.ncols + 1, sizeof *from);
	extras[0] = "family_rule";
	for (size_t i = D_NCOLS; i < d.ncols; i++) {
		buf_reset(&fold);
		table_fold_name(&fold, d.cols[i].name);
		if (strcmp(fold.data, "familyrule") == 0 && rule_col < 0) {
			rule_col = (int)i;
			continue;
		}
		from[nextra] = i;
		extras[nextra++] = d.cols[i].name;
	}
	imp_out_open(&o, extras, nextra);
	while (dir_next(&d)) {
		for (size_t i = 0; i < D_NCOLS; i++)
			o.v[i] = d.v[i];
		for (size_t k = 1; k < nextra; k++)
			o.v[D_NCOLS + k] = d.v[from[k]];
		csv_family(&d, &o, rule_col);
		if (!*d.v[D_SOURCE]) {
			if (d.t != last)
				source_name(&src, d.t->name);
			last = d.t;
			o.v[D_SOURCE] = src.data;
		}
		imp_out_row(&o);
	}
	for (size_t i = 0; i < d.nsrc; i++)
		rejected += d.src[i].t->rejected;
	imp_out_close(&o, rejected);
	dir_close(&d);
	free(extras);
	free(from);
	buf_release(&fold);
	buf_release(&src);
	return 0;
}

int
import_run(char **files)
{
	switch (imp.from) {
	case FROM_SIRENE:
		return import_sirene(files);
	case FROM_RNA:
		return import_rna(files);
	case FROM_GOGOCARTO:
		return import_gogocarto(files);
	case FROM_CSV:
		return import_csv(files);
	default:
		ess_die(EX_SOFTWARE, "%s", _("no source"));
	}
}
