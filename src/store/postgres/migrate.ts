// Numbered schema migrations for PostgreSQL (the SQL files beside this module, `NNN-name.sql`), applied in one
// transaction under an advisory lock, so several workers starting at once on a new database apply each
// migration once. Refuses a schema written by a newer salvo, and a schema holding some other program's tables.
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import type { Migration } from '../sqlite/migrations.js';
import type { Connection } from './connection.js';

// The built code in dist/ reads the SQL from src/, which ships with the package, so there is one copy of it.
export const PG_MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src/store/postgres/migrations');

// Advisory locks are per database; this key is Salvo's migration lock in every schema of it.
const MIGRATION_LOCK = 'salvo:migrate';

/**
 * Brings the current schema (the first of the connection's search_path) up to the newest migration and
 * returns the versions it applied (empty when it was up to date).
 */
export async function migratePostgres(db: Connection, migrations: Migration[], now: () => Date = () => new Date()): Promise<number[]> {
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    const schema = (await tx.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s;
    if (!schema) throw new Error('no schema to write to: the search_path names no existing schema');
    const tables = (
      await tx.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
        [schema],
      )
    ).rows.map((r) => r.table_name);
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new Error(`schema ${schema} is not a Salvo database: it has tables but no schema_migrations`);
    }
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new Error(`database schema version ${newest} is newer than this salvo (knows up to ${known}); upgrade salvo`);
    }
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await tx.query(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now().toISOString()]);
      done.push(m.version);
    }
    return done;
  });
}
