// Event exports: CSV with the CNS database's columns, GeoJSON for GIS tools, an Atom feed for readers.
import type { Alert, Store, StoredEvent } from '../store/store.js';
import type { Article } from '../types.js';
import { directionSentences, estimateImpact } from './impact.js';
import { eventSummary, utcTime } from './views.js';

export const CSV_COLUMNS = [
  'date', 'launch time UTC', 'missile name', 'type', 'facility', 'latitude', 'longitude', 'landing location',
  'apogee', 'distance', 'confirmation', 'sources',
] as const;

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const OFFICIAL = /\b(?:Joint Chiefs|JCS|Ministry|ministry|Defen[cs]e|military|Cabinet|Coast Guard|coast guard|INDOPACOM|government)\b/;

interface EventSources {
  articles: (Article | null)[];
  saidBy: string[];
}

async function sourcesOf(store: Store, ev: StoredEvent['event']): Promise<EventSources & { sentences: string[] }> {
  const articles = await Promise.all(ev.articleIds.map((id) => store.getArticle(id)));
  const extractions = await Promise.all(ev.articleIds.map((id) => store.getExtraction(id)));
  const saidBy = [...new Set(extractions.flatMap((x) => x?.claims.map((c) => c.saidBy ?? '') ?? []).filter(Boolean))];
  return { articles, saidBy, sentences: directionSentences(articles, extractions) };
}

/**
 * Confirmed when two or more independent reports carry the event, or an official body (a military, a
 * ministry, a coast guard) is quoted; else unconfirmed.
 */
function confirmation(reports: number, saidBy: string[]): string {
  return reports >= 2 || saidBy.some((s) => OFFICIAL.test(s)) ? 'Confirmed' : 'Unconfirmed';
}

export async function eventsCsv(store: Store, events: StoredEvent[]): Promise<string> {
  const lines = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const se of events) {
    const s = eventSummary(se);
    const src = await sourcesOf(store, se.event);
    const impact = estimateImpact(se.event, src.sentences);
    const sources = src.articles.map((a) => a?.url ?? [a?.source, a?.title].filter(Boolean).join(': ')).filter(Boolean);
    lines.push(
      [
        s.dateLocal,
        utcTime(s.actor, s.dateLocal, s.timeLocal),
        s.name,
        s.class,
        s.siteName,
        impact?.site.lat ?? null,
        impact?.site.lon ?? null,
        s.landing,
        s.apogeeKm,
        s.distanceKm,
        confirmation(s.reports, src.saidBy),
        sources.join(' | '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function eventsGeoJson(store: Store, events: StoredEvent[], base: string): Promise<Record<string, unknown>> {
  const features: Record<string, unknown>[] = [];
  for (const se of events) {
    const s = eventSummary(se);
    const src = await sourcesOf(store, se.event);
    const impact = estimateImpact(se.event, src.sentences);
    const props = { ...s, url: `${base}/#/event/${encodeURIComponent(s.id)}` };
    if (!impact) {
      features.push({ type: 'Feature', id: s.id, geometry: null, properties: { ...props, kind: 'event' } });
      continue;
    }
    features.push({
      type: 'Feature',
      id: s.id,
      geometry: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [impact.point.lon, impact.point.lat] },
          { type: 'Point', coordinates: [impact.site.lon, impact.site.lat] },
          { type: 'LineString', coordinates: impact.path },
          { type: 'Polygon', coordinates: [[...impact.region].reverse()] }, // RFC 7946: exterior rings counter-clockwise
        ],
      },
      properties: {
        ...props,
        kind: 'event',
        impact: { point: impact.point, site: impact.site, bearing: impact.bearing, distance: impact.distance },
      },
    });
  }
  return {
    type: 'FeatureCollection',
    // Geometries per feature: the estimated impact point, the launch site, the flight path, the uncertainty area.
    features,
  };
}

const xml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** An alert as an Atom entry: the same id, title and facts as the webhook payload. */
function alertEntry(a: Alert, base: string): string {
  const p = a.payload;
  const facts = p.kind === 'disputed' ? p.disputed.map((f) => `${f} disputed`) : p.changes.map((c) => `${c.field}: ${c.from === null ? '' : `${String(c.from)} → `}${c.to === null ? '—' : String(c.to)}`);
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

export function eventsAtom(store: Store, events: StoredEvent[], base: string, alerts: Alert[] = []): string {
  const updated = [...events.map((e) => e.updatedAt), ...alerts.map((a) => a.createdAt)].reduce((m, t) => (t > m ? t : m), '1970-01-01T00:00:00.000Z');
  const entries = events.map((se) => {
    const s = eventSummary(se);
    const kind = [s.class, s.name].filter(Boolean).join(' ') || 'missile';
    const title = `${s.actor ?? 'Unknown actor'}: ${s.count} ${kind} launch${s.dateLocal ? ` on ${s.dateLocal}` : ''}${s.siteName ? ` from ${s.siteName}` : ''}`;
    const facts = [
      s.timeLocal && `time ${s.timeLocal} local`,
      s.distanceKm !== null && `distance ${s.distanceKm} km`,
      s.apogeeKm !== null && `apogee ${s.apogeeKm} km`,
      s.landing && `landing ${s.landing}`,
      `${s.reports} report${s.reports === 1 ? '' : 's'}`,
      s.disputed.length ? `sources disagree on ${s.disputed.join(', ')}` : '',
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
