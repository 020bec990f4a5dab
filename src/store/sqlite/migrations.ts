// Numbered schema migrations for the SQLite store: `NNN-name.sql` files applied in order, each once, recorded
// in schema_migrations, so a database written by any earlier salvo opens and is brought up to date.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { PACKAGE_ROOT } from '../../paths.js';

/** One numbered schema change, read from `NNN-name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// The built code in dist/ reads the SQL from src/, which ships with the package, so there is one copy of it.
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src/store/sqlite/migrations');

const FILE_NAME = /^(\d+)-([A-Za-z0-9_-]+)\.sql$/;

/** The migrations in `dir`, by ascending version. Other files are ignored; a repeated version is an error. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = FILE_NAME.exec(file);
    if (!match) continue;
    const version = Number(match[1]);
    if (version < 1) throw new Error(`migration ${file}: versions start at 1`);
    if (migrations.some((m) => m.version === version)) throw new Error(`migration version ${version} appears twice in ${dir}`);
    migrations.push({ version, name: match[2], sql: readFileSync(join(dir, file), 'utf8') });
  }
  return migrations.sort((a, b) => a.version - b.version);
}

/**
 * Brings the database up to the newest known migration and returns the versions it applied (empty when it
 * was up to date). Refuses a database written by a newer salvo rather than guess at its schema.
 */
export function migrate(db: Database.Database, migrations: Migration[], now: () => Date = () => new Date()): number[] {
  const known = migrations.length ? migrations[migrations.length - 1].version : 0;
  // The usual case, a database at the newest version, is only read: no write lock, so a command that reads
  // (`salvo events`) neither waits for a writer's transaction nor holds one up.
  const current = appliedVersions(db);
  if (current && Math.max(0, ...current) <= known && migrations.every((m) => current.has(m.version))) return [];
  // IMMEDIATE takes the write lock before reading the applied versions, so two processes opening the same
  // new file cannot both apply the same migration.
  const run = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = appliedVersions(db) ?? new Set<number>();
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new Error(`database schema version ${newest} is newer than this salvo (knows up to ${known}); upgrade salvo`);
    }
    const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, now().toISOString());
      done.push(m.version);
    }
    return done;
  });
  return run.immediate();
}

/** The versions recorded in schema_migrations, or null when the table does not exist yet. */
function appliedVersions(db: Database.Database): Set<number> | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (table === undefined) return null;
  return new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version),
  );
}
