// Connections to the PostgreSQL server: a pool whose values come back typed as the SQLite store returns them
// (counts and identities as numbers), and one small interface over "the pool" and "one client held for a
// unit of work", so the store's queries are written once for both.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

/** The parts of a query result the store reads. */
export interface Rows<R> {
  rows: R[];
  rowCount: number;
}

/** Where queries go: the pool (any connection) or one client (a unit holding locks on its session). */
export interface Connection {
  query<R extends object>(sql: string, params?: unknown[]): Promise<Rows<R>>;
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it rejects. */
  transaction<T>(fn: (tx: Connection) => Promise<T>): Promise<T>;
}

// count(*), bigint identities and sequence values are int8, which pg returns as strings to avoid losing
// precision past 2^53; Salvo's counts and sequence numbers stay far below that.
const INT8_OID = 20;
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Session settings every connection starts with (sent in the startup packet, so they cost no round trip), before
 * any the URL's own `options` give (a later `-c` wins, so a URL can turn them back).
 *
 * `jit=off`: PostgreSQL compiles a statement to machine code (JIT) when its estimated cost passes jit_above_cost
 * (100,000 by default), and the estimate of a prepared statement's generic plan grows with the table even when
 * the rows it reads do not. The change read that ingest sends per batch and per launch report (changesSince:
 * an index range over the few articles written since the last read, each looked up by key) was estimated at
 * 315,000 at 50k stored articles and 630,000 at 100k, past the cost where JIT also optimises and inlines: at 50k
 * it ran in 10–25 ms of which JIT compiling took 9–25 ms, against 0.2–1 ms with JIT off. Salvo's statements are
 * key lookups and bounded ranges, never the long scans over millions of rows that compiling pays for.
 */
const SESSION_OPTIONS = '-c jit=off';

/**
 * Client settings for a postgres:// URL (which may carry `?options=-c search_path=…` to choose a schema), with
 * SESSION_OPTIONS. A URL naming no user connects as the operating-system user, as psql does (pg itself reads only
 * $PGUSER and $USER).
 */
export function connectionConfig(url: string): pg.ClientConfig {
  const parsed = new URL(url);
  if (parsed.username === '' && !process.env.PGUSER && !process.env.USER) parsed.username = encodeURIComponent(userInfo().username);
  const own = parsed.searchParams.get('options');
  parsed.searchParams.set('options', own ? `${SESSION_OPTIONS} ${own}` : SESSION_OPTIONS);
  return { connectionString: parsed.toString(), types: typeParsers };
}

/** A pool for a postgres:// URL. */
export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool(connectionConfig(url));
  // An idle client losing its server connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * BEGIN … COMMIT on one client, ROLLBACK when `fn` rejects. Resolves `broken` true when even the ROLLBACK
 * failed: the connection is then in an unknown state and must not go back to the pool.
 */
async function inTransaction<T>(client: pg.PoolClient, fn: (tx: Connection) => Promise<T>, onBroken: () => void): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn(clientConnection(client, true));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(onBroken);
    throw err;
  }
}

const statementNames = new Map<string, string>();

/**
 * A query as sent. One with parameters is a named (prepared) statement, named after its text: each connection
 * parses it once and PostgreSQL keeps its plan, where an unnamed one is parsed and planned on every call (for the
 * change-cursor read that ingest makes per article, planning cost six times what running it did). The store never
 * puts a value into SQL text (values are parameters), so there are only as many names as texts the code builds.
 * Queries without parameters (migration scripts of many statements, LISTEN) go as simple queries.
 */
function statement(sql: string, params: unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql, values: params };
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `salvo_${createHash('sha1').update(sql).digest('hex')}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values: params };
}

/** Queries on any pooled connection; a transaction takes one connection for its duration. */
export function poolConnection(pool: pg.Pool): Connection {
  return {
    query: async <R extends object>(sql: string, params: unknown[] = []) => {
      const r = await pool.query<R>(statement(sql, params));
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    transaction: async <T>(fn: (tx: Connection) => Promise<T>) => {
      const client = await pool.connect();
      let broken = false;
      try {
        return await inTransaction(client, fn, () => (broken = true));
      } finally {
        client.release(broken);
      }
    },
  };
}

/**
 * Queries on one client. Inside a transaction (`nested`), a further transaction becomes a savepoint, so a
 * failing write rolls back alone.
 */
export function clientConnection(client: pg.PoolClient, nested = false): Connection {
  return {
    query: async <R extends object>(sql: string, params: unknown[] = []) => {
      const r = await client.query<R>(statement(sql, params));
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    transaction: async <T>(fn: (tx: Connection) => Promise<T>) => {
      if (!nested) {
        return inTransaction(client, fn, () => {
          throw new Error('the database connection failed during a rollback');
        });
      }
      await client.query('SAVEPOINT salvo_write');
      try {
        const result = await fn(clientConnection(client, true));
        await client.query('RELEASE SAVEPOINT salvo_write');
        return result;
      } catch (err) {
        await client.query('ROLLBACK TO SAVEPOINT salvo_write');
        throw err;
      }
    },
  };
}
