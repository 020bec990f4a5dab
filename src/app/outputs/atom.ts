// An Atom feed of events for feed readers, with the newest alerts as entries of their own.
import type { Alert, StoredEvent } from '../../store/store.js';
import { eventSummary } from '../event-view.js';
import { changeText, FIELD_LABELS } from '../labels.js';
import type { Output } from './output.js';
import { ATOM_ALERTS } from '../../settings.js';

const xml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** An alert as an Atom entry: the same id, title and facts as the webhook payload. */
function alertEntry(a: Alert, base: string): string {
  const p = a.payload;
  const facts = p.kind === 'disputed' ? p.disputed.map((f) => `${FIELD_LABELS[f]} disputed`) : p.changes.map(changeText);
  return [
    '  <entry>',
    `    <id>${xml(`urn:salvo:alert:${a.id}`)}</id>`,
    `    <title>${xml(p.title)}</title>`,
    `    <updated>${xml(a.createdAt)}</updated>`,
    `    <category term="${xml(a.kind)}"/>`,
    `    <link rel="alternate" type="text/html" href="${xml(`${base}/#/event/${encodeURIComponent(a.eventId)}`)}"/>`,
    `    <summary>${xml(facts.join('; '))}</summary>`,
    '  </entry>',
  ].join('\n');
}

export const atom: Output = {
  name: 'atom',
  mediaType: 'application/atom+xml',
  extension: 'atom',
  download: false,
  description: `an Atom feed; also carries the newest ${ATOM_ALERTS} alerts (new event, changed value, new disagreement), as sent to webhooks by \`salvo watch\``,
  async render({ store, events, base }) {
    return feed(events, base, await store.listAlerts({ limit: ATOM_ALERTS, newestFirst: true }));
  },
};

function feed(events: StoredEvent[], base: string, alerts: Alert[]): string {
  const updated = [...events.map((e) => e.updatedAt), ...alerts.map((a) => a.createdAt)].reduce((m, t) => (t > m ? t : m), '1970-01-01T00:00:00.000Z');
  const entries = events.map((se) => {
    const s = eventSummary(se);
    const kind = [s.class, s.name].filter(Boolean).join(' ') || 'missile';
    const title = `${s.actor ?? 'Unknown actor'}: ${s.count} ${kind} launch${s.dateLocal ? ` on ${s.dateLocal}` : ''}${s.siteName ? ` from ${s.siteName}` : ''}`;
    const facts = [
      s.launch.timeLocal && s.launch.text && `launched ${s.launch.text}`,
      s.distanceKm !== null && `distance ${s.distanceKm} km`,
      s.apogeeKm !== null && `apogee ${s.apogeeKm} km`,
      s.landingName && `landing: ${s.landingName}`,
      `${s.reports} report${s.reports === 1 ? '' : 's'}`,
      s.disputed.length ? `sources disagree on ${s.disputed.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}` : '',
    ].filter(Boolean);
    const link = `${base}/#/event/${encodeURIComponent(s.id)}`;
    return [
      '  <entry>',
      `    <id>${xml(`${base}/api/events/${encodeURIComponent(s.id)}`)}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <updated>${xml(se.updatedAt)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <summary>${xml(facts.join('; '))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${base}/api/events.atom`)}</id>`,
    '  <title>Salvo: missile launch events</title>',
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" href="${xml(`${base}/api/events.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${base}/`)}"/>`,
    '  <author><name>Salvo</name></author>',
    ...alerts.map((a) => alertEntry(a, base)),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
