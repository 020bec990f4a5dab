// Timeline: news-derived events over the bundled reference list, with filters and a chart per year or month.
import { getJson, type EventSummary, type ReferenceLaunch } from '../api.js';
import { classColour, filterParams, filterReference, filtersFrom, LANGUAGE_NAMES, referenceLaunches, type Filters } from '../data.js';
import { clear, h, languageBadges, s } from '../dom.js';
import type { View } from '../main.js';
import { filterForm } from './filters.js';

interface Row {
  date: string;
  kind: 'news' | 'reference';
  event?: EventSummary;
  ref?: ReferenceLaunch;
}

const PAGE = 200;

export async function timelineView(main: HTMLElement, params: URLSearchParams): Promise<View> {
  const f = filtersFrom(params);
  const by = params.get('by') === 'month' ? 'month' : 'year';
  const form = await filterForm('', f);
  const chart = h('section', { class: 'chart', 'aria-label': 'Launches per period by class' });
  const list = h('section', { class: 'timeline', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', id: 'timeline-status' });
  main.replaceChildren(h('h1', {}, 'Launch timeline'), form, chart, status, list);

  async function load(): Promise<void> {
    const [events, stats, ref] = await Promise.all([
      getJson<{ total: number; events: EventSummary[] }>('/api/events', { ...filterParams(f), limit: PAGE, order: 'desc' }),
      getJson<{ counts: { period: string; class: string | null; count: number }[] }>('/api/stats', { ...filterParams(f), by }),
      referenceLaunches(),
    ]);
    const refs = filterReference(ref.launches, f);
    drawChart(chart, by, f, stats.counts, refs);
    const rows: Row[] = [
      ...events.events.map((e): Row => ({ date: e.dateLocal ?? '9999', kind: 'news', event: e })),
      ...refs.map((r): Row => ({ date: r.dateUtc, kind: 'reference', ref: r })),
    ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.kind === 'news' ? -1 : 1));
    status.textContent = `${events.total} news-derived event${events.total === 1 ? '' : 's'}${events.total > PAGE ? ` (newest ${PAGE} shown)` : ''} and ${refs.length} reference launches (CNS/NTI).`;
    clear(list, renderRows(rows));
  }
  await load();
  return { refresh: () => void load() };
}

function renderRows(rows: Row[]): HTMLElement {
  const table = h('table', { class: 'events' },
    h('caption', { class: 'sr-only' }, 'Launches, newest first'),
    h('thead', {}, h('tr', {}, ['Date', 'Source', 'Class / missile', 'Site', 'Count', 'Distance', 'Apogee', 'Reports', 'Languages'].map((t) => h('th', { scope: 'col' }, t)))),
  );
  const body = h('tbody');
  for (const r of rows) {
    if (r.event) {
      const e = r.event;
      body.append(h('tr', { class: 'news', 'data-event': e.id },
        h('td', {}, h('a', { href: `#/event/${encodeURIComponent(e.id)}` }, e.dateLocal ?? 'undated')),
        h('td', {}, h('span', { class: 'badge news' }, 'news'), ' ', e.actor ?? ''),
        h('td', {}, swatch(e.class), [e.class, e.name].filter(Boolean).join(' ') || '–'),
        h('td', {}, e.siteName ?? '–'),
        h('td', {}, e.count),
        h('td', {}, km(e.distanceKm, e.disputed.includes('distance_km'))),
        h('td', {}, km(e.apogeeKm, e.disputed.includes('apogee_km'))),
        h('td', {}, String(e.reports)),
        h('td', { class: 'languages' }, languageBadges(e.languages, LANGUAGE_NAMES)),
      ));
    } else if (r.ref) {
      const x = r.ref;
      body.append(h('tr', { class: 'reference' },
        h('td', {}, x.dateUtc),
        h('td', {}, h('span', { class: 'badge ref', title: 'CNS/NTI North Korea Missile Test Database' }, 'CNS/NTI'), ' DPRK'),
        h('td', {}, swatch(x.class), [x.class, x.missileName].filter(Boolean).join(' ') || '–'),
        h('td', {}, x.facility ?? '–'),
        h('td', {}, '1'),
        h('td', {}, km(x.distanceKm, false)),
        h('td', {}, km(x.apogeeKm, false)),
        h('td', {}, x.outcome ?? ''),
        h('td', {}, '–'),
      ));
    }
  }
  table.append(body);
  return h('div', { class: 'scroll' }, table);
}

const km = (v: number | null, disputed: boolean): string => (v === null ? '–' : `${v} km${disputed ? ' *' : ''}`);
const swatch = (c: string | null): SVGElement =>
  s('svg', { width: 10, height: 10, class: 'swatch', 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: classColour(c) }));

function drawChart(el: HTMLElement, by: 'year' | 'month', f: Filters, news: { period: string; class: string | null; count: number }[], refs: ReferenceLaunch[]): void {
  const counts = new Map<string, Map<string, number>>();
  const add = (period: string, cls: string | null, n: number): void => {
    const m = counts.get(period) ?? new Map<string, number>();
    m.set(cls ?? 'unknown', (m.get(cls ?? 'unknown') ?? 0) + n);
    counts.set(period, m);
  };
  for (const c of news) add(c.period, c.class, c.count);
  for (const r of refs) {
    const p = by === 'year' ? r.dateUtc.slice(0, 4) : r.dateUtc.slice(0, 7);
    if (p.length === (by === 'year' ? 4 : 7)) add(p, r.class, 1);
  }
  const periods = [...counts.keys()].sort();
  // Every year (or month) between the first and the last, so gaps show as gaps.
  if (periods.length > 1) {
    const all: string[] = [];
    let [y, m] = periods[0].split('-').map(Number);
    const last = periods[periods.length - 1];
    for (;;) {
      const p = by === 'year' ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
      all.push(p);
      if (p >= last || all.length > 2000) break;
      if (by === 'year') y++;
      else if (++m > 12) [y, m] = [y + 1, 1];
    }
    periods.splice(0, periods.length, ...all);
  }
  const classes = [...new Set(periods.flatMap((p) => [...(counts.get(p)?.keys() ?? [])]))].sort();
  const max = Math.max(1, ...periods.map((p) => [...(counts.get(p)?.values() ?? [])].reduce((a, b) => a + b, 0)));
  const W = 900;
  const H = 180;
  const barW = periods.length ? Math.max(1, (W - 40) / periods.length) : 10;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 24}`, class: 'chart-svg', role: 'img', 'aria-label': `Launches per ${by} by class, ${periods[0] ?? ''}–${periods.at(-1) ?? ''}` });
  svg.append(s('line', { x1: 30, x2: W, y1: H, y2: H, class: 'axis' }));
  svg.append(s('text', { x: 0, y: 12, class: 'tick' }, String(max)));
  svg.append(s('text', { x: 0, y: H, class: 'tick' }, '0'));
  periods.forEach((p, i) => {
    let y = H;
    const x = 35 + i * barW;
    for (const c of classes) {
      const n = counts.get(p)?.get(c) ?? 0;
      if (!n) continue;
      const bh = (n / max) * (H - 10);
      y -= bh;
      svg.append(s('rect', { x, y, width: Math.max(1, barW - 1), height: bh, fill: classColour(c === 'unknown' ? null : c) }, s('title', {}, `${p}: ${n} ${c}`)));
    }
    const every = Math.ceil(periods.length / 12);
    if (i % every === 0) svg.append(s('text', { x, y: H + 16, class: 'tick' }, p));
  });
  const q = new URLSearchParams(Object.entries({ ...f, by: by === 'year' ? 'month' : 'year' }).filter(([, v]) => v) as [string, string][]);
  clear(el,
    h('div', { class: 'chart-head' },
      h('h2', {}, `Launches per ${by}, by class`),
      h('a', { href: `#/?${q.toString()}`, class: 'button-link' }, `Show per ${by === 'year' ? 'month' : 'year'}`),
    ),
    svg,
    h('ul', { class: 'legend' }, classes.map((c) => h('li', {}, s('svg', { width: 10, height: 10, 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: classColour(c === 'unknown' ? null : c) })), ` ${c}`))),
  );
}
