/* placeholder: being written */
#include "dir.h"
#include "err.h"
extern const struct argp_child dir_children[];
static error_t parse_opt(int key, char *arg, struct argp_state *state) { return dir_parse_arg(key, arg, state); }
const struct argp import_argp = { NULL, parse_opt, "[FILE]...", "", dir_children, NULL, ESS_PACKAGE };
int import_run(char **files) { (void)files; ess_die(EX_SOFTWARE, "not yet"); }
