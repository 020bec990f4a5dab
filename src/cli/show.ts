// `salvo show <id>`: one event's fields, the quoted sentences behind each value, copies, the reference entry.
import { countText, eventDetail } from '../app/event-view.js';
import { openDb } from '../app/open.js';
import type { EventVersion } from '../types.js';
import { FIELD_NAMES } from '../types.js';


const short = (id: string): string => id.slice(0, 12);

function historyLines(history: EventVersion[]): string[] {
  const out = ['', `History (${history.length} version${history.length === 1 ? '' : 's'}):`];
  for (const v of history) {
    out.push(`  v${v.version}  ${v.createdAt}  after article ${v.articleId ? short(v.articleId) : '?'}`);
    for (const c of v.changes) {
      out.push(`      ${c.field}: ${c.from === null ? '–' : String(c.from)} → ${c.to === null ? '–' : String(c.to)}${c.claimIndex !== null ? ` (claim ${c.claimIndex})` : ''}`);
    }
  }
  return out;
}

/** `salvo show <id>`: each field, its value, the quoted sentences that state it, who said them, copies, reference. */
export async function showCommand(db: string | undefined, id: string, json: boolean, history = false): Promise<number> {
  const store = await openDb(db, { mustExist: true });
  try {
    const ev = (await store.getEvent(id)) ?? (await store.findEvent(id));
    if (!ev) {
      process.stderr.write(`salvo: no event with id ${id} (see \`salvo events\`)\n`);
      return 1;
    }
    const d = await eventDetail(store, ev);
    const versions = history ? await store.eventHistory(ev.id) : [];
    if (json) {
      process.stdout.write(`${JSON.stringify(history ? { ...d, history: versions } : d, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [];
    let dating: string | undefined;
    for (const articleId of ev.articleIds) {
      dating ??= (await store.getExtraction(articleId))?.dateWindow?.by.join(', ');
    }
    out.push(`Event ${ev.id}  actor ${ev.actor ?? '?'}  date ${ev.dateLocal ?? '?'}${ev.reference?.dateInferred ? ` (inferred from the reference list${dating ? `; reports dated by ${dating}` : ''})` : ''}  count ${countText(ev)}  reports ${ev.articleIds.length}  languages ${d.languages.join(' ') || '?'}`);
    for (const a of d.articles) {
      out.push(`  article ${short(a.id)}  [${a.language ?? '?'}]  ${a.outlet ?? '?'}  ${a.headline}`);
      if (a.copyOf) out.push(`      ${a.copyOf.kind} of ${short(a.copyOf.originalId)} (similarity ${a.copyOf.similarity.toFixed(2)}): ${a.copyOf.reason}`);
      else if (a.closest) out.push(`      not a copy; closest ${short(a.closest.articleId)}: ${a.closest.kind}, similarity ${a.closest.similarity.toFixed(2)} (${a.closest.reason})`);
    }
    for (const flag of d.flags) out.push(`  FLAGGED ${flag.field}: ${flag.reason}`);
    const ref = ev.reference;
    if (ref) {
      out.push(`  reference list: ${ref.dateUtc} UTC, ${ref.flights} flight(s)${ref.missiles.length ? `, ${ref.missiles.join(', ')}` : ''}${ref.facility ? `, ${ref.facility}` : ''}${ref.distanceKm !== null ? `, ${ref.distanceKm} km` : ''}${ref.apogeeKm !== null ? `, apogee ${ref.apogeeKm} km` : ''}`);
      for (const diff of ref.differences) out.push(`      differs on ${diff.field}: reports say ${String(diff.event)}, reference list says ${String(diff.reference)}`);
    } else if (ev.actor === 'DPRK') {
      out.push('  reference list: no matching entry (a new or unlisted launch)');
    }
    for (const f of FIELD_NAMES) {
      const field = ev.fields[f];
      const refDiff = ref?.differences.find((x) => x.field === f);
      out.push('');
      out.push(`${f}: ${field.value === null ? '–' : String(field.value)}${field.confidence ? `  (confidence ${field.confidence.toFixed(2)})` : ''}${field.disputed ? '   SOURCES DISAGREE' : ''}${refDiff ? `   reference list: ${String(refDiff.reference)}` : ''}`);
      for (const c of d.fields[f].candidates) {
        if (field.candidates.length > 1) out.push(`  candidate ${String(c.value)}: ${c.reports} report${c.reports === 1 ? '' : 's'}, weight ${c.weight ?? '?'}, independent sources: ${c.sources.join(', ') || '–'}`);
        for (const cl of c.claims) {
          out.push(`    “${cl.sentence}”`);
          const notes = [cl.implied ? 'partly implied' : '', cl.copyOf ? `copy of ${short(cl.copyOf)}` : '', cl.superseded ? 'superseded by a later statement' : ''].filter(Boolean).join(', ');
          out.push(`      — ${cl.saidBy ?? 'unattributed'}; article ${short(cl.articleId)} (${cl.outlet ?? '?'}), ${cl.part} chars ${cl.span.start}–${cl.span.end} “${cl.quote}”, confidence ${cl.confidence.toFixed(2)}${notes ? `; ${notes}` : ''}`);
        }
      }
    }
    if (history) out.push(...historyLines(versions));
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
