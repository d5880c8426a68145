// bench/duckdb-query.js FILE OUT [PREFIX [WORD]]: the directory query with
// DuckDB, 2 threads, as a user of the npm package would write it: the rows
// whose postcode starts with PREFIX (default 24) and where a word of name,
// description, offers, needs or tags starts with WORD (default coop), after
// lower case and accent stripping. Writes them to OUT as CSV with a header.
'use strict';
const path = require('path');
const modules = process.env.BENCH_NODE_MODULES || path.join(__dirname, 'work', 'node_modules');
const { DuckDBInstance } = require(path.join(modules, '@duckdb', 'node-api'));
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
(async () => {
  const [file, out, prefix = '24', word = 'coop'] = process.argv.slice(2);
  if (!file || !out) throw new Error('usage: duckdb-query.js FILE OUT [PREFIX [WORD]]');
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await db.connect();
  const like = prefix.replace(/[%_\\]/g, '\\$&') + '%';
  const re = '(^|[^a-z0-9])' + word.toLowerCase().replace(/[^a-z0-9]/g, '\\$&');
  await con.run(`COPY (SELECT * FROM read_csv(${q(file)}, all_varchar = true, header = true,
      delim = ',', quote = '"', escape = '"')
    WHERE trim(postcode) LIKE ${q(like)} ESCAPE '\\'
      AND regexp_matches(strip_accents(lower(concat_ws(' ', name, description, offers, needs, tags))),
        ${q(re)}))
    TO ${q(out)} (FORMAT csv, HEADER)`);
})().catch((e) => { console.error(e.message || e); process.exit(1); });
