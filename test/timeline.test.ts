// /api/timeline and /api/timeline/counts: one row per launch day (a news event and the reference flights it
// matches together, dated on one named clock), sorting, a text filter and paging; counts per period that count a
// launch day once and keep other countries out of the reference list's share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchDay, PeriodCount } from '../src/app/timeline.js';
import { referenceLaunches } from '../src/knowledge/index.js';
import { referenceDays, referenceMonths } from '../src/resolve/reference.js';
import { apiWithReports, HOST, US_TEST_2030, type TestApi } from './helpers/api.js';

// Made-up reports: one of a launch day the reference list holds (2024-09-18 KST, two flights from Kaechon), one
// of a future North Korean launch it cannot hold, one of a US test.
const RECORDS = [
  {
    id: 'kaechon', source: 'wire.example.org', published: '2024-09-18', title: 'North Korea fires missiles from Kaechon',
    text: "SEOUL, Sept. 18, 2024 - North Korea fired several short-range ballistic missiles from Kaechon at 6:50 a.m. on Wednesday, South Korea's Joint Chiefs of Staff said. They flew about 400 km before falling into the East Sea.",
  },
  {
    id: 'future', source: 'paper.example.org', published: '2034-03-03', title: 'Missile fired from near Wonsan',
    text: "SEOUL, March 3, 2034 - North Korea fired a short-range ballistic missile from the Wonsan area at 7:20 a.m. on Friday, the South Korean military said. It flew about 350 km.",
  },
  US_TEST_2030,
];

let api: TestApi;
const get = async <T>(url: string): Promise<T> => {
  const r = await api.app.inject({ method: 'GET', url, headers: HOST });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
};
type Page = { total: number; rows: LaunchDay[] };

beforeAll(async () => {
  api = await apiWithReports(':memory:', RECORDS);
});

afterAll(async () => {
  await api?.close();
});

describe('/api/timeline', () => {
  it('shows a news event and its reference flights as one row, dated on the named clock, sites and landings by name', async () => {
    const page = await get<Page>('/api/timeline?from=2024-09-01&to=2024-09-30&limit=50');
    const days = page.rows.filter((r) => r.date === '2024-09-18');
    expect(days).toHaveLength(1);
    const [day] = days;
    expect(day).toMatchObject({ id: 'DPRK-2024-09-18', eventId: 'DPRK-2024-09-18', kind: 'both', actor: 'DPRK', siteName: 'Kaechon Airbase', landingName: 'Sea of Japan (East Sea)', outcome: 'success', reports: 1 });
    expect(day.launch).toMatchObject({ dateLocal: '2024-09-18', timeLocal: '06:50', zone: 'KST', dateUtc: '2024-09-17', timeUtc: '21:50' });
    expect(day.flights).toHaveLength(2);
    expect(day.flights[0]).toMatchObject({ siteName: 'Kaechon Airbase', outcome: 'success' });
    // each flight on the KST clock too (the list gives UTC)
    expect(day.flights.find((f) => f.timeUtc === '21:53')?.launch).toMatchObject({ dateLocal: '2024-09-18', timeLocal: '06:53', zone: 'KST', dateUtc: '2024-09-17', timeUtc: '21:53' });
    // A reference day no report tells is a row of its own, also on the KST clock (22:10 UTC is 07:10 KST the next day).
    const alone = page.rows.find((r) => r.id === 'reference-2024-09-12');
    expect(alone).toMatchObject({ kind: 'reference', eventId: null, date: '2024-09-12', count: 3, siteName: 'Chunghwa', reports: 0 });
    expect(alone?.launch).toMatchObject({ timeLocal: '07:10', zone: 'KST', dateUtc: '2024-09-11', timeUtc: '22:10' });
  });

  it('has every launch day once: the stored events and the reference days none of them matched', async () => {
    const page = await get<Page>('/api/timeline?limit=1');
    expect(page.total).toBe(referenceDays().size + referenceMonths().length - 1 + 3);
    expect((await get<Page>('/api/timeline?source=news')).total).toBe(3);
    expect((await get<Page>('/api/timeline?source=reference&limit=1')).total).toBe(referenceDays().size + referenceMonths().length);
    expect((await get<Page>('/api/timeline?actor=USA')).rows.map((r) => r.id)).toEqual(['USA-2030-06-12']);
  });

  it('sorts by any column, values before blanks, and pages without overlap', async () => {
    const asc = (await get<Page>('/api/timeline?sort=distance&order=asc&limit=1000')).rows.map((r) => r.distanceKm);
    const numbers = asc.filter((d): d is number => d !== null);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(asc.slice(0, numbers.length).every((d) => d !== null)).toBe(true);
    const newest = (await get<Page>('/api/timeline?limit=3')).rows.map((r) => r.date);
    expect(newest[0]).toBe('2034-03-03');
    const first = await get<Page>('/api/timeline?limit=20&offset=0');
    const second = await get<Page>('/api/timeline?limit=20&offset=20');
    expect(second.total).toBe(first.total);
    expect(second.rows.filter((r) => first.rows.some((x) => x.id === r.id))).toEqual([]);
  });

  it('lists the early flights the reference list dates to a month only, by that month', async () => {
    const rows = (await get<Page>('/api/timeline?q=1984-09')).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'reference-1984-09', date: '1984-09', kind: 'reference', count: 3 });
    expect(rows[0].launch).toMatchObject({ dateLocal: null, timeLocal: null });
  });

  it('sorts by time and by the reports\' languages too', async () => {
    const times = (await get<Page>('/api/timeline?sort=time&order=asc&limit=1000')).rows.map((r) => r.launch.timeLocal);
    const known = times.filter((t): t is string => t !== null);
    expect(known.length).toBeGreaterThan(10);
    expect(known).toEqual([...known].sort());
    expect(times.slice(0, known.length).every((t) => t !== null)).toBe(true);
    const langs = (await get<Page>('/api/timeline?sort=languages&order=asc&limit=3')).rows;
    expect(langs.map((r) => r.languages)).toEqual([['en'], ['en'], ['en']]);
  });

  it('filters by words in any column', async () => {
    expect((await get<Page>('/api/timeline?q=minuteman')).rows.map((r) => r.id)).toEqual(['USA-2030-06-12']);
    const kaechon = (await get<Page>('/api/timeline?q=kaechon%20airbase&limit=1000')).rows;
    expect(kaechon.length).toBeGreaterThan(1);
    expect(kaechon.every((r) => r.siteName === 'Kaechon Airbase')).toBe(true);
  });

  it('refuses an unknown sort column', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/timeline?sort=nope', headers: HOST })).statusCode).toBe(400);
  });
});

describe('/api/timeline/counts', () => {
  const sum = (cs: PeriodCount[], k: keyof PeriodCount, period: string): number => cs.filter((c) => c.period === period).reduce((a, c) => a + Number(c[k]), 0);

  it('counts a news event and its reference flights as one launch day', async () => {
    const { counts } = await get<{ counts: PeriodCount[] }>('/api/timeline/counts?by=year&actor=DPRK');
    const refDays2024 = [...referenceDays().values()].filter((d) => d.dayKst.startsWith('2024'));
    expect(sum(counts, 'launchDays', '2024')).toBe(refDays2024.length);
    expect(sum(counts, 'referenceDays', '2024')).toBe(refDays2024.length);
    expect(sum(counts, 'referenceFlights', '2024')).toBe(refDays2024.reduce((a, d) => a + d.flights.length, 0));
    expect(sum(counts, 'newsOnlyDays', '2024')).toBe(0);
    expect(sum(counts, 'newsOnlyDays', '2034')).toBe(1);
  });

  it('counts each missile once: every reference flight, and the number a news-only launch reports', async () => {
    const { counts } = await get<{ counts: PeriodCount[] }>('/api/timeline/counts?by=year&actor=DPRK');
    expect(counts.reduce((n, c) => n + c.missiles, 0)).toBe(referenceLaunches().length + 1);
    expect(sum(counts, 'missiles', '2034')).toBe(1);
  });

  it('keeps other countries out of the reference list\'s counts', async () => {
    const dprk = await get<{ counts: PeriodCount[] }>('/api/timeline/counts?actor=DPRK');
    expect(dprk.counts.some((c) => c.period === '2030')).toBe(false);
    const all = await get<{ counts: PeriodCount[] }>('/api/timeline/counts');
    expect(sum(all.counts, 'newsOnlyDays', '2030')).toBe(1);
    expect(sum(all.counts, 'referenceDays', '2030')).toBe(0);
  });
});
