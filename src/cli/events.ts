import { EVENT_HEADER, eventRow, table } from './format.js';
import { openDb } from './open.js';

/** `salvo events`: one line per launch (or JSON). */
export function eventsCommand(db: string | undefined, json: boolean): number {
  const store = openDb(db);
  try {
    const events = store.listEvents();
    if (json) {
      process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
      return 0;
    }
    if (!events.length) {
      process.stdout.write('no launch events stored yet (run `salvo ingest <files>`)\n');
      return 0;
    }
    process.stdout.write(`${table([EVENT_HEADER, ...events.map(eventRow)])}\n`);
    process.stdout.write('times are local (KST for Korea); * marks a figure the sources disagree on\n');
    return 0;
  } finally {
    store.close();
  }
}
