// The server store: Salvo's tables in a PostgreSQL schema, shared by any number of salvo processes on any
// number of machines. Reads go to any pooled connection; the event-grouping lock (`withEventLock`) is a set
// of session-level advisory locks on one held connection, so two workers grouping reports of the same
// actor-day wait for each other while all other work runs in parallel.
import type pg from 'pg';
import { loadMigrations, type Migration } from '../sqlite/migrations.js';
import { EVERY_EVENT_KEY, type Store, type StoreSession } from '../store.js';
import { clientConnection, createPool, poolConnection, type Connection } from './connection.js';
import { PostgresJobQueue } from './job-queue.js';
import { migratePostgres, PG_MIGRATIONS_DIR } from './migrate.js';
import { dataChannel, PostgresSession } from './session.js';

export interface PostgresStoreOptions {
  /** Clock for stamps the caller does not give (applied_at, a source's added_at); tests pin it. */
  now?: () => Date;
  /** Schema migrations to apply; defaults to the SQL files in src/store/postgres/migrations. */
  migrations?: Migration[];
}

// Prefix of every event-grouping lock key, so Salvo's advisory locks never meet another program's.
const EVENT_LOCK_PREFIX = 'salvo:event:';

export class PostgresStore extends PostgresSession implements Store {
  /** The newest data version heard of (announced by any process, or written here); null when not listening. */
  private heard: number | null = null;
  /** The connection that LISTENs for writes, while it is up. */
  private listener: pg.PoolClient | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    now: () => Date,
  ) {
    super(poolConnection(pool), now, (version) => this.hear(version));
  }

  private hear(version: number): void {
    if (this.heard !== null) this.heard = Math.max(this.heard, version);
  }

  /** Connects to a postgres:// URL and brings its schema up to date. Rejects (closing the pool) when either fails. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const now = options.now ?? (() => new Date());
    const pool = createPool(url);
    try {
      await migratePostgres(poolConnection(pool), options.migrations ?? loadMigrations(PG_MIGRATIONS_DIR), now);
    } catch (err) {
      await pool.end();
      throw new Error(`cannot open PostgreSQL store ${redact(url)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const store = new PostgresStore(pool, now);
    await store.listen();
    return store;
  }

  /**
   * Listens for the writes of every process, so `dataVersion` (which an API replica asks on every request)
   * answers from memory. Should the listening connection fail, `dataVersion` asks the database again.
   */
  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    const schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
    const channel = dataChannel(schema);
    client.on('notification', (msg) => {
      if (msg.channel === channel) this.hear(Number(msg.payload));
    });
    client.on('error', () => {
      this.heard = null;
      this.listener = null;
      client.release(true);
    });
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    // Read after LISTEN: every write from now on is heard, none between the two is missed.
    this.heard = Number(await super.dataVersion());
    this.listener = client;
  }

  override async dataVersion(): Promise<string> {
    return this.heard === null ? super.dataVersion() : String(this.heard);
  }

  async withEventLock<T>(keys: string[], fn: (session: StoreSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // Sorted and deduplicated: two units taking overlapping keys take them in one order, so neither waits on
    // the other while holding what the other needs.
    const ordered = [...new Set(keys)].filter((k) => k !== EVERY_EVENT_KEY).sort();
    const everything = keys.includes(EVERY_EVENT_KEY);
    let broken: Error | undefined;
    try {
      // EVERY_EVENT_KEY first: held exclusively by a unit that may touch any event, shared by every other keyed unit.
      if (everything || ordered.length) {
        await client.query(`SELECT ${everything ? 'pg_advisory_lock' : 'pg_advisory_lock_shared'}(hashtextextended($1, 0))`, [EVENT_LOCK_PREFIX + EVERY_EVENT_KEY]);
      }
      for (const key of ordered) await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [EVENT_LOCK_PREFIX + key]);
      return await fn(new PostgresSession(clientConnection(client), this.now, (version) => this.hear(version)));
    } finally {
      // Session locks outlive transactions: release them before the connection goes back to the pool. A
      // connection that cannot is destroyed, which releases them on the server. (A unit without keys took none.)
      if (everything || ordered.length) await client.query('SELECT pg_advisory_unlock_all()').catch((err: Error) => (broken = err));
      client.release(broken);
    }
  }

  /** A new worker's handle on the job queue shared by every process on this schema. */
  jobQueue(): PostgresJobQueue {
    return new PostgresJobQueue(poolConnection(this.pool));
  }

  /** Runs `fn` in one transaction on the store's schema, for maintenance such as copying a database in. */
  rawTransaction<T>(fn: (tx: Connection) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async close(): Promise<void> {
    this.heard = null;
    this.listener?.release(true);
    this.listener = null;
    await this.pool.end();
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'URL';
  }
}
