// Download buttons for the stored events in every export the API serves, with the view's filters applied.
import { API_PAGE } from '../../../src/settings.js';
import { h } from '../dom.js';

const FORMATS: { label: string; path: string; file: string; title: string; extra?: Record<string, string> }[] = [
  { label: 'CSV', path: '/api/events.csv', file: 'salvo-events.csv', title: 'One row per event: date, time, site, missile, distance, apogee, sources' },
  {
    label: 'CSV (CNS columns)', path: '/api/events.csv', file: 'salvo-events-cns.csv', extra: { columns: 'cns' },
    title: 'The CNS North Korea Missile Test Database column names and order, one row per event',
  },
  { label: 'GeoJSON', path: '/api/events.geojson', file: 'salvo-events.geojson', title: 'Per event: impact point, launch site, flight path and uncertainty area' },
  { label: 'Atom', path: '/api/events.atom', file: 'salvo-events.atom', title: 'A feed of the events and their revisions, for a feed reader' },
  { label: 'JSON Lines', path: '/api/events.jsonl', file: 'salvo-events.jsonl', title: 'One event per line with every field value' },
  { label: 'JSON', path: '/api/events', file: 'salvo-events.json', title: `The event list as the API gives it (up to ${API_PAGE.events.max} events)` },
];

/** A row of download links; `params` are the view's filters (empty values left out). */
export function downloadLinks(params: Record<string, string | undefined>): HTMLElement {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return h('nav', { class: 'downloads', 'aria-label': 'Download the events' },
    h('span', { class: 'muted' }, 'Download events:'),
    FORMATS.map((f) => {
      const query = new URLSearchParams(q);
      if (f.label === 'JSON') query.set('limit', String(API_PAGE.events.max));
      for (const [k, v] of Object.entries(f.extra ?? {})) query.set(k, v);
      const qs = query.toString();
      return h('a', { href: `${f.path}${qs ? `?${qs}` : ''}`, download: f.file, class: 'button-link download', 'data-format': f.label, title: f.title }, f.label);
    }),
  );
}
