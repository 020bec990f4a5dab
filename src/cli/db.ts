// `salvo db …`: database upkeep. `migrate` brings a database (file or server) to the newest schema; `copy`
// moves an embedded SQLite database into a PostgreSQL schema, nothing lost; `check` reports (and with
// --repair mends) breaks of the event table's invariant; `rebuild` groups every stored report again.
import { describeProblem, membershipProblems, rebuildEvents } from '../app/integrity.js';
import { openDb } from '../app/open.js';
import { isServerLocation, openStore } from '../store/open.js';
import { copySqliteToPostgres } from '../store/postgres/copy.js';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** `salvo db migrate`: opening a store applies its pending migrations. */
export async function dbMigrateCommand(location: string | undefined): Promise<number> {
  try {
    const store = await openStore(location);
    await store.close();
    process.stdout.write('salvo: the database schema is up to date\n');
    return 0;
  } catch (err) {
    process.stderr.write(`salvo: ${message(err)}\n`);
    return 2;
  }
}

/** `salvo db copy --from <file> --to <postgres://…>`: prints the rows copied per table. */
export async function dbCopyCommand(from: string, to: string): Promise<number> {
  if (isServerLocation(from) || !isServerLocation(to)) {
    process.stderr.write('salvo: db copy moves an SQLite file (--from) into PostgreSQL (--to postgres://…)\n');
    return 1;
  }
  try {
    const counts = await copySqliteToPostgres(from, to);
    for (const [table, n] of Object.entries(counts)) process.stdout.write(`${table}\t${n}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`salvo: ${message(err)}\n`);
    return 2;
  }
}

/**
 * `salvo db check [--repair]`: lists every launch report in no event or in several, every event member that is
 * not a launch report and every empty event. Exit 0 when there is none (or --repair mended them all), 1 when
 * some remain, 2 when the database cannot be read.
 */
export async function dbCheckCommand(location: string | undefined, repair: boolean): Promise<number> {
  try {
    const store = await openDb(location, { mustExist: true });
    try {
      const problems = await membershipProblems(store);
      for (const p of problems) process.stdout.write(`${describeProblem(p)}\n`);
      const { articles } = await store.counts();
      if (problems.length === 0) {
        process.stdout.write(`salvo: ok: every launch report of ${articles} articles is in exactly one event\n`);
        return 0;
      }
      if (!repair) {
        process.stdout.write(`salvo: ${problems.length} problem(s); \`salvo db check --repair\` regroups the events\n`);
        return 1;
      }
      const done = await rebuildEvents(store);
      const left = await membershipProblems(store);
      process.stdout.write(`salvo: repaired: ${done.written} event(s) written, ${done.deleted} deleted; ${left.length} problem(s) left\n`);
      return left.length === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  } catch (err) {
    process.stderr.write(`salvo: ${message(err)}\n`);
    return 2;
  }
}

/** `salvo db rebuild`: groups every stored launch report again and writes the events that differ. */
export async function dbRebuildCommand(location: string | undefined): Promise<number> {
  try {
    const store = await openDb(location, { mustExist: true });
    try {
      const done = await rebuildEvents(store);
      process.stdout.write(`salvo: ${done.events} event(s): ${done.written} written, ${done.deleted} deleted, the rest unchanged\n`);
      return 0;
    } finally {
      await store.close();
    }
  } catch (err) {
    process.stderr.write(`salvo: ${message(err)}\n`);
    return 2;
  }
}
