// `salvo events`: the stored launch events, one line each (or JSON), optionally only the disputed ones.
import { isDisputed } from '../app/event-facts.js';
import { dateFlags } from '../resolve/plausibility.js';
import { openDb } from '../app/open.js';
import { EVENT_HEADER, eventRow, table, TABLE_LEGEND } from '../app/outputs/table.js';
import type { LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';

/** What is disputed, for the table: "distance_km (700 vs 450 in the reference list)". */
function disputeText(e: LaunchEvent): string {
  const parts: string[] = [];
  for (const f of FIELD_NAMES) {
    const field = e.fields[f];
    if (field.disputed) parts.push(`${f}: ${field.candidates.map((c) => String(c.value)).join(' vs ')}`);
  }
  for (const d of e.reference?.differences ?? []) parts.push(`${d.field}: ${String(d.event)} vs ${String(d.reference)} (reference list)`);
  return parts.join('; ');
}

export async function eventsCommand(db: string | undefined, json: boolean, disputedOnly = false): Promise<number> {
  const store = await openDb(db, { mustExist: true });
  try {
    // Oldest first, undated last, as listEvents orders them; queryEvents adds each event's report languages.
    const stored = (await store.queryEvents({ order: 'asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 })).events.filter((se) => !disputedOnly || isDisputed(se.event));
    const events = stored.map((se) => se.event);
    if (json) {
      process.stdout.write(`${JSON.stringify(events.map((e) => ({ ...e, flags: dateFlags(e) })), null, 2)}\n`);
      return 0;
    }
    if (!events.length) {
      process.stdout.write(disputedOnly ? 'no disputed events\n' : 'no launch events stored yet (run `salvo ingest <files>`)\n');
      return 0;
    }
    const rows = stored.map((se) => (disputedOnly ? [...eventRow(se.event, se.languages), disputeText(se.event)] : eventRow(se.event, se.languages)));
    process.stdout.write(`${table([disputedOnly ? [...EVENT_HEADER, 'disputed'] : EVENT_HEADER, ...rows])}\n`);
    process.stdout.write(`${TABLE_LEGEND}\n`);
    for (const e of events) for (const flag of dateFlags(e)) process.stdout.write(`FLAGGED ${e.id} ${flag.field}: ${flag.reason}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
