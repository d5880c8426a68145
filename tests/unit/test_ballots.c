/*
 * test_ballots.c: the ballot readers of ess-tally (cmd/ess-tally/ballots*.c)
 * with a sink that writes down every ballot it is given: each format read
 * into the expected ballots, the blank and invalid counts, and the
 * message of every check (run with --keep-going, so that they return).
 * Errors that stop the run are tested through the binary
 * (tests/cli/tally-ballots.sh).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdint.h>

#include "../../cmd/ess-tally/ballots.c"
#include "../../cmd/ess-tally/ballots-table.c"
#include "../../cmd/ess-tally/ballots-cef.c"
#include "../../cmd/ess-tally/ballots-preflib.c"
#include "../../cmd/ess-tally/ballots-blt.c"
#include "t.h"

struct eopts eopt;

static struct buf got = BUF_INIT;	/* the ballots, "w:A>B=C|..." */
static struct buf err = BUF_INIT;	/* what was said on stderr */
static size_t grown;

/* The recording sink: "weight:ballot|" with ranked ballots as A>B=C,
 * approvals as A;B, scores and grades as A=3,B=0. */
static void
rec_add(struct election *e, const struct ballot *b)
{
	buf_printf(&got, "%lld:", (long long)b->weight);
	for (size_t i = 0; i < b->n; i++) {
		const char *name = e->names[b->cand[i]];

		switch (b->kind) {
		case BK_RANKED:
			if (i > 0)
				buf_addc(&got, b->level[i] == b->level[i - 1] ? '=' : '>');
			buf_adds(&got, name);
			break;
		case BK_APPROVAL:
			buf_printf(&got, "%s%s", i ? ";" : "", name);
			break;
		case BK_SCORE: case BK_GRADE:
			buf_printf(&got, "%s%s=%d", i ? "," : "", name, b->value[i]);
			break;
		}
	}
	buf_addc(&got, '|');
}

static void
rec_grow(struct election *e, size_t nc)
{
	(void)e;
	grown = nc;
}

static struct election e;

/* Reads data as a file called name, with -i fmt (NULL: sniffed); the
 * ballots go to got, stderr to err. */
static void
run(const char *name, const char *fmt, const char *data)
{
	FILE *fp = fopen(name, "wb");
	char *files[] = { (char *)(uintptr_t)name, NULL };
	int saved = dup(2), fd;
	char *said;

	if (!fp || fputs(data, fp) < 0 || fclose(fp) != 0) {
		perror(name);
		exit(2);
	}
	buf_reset(&got);
	election_release(&e);
	election_init(&e);
	e.sink.add = rec_add;
	e.sink.grow = rec_grow;
	eopt.ballot_format = fmt;
	fflush(stderr);
	fd = open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 2);
	close(fd);
	election_read(&e, files);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	said = t_slurp("stderr.txt", NULL);
	buf_reset(&err);
	buf_adds(&err, said ? said : "");
	free(said);
}

static const char *
cand_names(void)
{
	static struct buf b = BUF_INIT;

	buf_reset(&b);
	for (size_t i = 0; i < e.nc; i++)
		buf_printf(&b, "%s%s", i ? "," : "", e.names[i]);
	return b.data;
}

static void
test_long(void)
{
	run("long.csv", NULL, "voter,ranking\n1,A>B=C>D\n2, B > A \n3,\n");
	T_STREQ(got.data, "1:A>B=C>D|1:B>A|");
	T_STREQ(e.format, "long");
	T_EQ(e.valid, 2);
	T_EQ(e.blank, 1);
	T_EQ(e.invalid, 0);
	T_STREQ(cand_names(), "A,B,C,D");
	T_EQ(grown, 4);
	run("long-fr.csv", NULL, "votant;classement;nombre\n1;A>B;3\n");
	T_STREQ(got.data, "3:A>B|");
	run("long.tsv", NULL, "voter\tranking\n1\tA>B\n");
	T_STREQ(got.data, "1:A>B|");
	run("long.jsonl", NULL, "{\"voter\": \"1\", \"ranking\": \"B>A\"}\n");
	T_STREQ(got.data, "1:B>A|");
	run("long.json", NULL, "[{\"ranking\": \"B=A\", \"count\": 2}]\n");
	T_STREQ(got.data, "2:B=A|");
}

static void
test_ranks(void)
{
	run("ranks.csv", NULL, "voter,rank2,rank1,Rang 3\n1,B,A,C\n2,,C,\n3,,,\n4,A=B,C,\n");
	T_STREQ(got.data, "1:A>B>C|1:C|1:C>A=B|");
	T_STREQ(e.format, "ranks");
	T_EQ(e.blank, 1);
}

static void
test_candidates(void)
{
	run("cand.csv", NULL, "voter,A,B,C,count\n1,1,2,3,5\n2,2,1,,1\n3,1,1,2,1\n4,1,1,3,1\n5,,,,2\n");
	T_STREQ(got.data, "5:A>B>C|1:B>A|1:A=B>C|1:A=B>C|");
	T_STREQ(e.format, "candidates");
	T_EQ(e.valid, 8);
	T_EQ(e.blank, 2);
	T_OK(e.declared);
}

static void
test_approval(void)
{
	run("appr.csv", NULL, "voter,approved\n1,A;B\n2, C \n3,\n");
	T_STREQ(got.data, "1:A;B|1:C|");
	T_STREQ(e.format, "approval");
	T_EQ(e.blank, 1);
	eopt.method = EM_APPROVAL;
	run("apprc.csv", NULL, "A,B,C\n1,0,x\noui,non,\nyes,no,true\n");
	T_STREQ(got.data, "1:A;C|1:A|1:A;C|");
	eopt.method = EM_PLURALITY;
	run("apprc2.csv", "approval", "A,B\n1,0\n");
	T_STREQ(got.data, "1:A|");
}

static void
test_grades(void)
{
	eopt.method = EM_MJ;
	run("gr.csv", NULL, "votant,A,B,C\n1,Très bien,à rejeter,excellent\n2,assez bien,,BIEN\n");
	T_STREQ(got.data, "1:A=5,B=0,C=6|1:A=3,C=4|");
	T_EQ(e.ngrades, 7);
	T_STREQ(e.grades[0], "à rejeter");
	/* "excellent" is in both scales: the row's other words tell */
	run("gren.csv", NULL, "A,B\nexcellent,poor\nvery good,reject\n");
	T_STREQ(got.data, "1:A=5,B=1|1:A=4,B=0|");
	T_EQ(e.ngrades, 6);
	T_STREQ(e.grades[5], "excellent");
	run("grn.csv", NULL, "A,B\n0,2\n3,1\n");
	T_STREQ(got.data, "1:A=0,B=2|1:A=3,B=1|");
	T_EQ(e.ngrades, 4);
	T_STREQ(e.grades[3], "3");
	eopt.method = EM_PLURALITY;
	run("grf.csv", "grades", "A,B\nbien,passable\n");
	T_STREQ(got.data, "1:A=4,B=2|");
	eopt.method = EM_SCORE;
	run("sc.csv", NULL, "voter,A,B\n1,10,-2\n2,,7\n");
	T_STREQ(got.data, "1:A=10,B=-2|1:B=7|");
	T_STREQ(e.format, "scores");
	eopt.method = EM_PLURALITY;
}

static void
test_grade_counts(void)
{
	run("gc.csv", NULL, "candidate,reject,poor,fair,good,very good,excellent\nA,1,0,2,0,0,3\nB,0,0,0,0,0,4\n");
	T_STREQ(got.data, "1:A=0|2:A=2|3:A=5|4:B=5|");
	T_STREQ(e.format, "grade-counts");
	T_EQ(e.ngrades, 6);
	T_STREQ(e.grades[4], "very good");
	T_EQ(e.valid, 6);
	run("gc2.csv", "grade-counts", "candidat,nul,bof,top\nA,1,2,3\n");
	T_STREQ(got.data, "1:A=0|2:A=1|3:A=2|");
	T_STREQ(e.grades[2], "top");
}

static void
test_matrix(void)
{
	run("m.csv", NULL, "candidate,A,B,C\nB,3,-,4\nA,,2,5\nC,1,2,\n");
	T_STREQ(got.data, "");
	T_STREQ(e.format, "matrix");
	T_OK(e.given != NULL);
	T_EQ(e.given[0 * 3 + 1], 2);
	T_EQ(e.given[1 * 3 + 0], 3);
	T_EQ(e.given[0 * 3 + 2], 5);
	T_EQ(e.given[2 * 3 + 1], 2);
	T_EQ(e.valid, 6);
}

static void
test_cef(void)
{
	run("c.cvotes", NULL,
		"# an election\n#/Candidates: A ; B ; C\n#/Number of Seats: 2\n#/Implicit Ranking: false\n"
		"#/Weight allowed: true\n\nA > B = C ^2 * 3 # six\nt1, t2 || C>A\n/EMPTY/ * 4\nB\n");
	T_STREQ(got.data, "6:A>B=C|1:C>A|1:B|");
	T_STREQ(e.format, "cef");
	T_EQ(e.seats, 2);
	T_EQ(e.implicit_ranking, 0);
	T_EQ(e.blank, 4);
	T_EQ(e.valid, 8);
	/* weight not allowed: ^ ignored; candidates learned */
	run("d.txt", NULL, "A > B ^5 * 2\nB > C\n");
	T_STREQ(got.data, "2:A>B|1:B>C|");
	T_STREQ(cand_names(), "A,B,C");
	T_EQ(e.implicit_ranking, 1);
}

static void
test_preflib(void)
{
	run("p.toi", NULL,
		"# FILE NAME: p.toi\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: Ann\n"
		"# ALTERNATIVE NAME 2: Bob\n# ALTERNATIVE NAME 3: Cy\n3: 2, 1, 3\n1: {1, 3}, 2\n2: 3\n");
	T_STREQ(got.data, "3:Bob>Ann>Cy|1:Ann=Cy>Bob|2:Cy|");
	T_STREQ(e.format, "preflib");
	T_STREQ(cand_names(), "Ann,Bob,Cy");
	run("old.soc", NULL, "3\n1,Ann\n2,Bob\n3,Cy\n4,4,2\n3,2,1,3\n1,{1,3},2\n");
	T_STREQ(got.data, "3:Bob>Ann>Cy|1:Ann=Cy>Bob|");
}

static void
test_blt(void)
{
	run("b.blt", NULL, "3 2\n-3\n[tie 2 1 3]\n4 1 2 0\n(x7) 1 2=3 1 0\n2 0\n0\n\"Ann\"\n\"Bob\" \"Cy\"\n\"A title\"\n");
	T_STREQ(got.data, "4:1>2|1:2=3>1|");
	T_STREQ(e.format, "blt");
	T_STREQ(cand_names(), "Ann,Bob,Cy");
	T_EQ(e.seats, 2);
	T_STREQ(e.title, "A title");
	T_OK(e.withdrawn && e.withdrawn[2] && !e.withdrawn[0]);
	T_EQ(e.ntie_order, 3);
	T_EQ(e.tie_order[0], 1);
	T_EQ(e.blank, 2);
	T_EQ(map_find(&e.index, "Bob", 3), 1);
}

/* Every check, kept going: the message at file:line:col, the ballot
 * counted invalid, the others read. */
static void
test_errors(void)
{
	eopt.keep_going = 1;
	run("e1.csv", NULL, "voter,ranking\n1,A>B>A\n2,B>A\n");
	T_STREQ(err.data, "test_ballots: e1.csv:2:3: candidate 'A' is on the ballot twice\n");
	T_STREQ(got.data, "1:B>A|");
	T_EQ(e.invalid, 1);
	T_EQ(e.valid, 1);
	run("e2.csv", NULL, "voter,ranking,count\n1,A>>B,1\n2,B,0\n3,B,x\n4,B,2\n");
	T_STREQ(err.data,
		"test_ballots: e2.csv:2:3: empty name in ranking 'A>>B' (names are separated by '>' or '=')\n"
		"test_ballots: e2.csv:3:5: count '0' is not a positive whole number\n"
		"test_ballots: e2.csv:4:5: count 'x' is not a positive whole number\n");
	T_STREQ(got.data, "2:B|");
	T_EQ(e.invalid, 3);
	eopt.candidates = "A,B";
	run("e3.csv", NULL, "voter,ranking\n1,A>C\n");
	T_STREQ(err.data, "test_ballots: e3.csv:2:3: unknown candidate 'C'\n");
	eopt.candidates = NULL;
	run("e4.csv", NULL, "A,B,C\n1,3,\n2,1,3\n1,2,2\n1,x,2\n");
	T_STREQ(err.data,
		"test_ballots: e4.csv:2:3: 'B' is ranked 3 but no candidate is ranked 2: the ranks leave a gap\n"
		"test_ballots: e4.csv:5:3: rank 'x' is not a whole number of at least 1 (approvals, scores and grades need --method=approval, score or majority-judgment)\n");
	T_STREQ(got.data, "1:B>A>C|1:A>B=C|");
	run("e5.csv", NULL, "rank1,rank2,rank3\nA,,B\nA,B,A\n");
	T_STREQ(err.data,
		"test_ballots: e5.csv:2:4: rank 3 is filled but rank 2 is empty: the ranks leave a gap\n"
		"test_ballots: e5.csv:3:5: candidate 'A' is on the ballot twice\n");
	run("e6.cvotes", NULL, "#/Candidates: A;B\nA > B * 0\nB > A ^x\nB > C\nA > > B\nA > /EMPTY/\n\nB > A\n");
	T_STREQ(err.data,
		"test_ballots: e6.cvotes:2:7: count '0' is not a positive whole number\n"
		"test_ballots: e6.cvotes:3:7: weight 'x' is not a positive whole number\n"
		"test_ballots: e6.cvotes:4:5: unknown candidate 'C'\n"
		"test_ballots: e6.cvotes:5:5: an empty rank (names are separated by '>' or '=')\n"
		"test_ballots: e6.cvotes:6:5: /EMPTY/ stands for the whole ranking, not for one rank\n");
	/* a weight is checked even when weights are not allowed (then ignored) */
	T_STREQ(got.data, "1:B>A|");
	run("e7.cvotes", NULL, "#/Weight allowed: true\nB > A ^x\nA > B > A\n");
	T_STREQ(err.data,
		"test_ballots: e7.cvotes:2:7: weight 'x' is not a positive whole number\n"
		"test_ballots: e7.cvotes:3:9: candidate 'A' is on the ballot twice\n");
	run("e8.soc", NULL, "# NUMBER ALTERNATIVES: 2\n1: 1, 3\n0: 1\n1: 1 2\n1: 2, 1\n");
	T_STREQ(err.data,
		"test_ballots: e8.soc:2:7: unknown candidate: alternative 3 is not between 1 and 2\n"
		"test_ballots: e8.soc:3:1: count 0 is not a positive whole number\n"
		"test_ballots: e8.soc:4:6: expected an alternative's number, ',' or braces around tied ones\n");
	T_STREQ(got.data, "1:2>1|");
	run("e9.blt", NULL, "2 1\n1 3 0\n0 1 0\n1 1 1 0\n1 1 2\n1 2 0\n0\n\"A\"\n\"B\"\n");
	T_STREQ(err.data,
		"test_ballots: e9.blt:2:3: unknown candidate: 3 is not between 1 and 2\n"
		"test_ballots: e9.blt:3:1: weight '0' is not a positive whole number\n"
		"test_ballots: e9.blt:4:5: candidate '1' is on the ballot twice\n"
		"test_ballots: e9.blt:5:6: the ballot does not end with 0\n");
	T_STREQ(got.data, "1:2|");	/* BLT names come after the ballots */
	T_EQ(e.invalid, 4);
	eopt.method = EM_APPROVAL;
	run("e10.csv", NULL, "A,B\n1,peut-être\n");
	T_STREQ(err.data, "test_ballots: e10.csv:2:3: 'peut-être' is neither 1 (approved: x, oui, yes) nor 0 (non, no)\n");
	eopt.method = EM_MJ;
	run("e11.csv", NULL, "A,B\nbien,good\n");
	T_STREQ(err.data, "test_ballots: e11.csv:2:6: 'good' is not a grade (à rejeter, insuffisant, passable, assez bien, bien, très bien, excellent, or a number from 0)\n");
	eopt.method = EM_PLURALITY;
	eopt.keep_going = 0;
}

int
main(void)
{
	char dir[] = "/tmp/test_ballots.XXXXXX";

	ess_init("test_ballots");
	if (!mkdtemp(dir) || chdir(dir) != 0) {
		perror(dir);
		return 2;
	}
	election_init(&e);
	test_long();
	test_ranks();
	test_candidates();
	test_approval();
	test_grades();
	test_grade_counts();
	test_matrix();
	test_cef();
	test_preflib();
	test_blt();
	test_errors();
	election_release(&e);
	free(seen);
	buf_release(&got);
	buf_release(&err);
	if (system("rm -rf -- \"$PWD\"") != 0)
		perror("rm");
	return t_end();
}
