// Opening the database for every entry point: a mistyped path for a read-only command is an error, and SQLite's
// messages name the file. Also the job queue that goes with a store.
import { accessSync, constants, existsSync } from 'node:fs';
import { defaultDbPath, isServerLocation, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { MemoryJobQueue, type JobQueue } from '../store/job-queue.js';

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

/**
 * A job queue for a worker on `store`: on PostgreSQL the one every process on the database shares, on the
 * embedded store (one process) a queue in memory.
 */
export function openJobQueue(store: Store): JobQueue {
  return sharesQueue(store) ? store.jobQueue() : new MemoryJobQueue();
}

/** A store with a job queue of its own (PostgreSQL's), told apart without loading the PostgreSQL driver. */
const sharesQueue = (store: Store): store is Store & { jobQueue(): JobQueue } => typeof (store as { jobQueue?: unknown }).jobQueue === 'function';
