// Opening the database for every entry point: a mistyped path for a read-only command is an error, and SQLite's
// messages name the file. (The job queue that goes with a store is in job-queue.ts, so commands that only read
// do not load it.)
import { accessSync, constants, existsSync } from 'node:fs';
import { defaultDbPath, isServerLocation, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

/**
 * Opens the database. Commands that only read (`events`, `show`, `reference`) pass `mustExist`, so a mistyped
 * path is an error rather than a new empty database; commands that store pass `write`, so a read-only file is an
 * error at once rather than one failed write per report.
 */
export async function openDb(dbOption: string | undefined, opts: { mustExist?: boolean; write?: boolean } = {}): Promise<Store> {
  const path = dbOption ?? defaultDbPath();
  const isFile = path !== ':memory:' && !isServerLocation(path);
  if (opts.mustExist && isFile && !existsSync(path)) {
    throw new Error(`no database at ${path} (run \`salvo ingest <files>\` first, or pass --db / set SALVO_DB)`);
  }
  // SQLite opens a file it may not write read-only and fails each write later: a command that stores says so first.
  if (opts.write && isFile && existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
    } catch (err) {
      throw new Error(`database ${path} is read-only (${(err as NodeJS.ErrnoException).code ?? 'not writable'}): nothing could be stored; make it writable or pass another --db`, { cause: err });
    }
  }
  try {
    return await openStore(path);
  } catch (err) {
    // SQLite's own messages ("unable to open database file") do not say which file: add it.
    const message = err instanceof Error ? err.message : String(err);
    // A server store's message names the URL already, without its password.
    if (message.includes(path) || isServerLocation(path)) throw err;
    throw new Error(`cannot open database ${path}: ${message}`, { cause: err });
  }
}
