// Timeline: one row per launch day (a news-derived event and the reference list's flights of the same launch
// together, expandable), as the server joins, sorts, filters and pages them (/api/timeline), a page at a time;
// a chart of one country's missiles per year or month, each launch counted once (/api/timeline/counts); download
// links for the exports. The table's sort, page and text filter live in the address.
import { WEB_TIMELINE_PAGE } from '../../../src/settings.js';
import { getJson, type FlightView, type LaunchDay, type PeriodCount } from '../api.js';
import { classColour, filterParams, filtersFrom, LANGUAGE_NAMES, pageTitle, type Filters } from '../data.js';
import { clear, h, languageBadges, s, type Child } from '../dom.js';
import type { View } from '../main.js';
import { downloadLinks } from './downloads.js';
import { filterForm } from './filters.js';

/** The clock the table dates Korean launches in; another country's rows name their own. */
const CLOCK = 'KST';
/** Waits this long after the last keystroke in the text filter before asking the server. */
const TYPING_PAUSE_MS = 250;

interface Column {
  key: string;
  label: string;
  cell: (d: LaunchDay) => Child;
}

const km = (v: number | null, disputed: boolean): string => (v === null ? '–' : `${v} km${disputed ? ' *' : ''}`);
const swatch = (c: string | null): SVGElement =>
  s('svg', { width: 10, height: 10, class: 'swatch', 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: classColour(c) }));

/** "success", "failure", or how many of each when the day's flights differ; null when the list gives none. */
function outcomeText(d: LaunchDay): string | null {
  if (d.outcome !== 'mixed') return d.outcome;
  const n = (o: string): number => d.flights.filter((f) => f.outcome === o).length;
  return ['success', 'failure'].filter((o) => n(o)).map((o) => `${n(o)} ${o}`).join(', ');
}

const COLUMNS: Column[] = [
  {
    key: 'date', label: `Date (${CLOCK})`,
    cell: (d) => [
      d.eventId ? h('a', { href: `#/event/${encodeURIComponent(d.eventId)}` }, d.date ?? 'undated') : (d.date ?? 'undated'),
      d.date && d.date.length === 7 ? h('span', { class: 'badge', title: 'The reference list dates this launch to the month only' }, 'month') : null,
      d.date && d.launch.zone !== CLOCK ? h('span', { class: 'badge', title: `Local date and time in ${d.launch.timeZone}, not ${CLOCK}` }, `local, ${d.launch.zone}`) : null,
      d.dateInferred ? h('span', { class: 'badge warn', title: 'The reports name no date: it was inferred from the reference list' }, 'inferred') : null,
    ],
  },
  { key: 'time', label: `Time (${CLOCK})`, cell: (d) => d.launch.timeLocal ?? '–' },
  {
    key: 'kind', label: 'Source',
    cell: (d) => [
      d.kind !== 'reference' ? h('span', { class: 'badge news' }, 'news') : null,
      d.kind !== 'news' ? h('span', { class: 'badge ref', title: 'CNS/NTI North Korea Missile Test Database' }, 'CNS/NTI') : null,
    ],
  },
  { key: 'actor', label: 'Actor', cell: (d) => d.actor ?? '–' },
  {
    key: 'class', label: 'Class / missile',
    cell: (d) => [swatch(d.class), [d.class, d.missiles.join(', ')].filter(Boolean).join(' ') || '–'],
  },
  { key: 'site', label: 'Site', cell: (d) => d.siteName ?? '–' },
  { key: 'count', label: 'Missiles', cell: (d) => (d.count === null ? '–' : `${d.countExact === false ? '≥' : ''}${d.count}`) },
  { key: 'distance', label: 'Distance', cell: (d) => km(d.distanceKm, d.disputed.includes('distance_km')) },
  { key: 'apogee', label: 'Apogee', cell: (d) => km(d.apogeeKm, d.disputed.includes('apogee_km')) },
  { key: 'outcome', label: 'Outcome', cell: (d) => outcomeText(d) ?? '–' },
  { key: 'reports', label: 'Reports', cell: (d) => (d.kind === 'reference' ? '–' : String(d.reports)) },
  { key: 'languages', label: 'Languages', cell: (d) => languageBadges(d.languages, LANGUAGE_NAMES) },
];

function flightLine(f: FlightView): HTMLElement {
  return h('li', {},
    h('span', { class: 'badge ref' }, 'CNS/NTI'), ' ',
    `${f.dateUtc}${f.timeUtc ? ` ${f.timeUtc} UTC (${f.launch.dateLocal} ${f.launch.timeLocal} ${f.launch.zone})` : ' (UTC date; no time)'}: `,
    [f.missileName, f.class].filter(Boolean).join(', ') || 'missile', ` from ${f.siteName ?? 'unknown site'}`,
    f.distanceKm !== null ? `, ${f.distanceKm} km` : '', f.apogeeKm !== null ? `, apogee ${f.apogeeKm} km` : '',
    f.landingName ? `, ${f.landingName}` : '', f.outcome ? ` — ${f.outcome}` : '',
  );
}

/** The expanded part of a row: the news event and each reference flight of the day on its own line. */
function details(d: LaunchDay, span: number): HTMLElement {
  return h('tr', { class: 'day-details' }, h('td', { colspan: span },
    d.eventId
      ? h('ul', {}, h('li', {},
          h('span', { class: 'badge news' }, 'news'), ' ',
          h('a', { href: `#/event/${encodeURIComponent(d.eventId)}` }, `Event ${d.eventId}`),
          `: ${d.date ?? 'undated'}${d.dateInferred ? ' (date inferred from the reference list)' : ''}, ${d.count === null ? '?' : `${d.countExact === false ? 'at least ' : ''}${d.count}`} missile(s), ${d.reports} report${d.reports === 1 ? '' : 's'}`,
          d.landingName ? `, ${d.landingName}` : '',
        ))
      : null,
    d.flights.length ? h('ul', {}, d.flights.map(flightLine)) : null,
  ));
}

interface TableState {
  sort: string;
  desc: boolean;
  page: number;
  q: string;
}

/** Draws one page of rows as the server sent it, with sortable headings and a pager. */
function renderTable(el: HTMLElement, rows: LaunchDay[], total: number, st: TableState, rerender: () => void): void {
  const col = COLUMNS.find((c) => c.key === st.sort) ?? COLUMNS[0];
  const pages = Math.max(1, Math.ceil(total / WEB_TIMELINE_PAGE));
  const first = st.page * WEB_TIMELINE_PAGE;
  const head = h('tr', {}, h('th', { scope: 'col', class: 'expand-col' }, h('span', { class: 'sr-only' }, 'Details')), COLUMNS.map((c) => {
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
    const tr = h('tr', {
      class: `launch-day${d.kind !== 'reference' ? ' news' : ''}${d.kind !== 'news' ? ' reference' : ''}${d.disputed.length ? ' disputed' : ''}`,
      'data-day': d.date ?? '', 'data-event': d.eventId, 'data-flights': d.flights.length,
    });
    let open: HTMLElement | null = null;
    const toggle = d.flights.length
      ? h('button', { type: 'button', class: 'expand', 'aria-expanded': 'false', title: 'Show the report and flights of this day' }, h('span', { 'aria-hidden': 'true' }, '▸'), h('span', { class: 'sr-only' }, `Details of ${d.date ?? 'undated'}`))
      : null;
    toggle?.addEventListener('click', () => {
      if (open) {
        open.remove();
        open = null;
      } else {
        open = details(d, COLUMNS.length + 1);
        tr.after(open);
      }
      toggle.setAttribute('aria-expanded', String(open !== null));
      (toggle.firstChild as HTMLElement).textContent = open ? '▾' : '▸';
    });
    tr.append(h('td', { class: 'expand-col' }, toggle), ...COLUMNS.map((c) => h('td', { class: `col-${c.key}` }, c.cell(d))));
    body.append(tr);
  }
  const pagerButton = (label: string, enabled: boolean, go: () => void): HTMLElement => {
    const b = h('button', { type: 'button', class: 'page-button', disabled: !enabled }, label);
    b.addEventListener('click', () => {
      go();
      rerender();
    });
    return b;
  };
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of the timeline' },
    pagerButton('« First', st.page > 0, () => (st.page = 0)),
    pagerButton('‹ Newer', st.page > 0, () => (st.page -= 1)),
    h('span', { class: 'page-of', 'aria-live': 'polite' }, total ? `Rows ${first + 1}–${first + rows.length} of ${total} · page ${st.page + 1} of ${pages}` : 'No launch matches.'),
    pagerButton('Older ›', st.page < pages - 1, () => (st.page += 1)),
    pagerButton('Last »', st.page < pages - 1, () => (st.page = pages - 1)),
  );
  clear(el,
    h('div', { class: 'scroll' }, h('table', { class: 'events' },
      h('caption', { class: 'sr-only' }, `Launch days, sorted by ${col.label} ${st.desc ? 'descending' : 'ascending'}`),
      h('thead', {}, head), body)),
    pager,
  );
}

export async function timelineView(main: HTMLElement, params: URLSearchParams): Promise<View> {
  pageTitle('Timeline');
  const f = filtersFrom(params);
  const by = params.get('by') === 'month' ? 'month' : 'year';
  const form = await filterForm('', f);
  const chart = h('section', { class: 'chart', 'aria-label': 'Missiles launched per period by class' });
  const status = h('p', { class: 'muted', id: 'timeline-status' });
  const table = h('section', { class: 'timeline' });
  // Replaced, not pushed: no history entry per keystroke; a sorted, filtered page can be bookmarked or shared.
  const st: TableState = {
    sort: COLUMNS.some((c) => c.key === params.get('sort')) ? (params.get('sort') ?? 'date') : 'date',
    desc: (params.get('dir') ?? (params.get('sort') && params.get('sort') !== 'date' ? 'asc' : 'desc')) === 'desc',
    page: Math.max(0, (Number(params.get('page')) || 1) - 1), q: params.get('q') ?? '',
  };
  const search = h('input', { type: 'search', id: 'timeline-q', value: st.q, placeholder: 'Hwasong, Sinpo, failure, 2022-10…', autocomplete: 'off' }) as HTMLInputElement;
  let asked = 0;
  const keepInAddress = (): void => {
    const q = new URLSearchParams(params);
    const put = (k: string, v: string, unset: string): void => void (v === unset ? q.delete(k) : q.set(k, v));
    put('q', st.q, '');
    put('sort', st.sort, 'date');
    put('dir', st.desc ? 'desc' : 'asc', st.sort === 'date' ? 'desc' : 'asc');
    put('page', String(st.page + 1), '1');
    const hash = `#/${q.toString() ? `?${q.toString()}` : ''}`;
    if (hash !== location.hash && (location.hash.replace(/^#\/?/, '').split('?')[0] ?? '') === '') history.replaceState(null, '', hash);
  };
  /**
   * Asks the server for the page the state names; an answer overtaken by a later question is dropped. The table
   * is aria-busy until its rows are drawn.
   */
  const showPage = async (): Promise<void> => {
    const mine = ++asked;
    table.setAttribute('aria-busy', 'true');
    const ask = (): Promise<{ total: number; rows: LaunchDay[] }> => getJson('/api/timeline', {
      ...filterParams(f), q: st.q.trim() || undefined, sort: st.sort, order: st.desc ? 'desc' : 'asc',
      limit: WEB_TIMELINE_PAGE, offset: st.page * WEB_TIMELINE_PAGE,
    });
    let page = await ask();
    // A page past the end (an old address, fewer rows now): the last page instead.
    if (!page.rows.length && page.total && mine === asked) {
      st.page = Math.ceil(page.total / WEB_TIMELINE_PAGE) - 1;
      page = await ask();
    }
    if (mine !== asked) return;
    renderTable(table, page.rows, page.total, st, rerender);
    table.setAttribute('aria-busy', 'false');
    keepInAddress();
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  /** After a sort or page click, or a pause in typing: the words in the box now, from the first page if they changed. */
  const rerender = (): void => {
    clearTimeout(typing);
    if (search.value !== st.q) {
      st.q = search.value;
      st.page = 0;
    }
    void showPage();
  };
  search.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(rerender, TYPING_PAUSE_MS);
  });
  main.replaceChildren(
    h('h1', {}, 'Launch timeline'), form,
    downloadLinks(filterParams(f)),
    chart, status,
    h('div', { class: 'table-tools' }, h('label', { for: 'timeline-q' }, 'Find in the table'), search),
    table,
  );

  async function load(): Promise<void> {
    const country = f.actor || 'DPRK';
    const [all, ofCountry] = await Promise.all([
      getJson<{ counts: PeriodCount[] }>('/api/timeline/counts', { ...filterParams(f), by }),
      getJson<{ counts: PeriodCount[] }>('/api/timeline/counts', { ...filterParams(f), actor: country, by }),
      showPage(),
    ]);
    drawChart(chart, by, f, country, ofCountry.counts);
    const sum = (k: 'launchDays' | 'referenceDays' | 'referenceFlights' | 'newsOnlyDays'): number => all.counts.reduce((n, c) => n + c[k], 0);
    const newsOnly = sum('newsOnlyDays');
    status.textContent = `${sum('launchDays')} dated launch days (Korean launches in ${CLOCK}, UTC+9; others on their own clock, named): ${sum('referenceDays')} on the reference list (${sum('referenceFlights')} flights, CNS/NTI), ${newsOnly} known from news reports only. Click a column heading to sort; ▸ shows a day's report and flights.`;
  }
  await load();
  return { refresh: () => void load() };
}

const COUNTRY_NAMES: Record<string, string> = { DPRK: 'North Korean' };

function drawChart(el: HTMLElement, by: 'year' | 'month', f: Filters, country: string, rows: PeriodCount[]): void {
  const counts = new Map<string, Map<string, number>>();
  for (const c of rows) {
    const m = counts.get(c.period) ?? new Map<string, number>();
    m.set(c.class ?? 'unknown', (m.get(c.class ?? 'unknown') ?? 0) + c.missiles);
    counts.set(c.period, m);
  }
  const newsOnly = rows.reduce((n, c) => n + c.newsOnlyDays, 0);
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
        ? `Each launch counted once: every flight on the reference list (CNS/NTI), plus ${newsOnly} reported launch${newsOnly === 1 ? '' : 'es'} the list does not have, at the number of missiles reported (at least one); a day's missiles under its class. Other countries' launches are not counted; choose one under Actor to chart it.`
        : `Each reported launch counted once, at the number of missiles reported (at least one). The reference list covers North Korea only.`),
    svg,
    h('ul', { class: 'legend' }, classes.map((c) => h('li', {}, s('svg', { width: 10, height: 10, 'aria-hidden': 'true' }, s('rect', { width: 10, height: 10, fill: classColour(c === 'unknown' ? null : c) })), ` ${c === 'unknown' ? 'class unknown' : c}`))),
  );
}
