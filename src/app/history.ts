// Event history as data: given an event as stored before a report arrived and as the resolver left it after,
// what changed (a new version: each value that moved, with the arriving report's claim stating it) and which
// alerts that raises (a new event, a changed value, a field whose sources start to disagree). Pure functions:
// the caller reads the previous state from the store and hands the result to `Store.saveArticle`.
//
// An alert's id is the event and version (plus the disputed fields), so a write can never produce one twice
// and a delivery log keyed by (alert, webhook) delivers each change once.
import type { AlertKind, AlertPayload } from '../store/store.js';
import type { EventVersion, Extraction, FieldChange, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';
import { changeText, FIELD_LABELS, valueText } from './labels.js';

/** An event as stored before a write: its state (null when new) and its newest version number (0 when none). */
export interface PriorEvent {
  event: LaunchEvent | null;
  lastVersion: number;
}

/**
 * What changed from the stored version of an event to the new one: each field whose chosen value differs (and
 * the date), with the claim of the arriving article that states the new value, if it states it.
 */
export function eventChanges(before: LaunchEvent | null, after: LaunchEvent, articleId: string, extraction: Extraction): FieldChange[] {
  const changes: FieldChange[] = [];
  const claimIndexFor = (f: FieldName, value: FieldValue | null): number | null => {
    const c = extraction.fields[f];
    return c && value !== null && c.value === value ? extraction.claims.indexOf(c) : null;
  };
  if ((before?.dateLocal ?? null) !== after.dateLocal) {
    changes.push({ field: 'dateLocal', from: before?.dateLocal ?? null, to: after.dateLocal, articleId, claimIndex: claimIndexFor('date_local', after.dateLocal) });
  }
  for (const f of FIELD_NAMES) {
    const from = before?.fields[f]?.value ?? null;
    const to = after.fields[f]?.value ?? null;
    if (from !== to) changes.push({ field: f, from, to, articleId, claimIndex: claimIndexFor(f, to) });
  }
  return changes;
}

function eventPart(ev: LaunchEvent): AlertPayload['event'] {
  return {
    id: ev.id,
    actor: ev.actor,
    dateLocal: ev.dateLocal,
    reports: ev.articleIds.length,
    fields: Object.fromEntries(FIELD_NAMES.map((f) => [f, ev.fields[f]?.value ?? null])) as Record<FieldName, FieldValue | null>,
    disputed: FIELD_NAMES.filter((f) => ev.fields[f]?.disputed),
  };
}

/**
 * The alerts for one event write: `version` is the version just written (null when the write changed no value),
 * `lastVersion` the event's newest version otherwise.
 */
export function alertsForWrite(
  before: LaunchEvent | null,
  after: LaunchEvent,
  changes: FieldChange[],
  version: number | null,
  lastVersion: number,
  createdAt: string,
): AlertPayload[] {
  const out: AlertPayload[] = [];
  const event = eventPart(after);
  const who = `${after.actor ?? 'Unknown actor'} launch${after.dateLocal ? ` on ${after.dateLocal}` : ''}`;
  if (version !== null) {
    const kind: AlertKind = version === 1 || before === null ? 'new-event' : 'field-changed';
    // Readable: "Distance revised to 600 km (was 500 km)", or a new event's values by name ("Landing: Pacific Ocean").
    const what = changes
      .filter((c) => c.field !== 'dateLocal' || kind !== 'new-event')
      .map((c) => (kind === 'new-event' ? `${FIELD_LABELS[c.field]}: ${valueText(c.field, c.to)}` : changeText(c)))
      .join(kind === 'new-event' ? ', ' : '; ');
    out.push({
      id: `${after.id}#${version}`,
      kind,
      eventId: after.id,
      version,
      createdAt,
      title: kind === 'new-event' ? `New event: ${who}${what ? ` (${what})` : ''}` : `Changed: ${who}: ${what}`,
      event,
      changes,
      disputed: [],
    });
  }
  if (before !== null) {
    const disputed = FIELD_NAMES.filter((f) => after.fields[f]?.disputed && !before.fields[f]?.disputed);
    if (disputed.length) {
      const v = version ?? lastVersion;
      out.push({
        id: `${after.id}#${v}:disputed:${disputed.join(',')}`,
        kind: 'disputed',
        eventId: after.id,
        version: v,
        createdAt,
        title: `Disputed: ${who}: sources disagree on ${disputed.map((f) => `${FIELD_LABELS[f].toLowerCase()} (${after.fields[f].candidates.map((c) => valueText(f, c.value)).join(' vs ')})`).join(', ')}`,
        event,
        changes,
        disputed,
      });
    }
  }
  return out;
}

/**
 * The versions and alerts one article's write causes: for each changed event (in order; emptied, merged-away
 * events cause none) a new version when a value moved, and its alerts. `prior` holds each event's stored state.
 */
export function historyOfWrite(write: {
  prior: ReadonlyMap<string, PriorEvent>;
  events: LaunchEvent[];
  extraction: Extraction;
  at: string;
}): { versions: EventVersion[]; alerts: AlertPayload[] } {
  const versions: EventVersion[] = [];
  const alerts: AlertPayload[] = [];
  const articleId = write.extraction.articleId;
  for (const after of write.events) {
    if (after.articleIds.length === 0) continue;
    const { event: before, lastVersion } = write.prior.get(after.id) ?? { event: null, lastVersion: 0 };
    const changes = eventChanges(before, after, articleId, write.extraction);
    const version = changes.length ? lastVersion + 1 : null;
    if (version !== null) versions.push({ eventId: after.id, version, createdAt: write.at, articleId, changes });
    alerts.push(...alertsForWrite(before, after, changes, version, lastVersion, write.at));
  }
  return { versions, alerts };
}
