// `salvo export --format <name> [--columns <set>]`: the stored events rendered by one of the outputs of src/app/outputs, the
// same renderings the API serves at /api/events.<name>.
import { openDb } from '../app/open.js';
import { outputNamed, OUTPUTS } from '../app/outputs/index.js';
import type { EventFilter } from '../store/store.js';

export interface ExportFlags extends EventFilter {
  format: string;
  /** The column set, for an output with several (csv: salvo, cns). */
  columns?: string;
  /** The web app's address, for the links some outputs carry. */
  base: string;
}

export async function exportCommand(db: string | undefined, flags: ExportFlags): Promise<number> {
  const output = outputNamed(flags.format);
  if (!output) {
    process.stderr.write(`salvo: no output named "${flags.format}" (known: ${OUTPUTS.map((o) => o.name).join(', ')})\n`);
    return 2;
  }
  if (flags.columns !== undefined && !output.columnSets?.includes(flags.columns)) {
    const known = output.columnSets ? `known: ${output.columnSets.join(', ')}` : 'it has one column set';
    process.stderr.write(`salvo: output "${output.name}" has no column set "${flags.columns}" (${known})\n`);
    return 2;
  }
  const store = await openDb(db, { mustExist: true });
  try {
    const filter: EventFilter = { from: flags.from, to: flags.to, class: flags.class, site: flags.site, actor: flags.actor };
    const events = (await store.queryEvents({ ...filter, order: 'asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 })).events;
    process.stdout.write(await output.render({ store, events, base: flags.base, columns: flags.columns }));
    return 0;
  } finally {
    await store.close();
  }
}
