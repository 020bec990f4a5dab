// Timeline: one row per launch day (a news-derived event and the reference list's flights of the same launch
// together, expandable), dated in Korean time; sortable by any column, filtered by text, paged; a chart of
// one country's missiles per year or month, each launch counted once; download links for the exports.
import { API_PAGE, WEB_TIMELINE_PAGE } from '../../../src/settings.js';
import { getJson, type EventSummary } from '../api.js';
import { classColour, filterParams, filterReference, filtersFrom, LANDING_NAMES, LANGUAGE_NAMES, pageTitle, referenceLaunches, siteName, siteNames, type Filters } from '../data.js';
import { clear, h, languageBadges, s, type Child } from '../dom.js';
import { CLOCK, flightKst, launchDays, missiles, type LaunchDay } from '../launch-days.js';
import type { View } from '../main.js';
import { downloadLinks } from './downloads.js';
import { filterForm } from './filters.js';

/** Events fetched per request while loading them all: the API's largest page. */
const FETCH_PAGE = API_PAGE.events.max;

type Value = string | number | null;
interface Column {
  key: string;
  label: string;
  value: (d: LaunchDay) => Value;
  cell: (d: LaunchDay) => Child;
}

const distinct = <T>(xs: (T | null | undefined)[]): T[] => [...new Set(xs.filter((x): x is T => x !== null && x !== undefined))];
const maxOf = (xs: (number | null)[]): number | null => {
  const ns = xs.filter((x): x is number => x !== null);
  return ns.length ? Math.max(...ns) : null;
};
const km = (v: number | null, disputed = false): string => (v === null ? '–' : `${v} km${disputed ? ' *' : ''}`);
const swatch = (c: string | null): SVGElement =>
  s('svg', { width: 10, height: 10, class: 'swatch', 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: classColour(c) }));

/** "success", "failure", or how many of each when the day's flights differ; null when the list gives none. */
export function outcomeOf(d: LaunchDay): string | null {
  const outs = d.flights.map((f) => f.outcome).filter((o): o is string => o !== null);
  if (!outs.length) return null;
  const counts = distinct(outs).map((o) => [o, outs.filter((x) => x === o).length] as const);
  return counts.length === 1 && d.flights.length === 1 ? counts[0][0] : counts.map(([o, n]) => `${n} ${o}`).join(', ');
}

function columns(names: Map<string, string>): Column[] {
  const ev = (d: LaunchDay): EventSummary | undefined => d.events[0];
  const classes = (d: LaunchDay): string[] => distinct([ev(d)?.class, ...d.flights.map((f) => f.class)]);
  const missileNames = (d: LaunchDay): string[] => distinct([ev(d)?.name, ...d.flights.map((f) => f.missileName)]);
  const site = (d: LaunchDay): string | null => ev(d)?.siteName ?? siteName(names, d.flights.find((f) => f.facility)?.facility ?? null);
  const distance = (d: LaunchDay): number | null => ev(d)?.distanceKm ?? maxOf(d.flights.map((f) => f.distanceKm));
  const apogee = (d: LaunchDay): number | null => ev(d)?.apogeeKm ?? maxOf(d.flights.map((f) => f.apogeeKm));
  const reports = (d: LaunchDay): number => d.events.reduce((n, e) => n + e.reports, 0);
  return [
    {
      key: 'date', label: `Date (${CLOCK.name})`, value: (d) => d.day,
      cell: (d) => [
        d.events.length === 1 ? h('a', { href: `#/event/${encodeURIComponent(d.events[0].id)}` }, d.day ?? 'undated') : (d.day ?? 'undated'),
        d.zoneNote ? h('span', { class: 'badge', title: `local date in ${d.zoneNote}; no time to put it in ${CLOCK.name}` }, `local, ${d.zoneNote}`) : null,
      ],
    },
    { key: 'time', label: `Time (${CLOCK.name})`, value: (d) => d.time, cell: (d) => d.time ?? '–' },
    {
      key: 'source', label: 'Source', value: (d) => (d.events.length ? 1 : 0) + (d.flights.length ? 2 : 0),
      cell: (d) => [
        d.events.length ? h('span', { class: 'badge news' }, 'news') : null,
        d.flights.length ? h('span', { class: 'badge ref', title: 'CNS/NTI North Korea Missile Test Database' }, 'CNS/NTI') : null,
      ],
    },
    { key: 'actor', label: 'Actor', value: (d) => d.actor, cell: (d) => d.actor },
    {
      key: 'class', label: 'Class / missile', value: (d) => [...classes(d), ...missileNames(d)].join(' ') || null,
      cell: (d) => {
        const cs = classes(d);
        const ms = missileNames(d);
        return [swatch(cs[0] ?? null), [cs.join(', '), ms.join(', ')].filter(Boolean).join(' ') || '–'];
      },
    },
    { key: 'site', label: 'Site', value: site, cell: (d) => site(d) ?? '–' },
    { key: 'count', label: 'Missiles', value: missiles, cell: (d) => (d.flights.length ? String(d.flights.length) : (ev(d)?.count ?? '–')) },
    { key: 'distance', label: 'Distance', value: distance, cell: (d) => km(distance(d), ev(d)?.disputed.includes('distance_km')) },
    { key: 'apogee', label: 'Apogee', value: apogee, cell: (d) => km(apogee(d), ev(d)?.disputed.includes('apogee_km')) },
    { key: 'outcome', label: 'Outcome', value: outcomeOf, cell: (d) => outcomeOf(d) ?? '–' },
    { key: 'reports', label: 'Reports', value: (d) => reports(d) || null, cell: (d) => (d.events.length ? String(reports(d)) : '–') },
    {
      key: 'languages', label: 'Languages', value: (d) => distinct(d.events.flatMap((e) => e.languages)).join(' ') || null,
      cell: (d) => languageBadges(distinct(d.events.flatMap((e) => e.languages)), LANGUAGE_NAMES),
    },
  ];
}

/** The words a row is found by: every shown value, the landing sea and the event ids. */
function haystack(d: LaunchDay, cols: Column[]): string {
  const extra = [
    ...d.events.map((e) => `${e.id} ${e.landing ? (LANDING_NAMES[e.landing] ?? e.landing) : ''}`),
    ...d.flights.map((f) => `${f.landing ? (LANDING_NAMES[f.landing] ?? f.landing) : ''} ${f.missileName ?? ''}`),
  ];
  return [...cols.map((c) => String(c.value(d) ?? '')), ...extra].join(' ').toLowerCase();
}

function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1; // blanks last either way
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** The expanded part of a row: each news event and each reference flight of the day on its own line. */
function details(d: LaunchDay, names: Map<string, string>, span: number): HTMLElement {
  return h('tr', { class: 'day-details' }, h('td', { colspan: span },
    d.events.length
      ? h('ul', {}, d.events.map((e) => h('li', {},
          h('span', { class: 'badge news' }, 'news'), ' ',
          h('a', { href: `#/event/${encodeURIComponent(e.id)}` }, `Event ${e.id}`),
          `: ${e.dateLocal ?? 'undated'}${e.timeLocal ? ` ${e.timeLocal}` : ''} local time${e.timeZone ? ` (${e.timeZone})` : ''}, ${e.count} missile(s), ${e.reports} report${e.reports === 1 ? '' : 's'}`,
          e.landing ? `, ${LANDING_NAMES[e.landing] ?? e.landing}` : '',
        )))
      : null,
    d.flights.length
      ? h('ul', {}, d.flights.map((f) => {
          const k = flightKst(f);
          return h('li', {},
            h('span', { class: 'badge ref' }, 'CNS/NTI'), ' ',
            `${f.dateUtc}${f.timeUtc ? ` ${f.timeUtc} UTC (${k.day} ${k.time} ${CLOCK.name})` : ' (UTC date; no time)'}: `,
            [f.missileName, f.class].filter(Boolean).join(', ') || 'missile', ` from ${siteName(names, f.facility) ?? 'unknown site'}`,
            f.distanceKm !== null ? `, ${f.distanceKm} km` : '', f.apogeeKm !== null ? `, apogee ${f.apogeeKm} km` : '',
            f.landing ? `, ${LANDING_NAMES[f.landing] ?? f.landing}` : '', f.outcome ? ` — ${f.outcome}` : '',
          );
        }))
      : null,
  ));
}

interface TableState {
  sort: string;
  desc: boolean;
  page: number;
  q: string;
}

function renderTable(el: HTMLElement, days: LaunchDay[], cols: Column[], names: Map<string, string>, st: TableState, rerender: () => void): void {
  const q = st.q.trim().toLowerCase();
  const shown = q ? days.filter((d) => q.split(/\s+/).every((w) => haystack(d, cols).includes(w))) : days;
  const col = cols.find((c) => c.key === st.sort) ?? cols[0];
  const sorted = [...shown].sort((a, b) => {
    const va = col.value(a);
    const vb = col.value(b);
    if (va === null || vb === null) return compare(va, vb);
    const c = compare(va, vb);
    return (st.desc ? -c : c) || compare(b.day, a.day);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / WEB_TIMELINE_PAGE));
  st.page = Math.min(st.page, pages - 1);
  const first = st.page * WEB_TIMELINE_PAGE;
  const rows = sorted.slice(first, first + WEB_TIMELINE_PAGE);

  const head = h('tr', {}, h('th', { scope: 'col', class: 'expand-col' }, h('span', { class: 'sr-only' }, 'Details')), cols.map((c) => {
    const active = c.key === col.key;
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': c.key, title: `Sort by ${c.label}` }, c.label, h('span', { 'aria-hidden': 'true', class: 'arrow' }, active ? (st.desc ? ' ▼' : ' ▲') : ''));
    button.addEventListener('click', () => {
      st.desc = active ? !st.desc : c.key === 'date';
      st.sort = c.key;
      st.page = 0;
      rerender();
    });
    return h('th', { scope: 'col', 'aria-sort': active ? (st.desc ? 'descending' : 'ascending') : null }, button);
  }));
  const body = h('tbody');
  for (const d of rows) {
    const expandable = d.flights.length > 0 || d.events.length > 1;
    const tr = h('tr', {
      class: `launch-day${d.events.length ? ' news' : ''}${d.flights.length ? ' reference' : ''}${d.events.some((e) => e.disputed.length) ? ' disputed' : ''}`,
      'data-day': d.day ?? '', 'data-event': d.events[0]?.id ?? null, 'data-flights': d.flights.length,
    });
    let open: HTMLElement | null = null;
    const toggle = expandable
      ? h('button', { type: 'button', class: 'expand', 'aria-expanded': 'false', title: 'Show the reports and flights of this day' }, h('span', { 'aria-hidden': 'true' }, '▸'), h('span', { class: 'sr-only' }, `Details of ${d.day ?? 'undated'}`))
      : null;
    toggle?.addEventListener('click', () => {
      if (open) {
        open.remove();
        open = null;
      } else {
        open = details(d, names, cols.length + 1);
        tr.after(open);
      }
      toggle.setAttribute('aria-expanded', String(open !== null));
      (toggle.firstChild as HTMLElement).textContent = open ? '▾' : '▸';
    });
    tr.append(h('td', { class: 'expand-col' }, toggle), ...cols.map((c) => h('td', { class: `col-${c.key}` }, c.cell(d))));
    body.append(tr);
  }
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of the timeline' },
    pagerButton('« First', st.page > 0, () => (st.page = 0)),
    pagerButton('‹ Newer', st.page > 0, () => (st.page -= 1)),
    h('span', { class: 'page-of', 'aria-live': 'polite' }, sorted.length ? `Rows ${first + 1}–${first + rows.length} of ${sorted.length} · page ${st.page + 1} of ${pages}` : 'No launch matches.'),
    pagerButton('Older ›', st.page < pages - 1, () => (st.page += 1)),
    pagerButton('Last »', st.page < pages - 1, () => (st.page = pages - 1)),
  );
  function pagerButton(label: string, enabled: boolean, go: () => void): HTMLElement {
    const b = h('button', { type: 'button', class: 'page-button', disabled: !enabled }, label);
    b.addEventListener('click', () => {
      go();
      rerender();
    });
    return b;
  }
  clear(el,
    h('div', { class: 'scroll' }, h('table', { class: 'events' },
      h('caption', { class: 'sr-only' }, `Launch days, sorted by ${col.label} ${st.desc ? 'descending' : 'ascending'}`),
      h('thead', {}, head), body)),
    pager,
  );
}

async function allEvents(f: Filters): Promise<EventSummary[]> {
  const out: EventSummary[] = [];
  for (let offset = 0; ; offset += FETCH_PAGE) {
    const page = await getJson<{ total: number; events: EventSummary[] }>('/api/events', { ...filterParams(f), limit: FETCH_PAGE, offset, order: 'desc' });
    out.push(...page.events);
    if (page.events.length < FETCH_PAGE || out.length >= page.total) return out;
  }
}

export async function timelineView(main: HTMLElement, params: URLSearchParams): Promise<View> {
  pageTitle('Timeline');
  const f = filtersFrom(params);
  const by = params.get('by') === 'month' ? 'month' : 'year';
  const [form, names] = await Promise.all([filterForm('', f), siteNames()]);
  const cols = columns(names);
  const chart = h('section', { class: 'chart', 'aria-label': 'Missiles launched per period by class' });
  const status = h('p', { class: 'muted', id: 'timeline-status' });
  const table = h('section', { class: 'timeline' });
  // The table's sort, page and text filter live in the address too (replaced, not pushed: no history entry per
  // keystroke), so a sorted, filtered page can be bookmarked or shared.
  const st: TableState = {
    sort: params.get('sort') ?? 'date', desc: (params.get('dir') ?? (params.get('sort') && params.get('sort') !== 'date' ? 'asc' : 'desc')) === 'desc',
    page: Math.max(0, (Number(params.get('page')) || 1) - 1), q: params.get('q') ?? '',
  };
  const search = h('input', { type: 'search', id: 'timeline-q', value: st.q, placeholder: 'Hwasong, Sinpo, failure, 2022-10…', autocomplete: 'off' }) as HTMLInputElement;
  let days: LaunchDay[] = [];
  const rerender = (): void => {
    renderTable(table, days, cols, names, st, rerender);
    const q = new URLSearchParams(params);
    const put = (k: string, v: string, unset: string): void => void (v === unset ? q.delete(k) : q.set(k, v));
    put('q', st.q, '');
    put('sort', st.sort, 'date');
    put('dir', st.desc ? 'desc' : 'asc', st.sort === 'date' ? 'desc' : 'asc');
    put('page', String(st.page + 1), '1');
    const hash = `#/${q.toString() ? `?${q.toString()}` : ''}`;
    if (hash !== location.hash && (location.hash.replace(/^#\/?/, '').split('?')[0] ?? '') === '') history.replaceState(null, '', hash);
  };
  search.addEventListener('input', () => {
    st.q = search.value;
    st.page = 0;
    rerender();
  });
  main.replaceChildren(
    h('h1', {}, 'Launch timeline'), form,
    downloadLinks(filterParams(f)),
    chart, status,
    h('div', { class: 'table-tools' }, h('label', { for: 'timeline-q' }, 'Find in the table'), search),
    table,
  );

  async function load(): Promise<void> {
    const [events, ref] = await Promise.all([allEvents(f), referenceLaunches()]);
    const refs = filterReference(ref.launches, f);
    days = launchDays(events, refs);
    drawChart(chart, by, f, days);
    const merged = days.filter((d) => d.events.length && d.flights.length).length;
    status.textContent = `${days.length} launch days (dates in ${CLOCK.name}, UTC+9): ${events.length} news-derived event${events.length === 1 ? '' : 's'} and ${refs.length} reference flights (CNS/NTI); ${merged} day${merged === 1 ? '' : 's'} have both. Click a column heading to sort; ▸ shows a day's reports and flights.`;
    rerender();
  }
  await load();
  return { refresh: () => void load() };
}

const COUNTRY_NAMES: Record<string, string> = { DPRK: 'North Korean' };

function drawChart(el: HTMLElement, by: 'year' | 'month', f: Filters, days: LaunchDay[]): void {
  const country = f.actor || 'DPRK';
  const counts = new Map<string, Map<string, number>>();
  const add = (period: string, cls: string | null, n: number): void => {
    const m = counts.get(period) ?? new Map<string, number>();
    m.set(cls ?? 'unknown', (m.get(cls ?? 'unknown') ?? 0) + n);
    counts.set(period, m);
  };
  let newsOnly = 0;
  const len = by === 'year' ? 4 : 7;
  for (const d of days) {
    if (d.actor !== country || !d.day || d.day.length < len) continue;
    const p = d.day.slice(0, len);
    if (d.flights.length) for (const fl of d.flights) add(p, fl.class, 1);
    else {
      newsOnly++;
      add(p, d.events[0]?.class ?? null, missiles(d));
    }
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
  const total = (p: string): number => [...(counts.get(p)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...periods.map(total));
  // A narrow screen gets a narrower drawing, so the axis labels stay readable when it is scaled to fit.
  const narrow = window.matchMedia('(max-width: 640px)').matches;
  const W = narrow ? 420 : 900;
  const H = narrow ? 150 : 180;
  const barW = periods.length ? Math.max(1, (W - 40) / periods.length) : 10;
  const who = COUNTRY_NAMES[country] ?? `${country}'s`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 24}`, class: 'chart-svg', role: 'img', 'aria-label': `${who} missiles launched per ${by} by class, ${periods[0] ?? ''}–${periods.at(-1) ?? ''}` });
  svg.append(s('line', { x1: 30, x2: W, y1: H, y2: H, class: 'axis' }));
  svg.append(s('text', { x: 0, y: 12, class: 'tick' }, String(max)));
  svg.append(s('text', { x: 0, y: H, class: 'tick' }, '0'));
  periods.forEach((p, i) => {
    let y = H;
    const x = 35 + i * barW;
    const bar = s('g', { class: 'bar', 'data-period': p, 'data-count': total(p) }, s('title', {}, `${p}: ${total(p)} missile${total(p) === 1 ? '' : 's'}`));
    for (const c of classes) {
      const n = counts.get(p)?.get(c) ?? 0;
      if (!n) continue;
      const bh = (n / max) * (H - 10);
      y -= bh;
      bar.append(s('rect', { x, y, width: Math.max(1, barW - 1), height: bh, fill: classColour(c === 'unknown' ? null : c) }, s('title', {}, `${p}: ${n} ${c}`)));
    }
    svg.append(bar);
    const every = Math.ceil(periods.length / (narrow ? 5 : 12));
    if (i % every === 0) svg.append(s('text', { x, y: H + 16, class: 'tick' }, p));
  });
  const q = new URLSearchParams(Object.entries({ ...f, by: by === 'year' ? 'month' : 'year' }).filter(([, v]) => v) as [string, string][]);
  clear(el,
    h('div', { class: 'chart-head' },
      h('h2', {}, `${who} missiles launched per ${by}, by class`),
      h('a', { href: `#/?${q.toString()}`, class: 'button-link' }, `Show per ${by === 'year' ? 'month' : 'year'}`),
    ),
    h('p', { class: 'muted chart-note' },
      country === 'DPRK'
        ? `Each launch counted once: every flight on the reference list (CNS/NTI), plus ${newsOnly} reported launch${newsOnly === 1 ? '' : 'es'} the list does not have, at the number of missiles reported (at least one). Other countries' launches are not counted; choose one under Actor to chart it.`
        : `Each reported launch counted once, at the number of missiles reported (at least one). The reference list covers North Korea only.`),
    svg,
    h('ul', { class: 'legend' }, classes.map((c) => h('li', {}, s('svg', { width: 10, height: 10, 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: classColour(c === 'unknown' ? null : c) })), ` ${c === 'unknown' ? 'class unknown' : c}`))),
  );
}
