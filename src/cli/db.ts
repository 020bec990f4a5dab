// `salvo db …`: database upkeep. `migrate` brings a database (file or server) to the newest schema; `copy`
// moves an embedded SQLite database into a PostgreSQL schema, nothing lost.
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
