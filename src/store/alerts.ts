// Alerts (issue 7) are derived from event versions as they are written: version 1 of an event is a new event,
// a later version a changed field, and a field whose independent sources start to disagree a dispute. The
// alert id is the event and version (plus the disputed fields), so a write can never produce one twice and a
// delivery log keyed by (alert, webhook) delivers each change once.
import type { FieldChange, FieldName, FieldValue, LaunchEvent } from '../types.js';
import { FIELD_NAMES } from '../types.js';

export type AlertKind = 'new-event' | 'field-changed' | 'disputed';

/** The JSON an alert carries (and each webhook receives). */
export interface AlertPayload {
  id: string;
  kind: AlertKind;
  eventId: string;
  version: number;
  createdAt: string;
  /** One line for people ("DPRK launch on 2034-06-02: distance_km 410 → 420"). */
  title: string;
  event: {
    id: string;
    actor: string | null;
    dateLocal: string | null;
    reports: number;
    fields: Record<FieldName, FieldValue | null>;
    disputed: FieldName[];
  };
  /** The changes of this version (for a new event: the values it starts with). */
  changes: FieldChange[];
  /** The fields that became disputed (kind 'disputed'). */
  disputed: FieldName[];
}

export interface Alert {
  /** Order of creation, 1, 2, … */
  seq: number;
  id: string;
  kind: AlertKind;
  eventId: string;
  version: number;
  createdAt: string;
  payload: AlertPayload;
}

/** One delivery of an alert to a webhook. */
export interface Delivery {
  alertId: string;
  webhookUrl: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttempt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

const fmt = (v: FieldValue | null): string => (v === null ? '—' : String(v));

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
    const what = changes
      .filter((c) => c.field !== 'dateLocal' || kind !== 'new-event')
      .map((c) => (kind === 'new-event' ? `${c.field} ${fmt(c.to)}` : `${c.field} ${fmt(c.from)} → ${fmt(c.to)}`))
      .join(', ');
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
        title: `Disputed: ${who}: sources disagree on ${disputed.map((f) => `${f} (${after.fields[f].candidates.map((c) => fmt(c.value)).join(' vs ')})`).join(', ')}`,
        event,
        changes,
        disputed,
      });
    }
  }
  return out;
}
