// bench/duckdb-tally.js FILE: count stickers per (item, vote) with DuckDB,
// 2 threads, as a user of the npm package would. Prints item,vote,count.
'use strict';
const path = require('path');
const modules = process.env.BENCH_NODE_MODULES || path.join(__dirname, 'work', 'node_modules');
const { DuckDBInstance } = require(path.join(modules, '@duckdb', 'node-api'));
(async () => {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await db.connect();
  const file = process.argv[2].replace(/'/g, "''");
  const res = await con.runAndReadAll(`SELECT item, vote, count(*) AS count FROM read_csv('${file}') GROUP BY ALL ORDER BY ALL`);
  const out = ['item,vote,count'];
  for (const [item, vote, count] of res.getRows()) out.push(`${item},${vote},${count}`);
  process.stdout.write(out.join('\n') + '\n');
})().catch((e) => { console.error(e.message || e); process.exit(1); });
