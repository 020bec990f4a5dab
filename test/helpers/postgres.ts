// PostgreSQL for the tests: SALVO_TEST_PG names a server database; every store a test opens lives in a schema
// of its own (salvo_test_<run>_<n>), created empty and dropped when the file's tests end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectionConfig } from '../../src/store/postgres/connection.js';

export const PG_URL = process.env.SALVO_TEST_PG ?? '';
export const HOW_TO_RUN = 'PostgreSQL store tests skipped: run them with SALVO_TEST_PG=postgres://127.0.0.1:5432/test npm test';

const run = randomBytes(4).toString('hex');
let made = 0;
const schemas: string[] = [];

/** The URL of a new, empty schema (selected through the connection's search_path). */
export async function freshSchemaUrl(): Promise<string> {
  const schema = `salvo_test_${run}_${++made}`;
  const admin = new pg.Client(connectionConfig(PG_URL));
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  schemas.push(schema);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Drops every schema this test file created. */
export async function dropSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const admin = new pg.Client(connectionConfig(PG_URL));
  await admin.connect();
  try {
    for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
