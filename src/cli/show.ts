// `salvo show <id>`: one event, concise by default: a head line (when, on the named clock and in UTC), its
// reports one line each, the reference entry, and each field with its value, agreement and sources on one line.
// `--evidence` adds the quoted sentences with who said them and how each value was read ("“2310 GMT Wednesday” →
// 08:10 KST"). "confidence" is always the extractor's confidence in a claim; "agreement" the share of the
// independent sources behind a field's value.
import { countText } from '../app/event-facts.js';
import { eventDetail, type EventDetail } from '../app/event-view.js';
import { FIELD_LABELS, valueText } from '../app/labels.js';
import { launchMoment } from '../app/launch-time.js';
import { openDb } from '../app/open.js';
import type { EventVersion, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';

const short = (id: string): string => id.slice(0, 12);
const VALUE_WIDTH = 36;
const AGREEMENT_WIDTH = 11;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function historyLines(history: EventVersion[]): string[] {
  const out = ['', `History (${history.length} version${history.length === 1 ? '' : 's'}):`];
  for (const v of history) {
    out.push(`  v${v.version}  ${v.createdAt}  after article ${v.articleId ? short(v.articleId) : '?'}`);
    for (const c of v.changes) {
      out.push(`      ${FIELD_LABELS[c.field]}: ${valueText(c.field, c.from)} → ${valueText(c.field, c.to)}${c.claimIndex !== null ? ` (claim ${c.claimIndex})` : ''}`);
    }
  }
  return out;
}

/** A value as read, with its clock for dates and times: "08:10 KST", "Thursday 2034-05-16 (KST)". */
function readAs(field: FieldName, value: FieldValue, zone: string): string {
  if (field === 'time_local') return `${String(value)} ${zone}`;
  if (field === 'date_local' && typeof value === 'string') return `${WEEKDAYS[new Date(`${value}T00:00:00Z`).getUTCDay()]} ${value} (${zone})`;
  return valueText(field, value);
}

/** One line per field: label, value (with * when disputed), agreement, the independent sources behind it. */
function fieldLine(ev: LaunchEvent, d: EventDetail, f: FieldName, zone: string): string {
  const field = ev.fields[f];
  const chosen = d.fields[f].candidates.find((c) => c.value === field.value);
  const value = field.value === null ? '–' : `${readAs(f, field.value, zone)}${field.disputed ? ' *' : ''}`;
  const agreement = field.agreement !== undefined && field.value !== null ? field.agreement.toFixed(2) : '';
  const sources = chosen ? [...new Set(chosen.claims.map((c) => c.saidBy ?? c.outlet ?? '?'))].join(', ') : '';
  const others = field.disputed ? `; also ${d.fields[f].candidates.filter((c) => c.value !== field.value).map((c) => readAs(f, c.value, zone)).join(', ')}` : '';
  const refDiff = ev.reference?.differences.find((x) => x.field === f);
  return `  ${FIELD_LABELS[f].padEnd(14)}${`${value}  `.padEnd(VALUE_WIDTH)}${agreement.padEnd(AGREEMENT_WIDTH)}${sources}${others}${refDiff ? `; reference list: ${valueText(f, refDiff.reference)}` : ''}`.trimEnd();
}

/** The quoted sentences behind each value, who said them, and how each value was read. */
function evidenceLines(ev: LaunchEvent, d: EventDetail, zone: string): string[] {
  const out: string[] = [];
  for (const f of FIELD_NAMES) {
    const candidates = d.fields[f].candidates;
    if (!candidates.length) continue;
    out.push('', `${FIELD_LABELS[f]}: ${ev.fields[f].value === null ? '–' : readAs(f, ev.fields[f].value as FieldValue, zone)}`);
    for (const c of candidates) {
      if (candidates.length > 1) out.push(`  candidate ${readAs(f, c.value, zone)}: ${c.reports} report${c.reports === 1 ? '' : 's'}, weight ${c.weight ?? '?'}, independent sources: ${c.sources.join(', ') || '–'}`);
      for (const cl of c.claims) {
        out.push(`    “${cl.sentence}”`);
        const notes = [cl.implied ? 'partly implied' : '', cl.copyOf ? `copy of ${short(cl.copyOf)}` : '', cl.superseded ? 'superseded by a later statement' : ''].filter(Boolean).join(', ');
        out.push(`      “${cl.quote}” → ${readAs(f, cl.value, zone)} — ${cl.saidBy ?? 'unattributed'}; article ${short(cl.articleId)} (${cl.outlet ?? '?'}), ${cl.part} chars ${cl.span.start}–${cl.span.end}, confidence ${cl.confidence.toFixed(2)}${notes ? `; ${notes}` : ''}`);
      }
    }
  }
  return out;
}

export interface ShowFlags {
  json: boolean;
  history: boolean;
  evidence: boolean;
}

/** `salvo show <id>`: the event, its reports and its fields; with --evidence the quotes; with --history the versions. */
export async function showCommand(db: string | undefined, id: string, flags: ShowFlags): Promise<number> {
  const store = await openDb(db, { mustExist: true });
  try {
    const ev = (await store.getEvent(id)) ?? (await store.findEvent(id));
    if (!ev) {
      process.stderr.write(`salvo: no event with id ${id} (see \`salvo events\`)\n`);
      return 1;
    }
    const d = await eventDetail(store, ev);
    const versions = flags.history ? await store.eventHistory(ev.id) : [];
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(flags.history ? { ...d, history: versions } : d, null, 2)}\n`);
      return 0;
    }
    let dating: string | undefined;
    for (const articleId of ev.articleIds) dating ??= (await store.getExtraction(articleId))?.dateWindow?.by.join(', ');
    const time = typeof ev.fields.time_local.value === 'string' ? ev.fields.time_local.value : null;
    const launch = launchMoment(ev.actor, ev.dateLocal, time);
    const inferred = ev.reference?.dateInferred ? ` (date inferred from the reference list${dating ? `; reports dated by ${dating}` : ''})` : '';
    const out = [
      `Event ${ev.id}  ${ev.actor ?? 'unknown actor'}  ${launch.text ?? 'undated'}${inferred}  count ${countText(ev)}  ${ev.articleIds.length} report${ev.articleIds.length === 1 ? '' : 's'} (${d.languages.join(' ') || '?'})`,
    ];
    for (const a of d.articles) {
      const copy = a.copyOf ? `  [${a.copyOf.kind} of ${short(a.copyOf.originalId)}]` : '';
      out.push(`  report ${short(a.id)}  ${a.published ?? '?'}  ${a.outlet ?? '?'}  ${a.headline}${copy}`);
    }
    for (const flag of d.flags) out.push(`  FLAGGED ${FIELD_LABELS[flag.field]}: ${flag.reason}`);
    const ref = ev.reference;
    if (ref) {
      out.push(`  reference list: ${ref.dateUtc} UTC, ${ref.flights} flight(s)${ref.missiles.length ? `, ${ref.missiles.join(', ')}` : ''}${ref.facility ? `, ${valueText('site', ref.facility)}` : ''}${ref.distanceKm !== null ? `, ${ref.distanceKm} km` : ''}${ref.apogeeKm !== null ? `, apogee ${ref.apogeeKm} km` : ''}`);
    } else if (ev.actor === 'DPRK') {
      out.push('  reference list: no matching entry (a new or unlisted launch)');
    }
    out.push('', `  ${'field'.padEnd(14)}${'value (* sources disagree)'.padEnd(VALUE_WIDTH)}${'agreement'.padEnd(AGREEMENT_WIDTH)}sources`);
    for (const f of FIELD_NAMES) out.push(fieldLine(ev, d, f, launch.zone));
    if (flags.evidence) out.push(...evidenceLines(ev, d, launch.zone));
    else out.push('', 'agreement: share of the independent sources behind the value; `--evidence` for the quoted sentences');
    if (flags.history) out.push(...historyLines(versions));
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
