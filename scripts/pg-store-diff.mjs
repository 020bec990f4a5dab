// Whether two PostgreSQL schemas hold the same Salvo data: for every table of the first, the row count and an md5 of
// its rows (as text, sorted) in both, leaving out what differs by when or in which transaction a row was written
// (columns named *_at or `at`, timestamp and xid columns, and the times inside alert payloads). Used to check that a
// change to the write path stores the same rows: ingest one folder with the old and the new build into two schemas
// (scripts/pg-schemas.mjs makes throwaway ones), then compare them. Exits 1 when a table differs.
// Usage: SALVO_TEST_PG=postgres://127.0.0.1:5432/test node scripts/pg-store-diff.mjs SCHEMA_A SCHEMA_B
import pg from 'pg';
import { connectionConfig } from '../dist/src/store/postgres/connection.js';

const [a, b] = process.argv.slice(2);
const PG_URL = process.env.SALVO_TEST_PG;
if (!PG_URL || !a || !b) throw new Error('usage: SALVO_TEST_PG=postgres://… node scripts/pg-store-diff.mjs SCHEMA_A SCHEMA_B');
const client = new pg.Client(connectionConfig(PG_URL));
await client.connect();
const PAYLOAD_TIMES = `regexp_replace(payload::text, '"(at|createdAt|created_at)":"[^"]*"', '"at":-', 'g')`;
let same = true;
try {
  const { rows: tables } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1`, [a]);
  for (const { table_name: table } of tables) {
    const { rows: columns } = await client.query(
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', [a, table]);
    const timed = (c) => /(^|_)at$/.test(c.column_name) || /timestamp|xid/.test(c.data_type);
    const kept = columns.filter((c) => !timed(c)).map((c) => (c.column_name === 'payload' ? PAYLOAD_TIMES : `"${c.column_name}"`));
    const left = columns.filter(timed).map((c) => c.column_name);
    const digest = async (schema) => (await client.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x, E'\\n' ORDER BY x), '')) AS h FROM (SELECT row(${kept.join(', ')})::text AS x FROM "${schema}"."${table}") r`)).rows[0];
    const [da, db] = [await digest(a), await digest(b)];
    const ok = da.n === db.n && da.h === db.h;
    same &&= ok;
    console.log(`${ok ? 'same' : 'DIFFERENT'} ${table}: ${da.n} rows ${da.h} / ${db.n} rows ${db.h}${left.length ? ` (without ${left.join(', ')})` : ''}`);
  }
} finally {
  await client.end();
}
console.log(same ? 'every table identical' : 'tables differ');
process.exitCode = same ? 0 : 1;
