// Throwaway PostgreSQL schemas for the scripts that measure or exercise Salvo on a server (bench:scale,
// bench:ingest, pg-ingest-profile, pg-watch-kill): each run works in schemas of its own, made here and dropped
// by `dropAll` at the end, so runs never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectionConfig } from '../dist/src/store/postgres/connection.js';
import { PostgresStore } from '../dist/src/store/postgres/store.js';

/** The schemas of one run on the server at `url`. */
export class Schemas {
  constructor(url) {
    this.url = url;
    this.made = [];
  }

  /** One statement on a connection of its own; resolves to its rows. */
  async admin(sql) {
    const c = new pg.Client(connectionConfig(this.url));
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }

  /**
   * A new schema named `prefix_<random>` and the address that works in it; with `migrate`, Salvo's tables are
   * made in it first (as `salvo db migrate` would), so a clock started after this does not count them.
   */
  async fresh(prefix, { migrate = false } = {}) {
    const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
    await this.admin(`CREATE SCHEMA ${schema}`);
    this.made.push(schema);
    const address = new URL(this.url);
    address.searchParams.set('options', `-c search_path=${schema}`);
    if (migrate) await (await PostgresStore.open(address.toString())).close();
    return { schema, url: address.toString(), drop: () => this.admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
  }

  /** Drops every schema made here. */
  async dropAll() {
    for (const s of this.made.splice(0)) await this.admin(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  }
}
