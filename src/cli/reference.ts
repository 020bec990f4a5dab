import { referenceDaysBetween } from '../resolve/reference.js';
import { openDb } from './open.js';

/**
 * `salvo reference`: for a period, the reference list's launch days with and without a stored event, and the
 * stored North Korean events with no reference entry (new, unlisted, or not yet in the list).
 */
export async function referenceCommand(db: string | undefined, opts: { from?: string; to?: string; json?: boolean }): Promise<number> {
  const day = /^\d{4}-\d\d-\d\d$/;
  for (const [name, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
    if (v !== undefined && !day.test(v)) {
      process.stderr.write(`salvo: ${name} must be a date like 2025-05-08, not "${v}"\n`);
      return 2;
    }
  }
  const store = await openDb(db, { mustExist: true });
  try {
    const events = (await store.listEvents()).filter((e) => e.actor === 'DPRK');
    const dated = events.filter((e) => e.dateLocal);
    const from = opts.from ?? dated[0]?.dateLocal ?? '1984-01-01';
    const to = opts.to ?? dated[dated.length - 1]?.dateLocal ?? '2100-01-01';
    const days = referenceDaysBetween(from, to);
    const byDay = new Map(events.filter((e) => e.reference).map((e) => [e.reference?.dateKst, e]));
    const missing = days.filter((d) => !byDay.has(d.dayKst));
    const matched = days.filter((d) => byDay.has(d.dayKst));
    const unlisted = events.filter((e) => !e.reference && (!e.dateLocal || (e.dateLocal >= from && e.dateLocal <= to)));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ from, to, matched: matched.map((d) => ({ day: d.dayKst, event: byDay.get(d.dayKst)?.id })), missing: missing.map((d) => ({ day: d.dayKst, flights: d.flights.length })), unlisted: unlisted.map((e) => e.id) }, null, 2)}\n`);
      return 0;
    }
    const out = [`Reference list ${from} … ${to} (KST): ${days.length} launch days, ${matched.length} with a stored event.`];
    if (missing.length) {
      out.push('', 'Reference launch days with no reported event:');
      for (const d of missing) out.push(`  ${d.dayKst}  ${d.flights.length} flight(s)  ${[...new Set(d.flights.map((f) => f.missileName ?? '?'))].join(', ')}  ${d.flights[0]?.facility ?? ''}`);
    }
    if (unlisted.length) {
      out.push('', 'Events with no reference entry (new or unlisted):');
      for (const e of unlisted) out.push(`  ${e.id}  ${e.dateLocal ?? 'undated'}  ${e.articleIds.length} report(s)`);
    }
    out.push('', 'Reference data: CNS North Korea Missile Test Database (NTI), via nagix/nk-missile-tests (Apache-2.0).');
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
