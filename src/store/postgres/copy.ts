// Moves an embedded SQLite database to a PostgreSQL schema, table by table and row by row: articles,
// extractions with their claims, events with their article lists, signatures, copy links, event versions
// (those of merged-away events too), watched sources and items, alerts (keeping their sequence numbers),
// webhooks and deliveries. Both schemas have the same tables and columns, so a row is copied as it is.
// One transaction: the destination gets everything or nothing, and it must hold no Salvo data before.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SqliteStore } from '../sqlite/store.js';
import type { Connection } from './connection.js';
import { PostgresStore } from './store.js';
import { COPY_ROWS_PER_INSERT } from '../../settings.js';

/** The tables in foreign-key order (a row's references are copied before it), with how to read them in order. */
const TABLES: { name: string; order: string }[] = [
  { name: 'articles', order: 'rowid' },
  { name: 'extractions', order: 'article_id' },
  { name: 'claims', order: 'article_id, idx' },
  { name: 'events', order: 'id' },
  { name: 'event_articles', order: 'event_id, position' },
  { name: 'event_summaries', order: 'event_id' },
  { name: 'article_signatures', order: 'article_id' },
  { name: 'copy_links', order: 'article_id' },
  { name: 'event_versions', order: 'event_id, version' },
  { name: 'watch_sources', order: 'url' },
  // rowid order is the order items were first recorded, which the destination's identity column keeps.
  { name: 'watch_items', order: 'rowid' },
  { name: 'alerts', order: 'seq' },
  { name: 'webhooks', order: 'url' },
  { name: 'webhook_deliveries', order: 'alert_id, webhook_url' },
];

/** Rows copied per table. */
export type CopyCounts = Record<string, number>;

/** The destination's columns a copy writes: all but those the database computes (search vector, row numbers). */
async function writableColumns(tx: Connection, table: string): Promise<{ columns: string[]; identity: string[] }> {
  const { rows } = await tx.query<{ column_name: string; is_generated: string; is_identity: string }>(
    `SELECT column_name, is_generated, is_identity FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  // Identities are computed except where they are the data: an alert's seq is what webhook cursors count. The
  // writing transaction (written_xact, for change cursors) is the copy's own.
  const kept = rows.filter(
    (r) => r.is_generated === 'NEVER' && r.column_name !== 'written_xact' && (r.is_identity === 'NO' || (r.column_name === 'seq' && table === 'alerts')),
  );
  return { columns: kept.map((r) => r.column_name), identity: kept.filter((r) => r.is_identity === 'YES').map((r) => r.column_name) };
}

/**
 * Copies the SQLite database at `from` (brought up to date first) into the PostgreSQL schema at `to`
 * (created and migrated when needed) and returns the rows copied per table. Rejects, copying nothing, when
 * the destination already holds articles, events or alerts.
 */
export async function copySqliteToPostgres(from: string, to: string): Promise<CopyCounts> {
  if (!existsSync(from)) throw new Error(`no database at ${from}`);
  // Opening through the store applies any pending SQLite migrations, so both schemas are at the newest version.
  await new SqliteStore(from).close();
  const source = new Database(from, { readonly: true, fileMustExist: true });
  const target = await PostgresStore.open(to);
  try {
    return await target.rawTransaction(async (tx) => {
      const held = await tx.query<{ n: number }>('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM events) + (SELECT count(*) FROM alerts) AS n');
      if (held.rows[0].n > 0) throw new Error('the destination already holds Salvo data: copy into an empty database or schema');
      const counts: CopyCounts = {};
      for (const table of TABLES) counts[table.name] = await copyTable(source, tx, table.name, table.order);
      // The next alert continues the sequence after the copied ones.
      await tx.query("SELECT setval(pg_get_serial_sequence('alerts', 'seq'), GREATEST((SELECT MAX(seq) FROM alerts), 1), (SELECT MAX(seq) FROM alerts) IS NOT NULL)");
      return counts;
    });
  } finally {
    source.close();
    await target.close();
  }
}

async function copyTable(source: Database.Database, tx: Connection, table: string, order: string): Promise<number> {
  const { columns, identity } = await writableColumns(tx, table);
  const list = columns.join(', ');
  const overriding = identity.length ? 'OVERRIDING SYSTEM VALUE' : '';
  const flush = async (batch: unknown[][]): Promise<void> => {
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${list}) ${overriding} VALUES ${tuples.join(', ')}`, params);
  };
  let batch: unknown[][] = [];
  let copied = 0;
  for (const row of source.prepare(`SELECT ${list} FROM ${table} ORDER BY ${order}`).raw().iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length === COPY_ROWS_PER_INSERT) {
      await flush(batch);
      copied += batch.length;
      batch = [];
    }
  }
  if (batch.length) {
    await flush(batch);
    copied += batch.length;
  }
  return copied;
}

/** Rows per table of a SQLite database, to compare with `postgresTableCounts` after a copy. */
export function sqliteTableCounts(path: string): CopyCounts {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM ${t.name}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** Rows per table of a PostgreSQL store. */
export async function postgresTableCounts(store: PostgresStore): Promise<CopyCounts> {
  const counts: CopyCounts = {};
  await store.rawTransaction(async (tx) => {
    for (const t of TABLES) counts[t.name] = (await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`)).rows[0].n;
  });
  return counts;
}
