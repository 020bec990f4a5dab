// Chooses and opens the store for a location: a file path (or nothing, meaning $SALVO_DB or ./salvo.db) opens
// the embedded SQLite store, ':memory:' an in-memory SQLite database, and a postgres:// or postgresql:// URL
// the server store.
import { resolve } from 'node:path';
import { SqliteStore } from './sqlite/store.js';
import type { Store } from './store.js';

const SERVER_URL = /^postgres(?:ql)?:\/\//i;
const IN_MEMORY = ':memory:';

/** True when the location names a database server rather than a file. */
export function isServerLocation(location: string): boolean {
  return SERVER_URL.test(location);
}

/** Where the database lives unless told otherwise: $SALVO_DB, else ./salvo.db; a file path is resolved against the cwd. */
export function defaultDbPath(): string {
  const location = process.env.SALVO_DB || './salvo.db';
  return isServerLocation(location) || location === IN_MEMORY ? location : resolve(location);
}

/** Opens (creating and migrating when needed) the store at `location`, or at the default location. */
export async function openStore(location: string = defaultDbPath()): Promise<Store> {
  // The server store's driver is loaded only for a server.
  if (isServerLocation(location)) return (await import('./postgres/store.js')).PostgresStore.open(location);
  return new SqliteStore(location);
}
