// The CSV export read back with a real CSV reader (csv-parse): event id and actor on every row, the local date and
// time on their named clock beside the UTC date and time (KST, also for 2015-2018 launches when Pyongyang kept
// UTC+8:30), units in headers, the count as a number with an "exact" column; and the CNS column set, from the
// API (?columns=cns) and from `salvo export --format csv --columns cns` alike.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CNS_COLUMNS } from '../src/app/outputs/csv.js';
import { apiWithReports, HOST, US_TEST_2030, type TestApi } from './helpers/api.js';
import { assertBuilt, salvo } from './helpers/cli.js';

// Made-up reports: a late-evening launch of 2017 with its GMT gloss, a two-missile launch told with a hedge, and a
// US test on Pacific daylight time.
const RECORDS = [
  {
    id: 'late-2017', source: 'wire.example.org', published: '2017-07-28', title: 'North Korea fires long-range missile late at night',
    text: "SEOUL, July 28, 2017 - North Korea fired an intercontinental ballistic missile from the north of the country at 11:41 p.m. (1441 GMT) on Friday, South Korea's Joint Chiefs of Staff said. The missile flew about 1,000 km before it came down in the East Sea.",
  },
  {
    id: 'pair-2034', source: 'paper.example.org', published: '2034-03-03', title: 'Missiles fired from near Wonsan',
    text: "SEOUL, March 3, 2034 - North Korea fired at least two short-range ballistic missiles from the Wonsan area at 7:20 a.m. on Friday, the South Korean military said. They flew about 350 km.",
  },
  US_TEST_2030,
];

let api: TestApi;
let dir: string;
const rows = (csvText: string): Record<string, string>[] => parse(csvText, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const getText = async (url: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> => {
  const r = await api.app.inject({ method: 'GET', url, headers: HOST });
  return { status: r.statusCode, body: r.body, headers: r.headers };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salvo-exports-'));
  api = await apiWithReports(join(dir, 'salvo.db'), RECORDS);
});

afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CSV, Salvo columns', () => {
  it('names the event and the actor on every row, and puts units in the headers', async () => {
    const r = await getText('/api/events.csv');
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/salvo-events\.csv/);
    const table = rows(r.body);
    expect(table.map((x) => x['event id']).sort()).toEqual(['DPRK-2017-07-28', 'DPRK-2034-03-03', 'USA-2030-06-12']);
    expect(new Set(table.map((x) => x.actor))).toEqual(new Set(['DPRK', 'USA']));
    const header = Object.keys(table[0]);
    expect(header).toEqual(expect.arrayContaining(['distance (km)', 'apogee (km)', 'latitude (deg N)', 'longitude (deg E)', 'date (UTC)', 'time (UTC)']));
  });

  it('converts KST to UTC at +9 hours for a 2017 launch (the reporting clock, not Pyongyang\'s UTC+8:30)', async () => {
    const row = rows((await getText('/api/events.csv')).body).find((x) => x['event id'] === 'DPRK-2017-07-28');
    expect(row).toMatchObject({ 'date (local)': '2017-07-28', 'time (local)': '23:41', 'time zone': 'KST', 'UTC offset': 'UTC+09:00', 'date (UTC)': '2017-07-28', 'time (UTC)': '14:41' });
  });

  it('puts a morning launch on the UTC day before, and names another country\'s clock', async () => {
    const table = rows((await getText('/api/events.csv')).body);
    expect(table.find((x) => x.actor === 'DPRK' && x['date (local)'] === '2034-03-03')).toMatchObject({ 'time (local)': '07:20', 'date (UTC)': '2034-03-02', 'time (UTC)': '22:20' });
    expect(table.find((x) => x.actor === 'USA')).toMatchObject({ 'time (local)': '01:30', 'time zone': 'PDT', 'UTC offset': 'UTC-07:00', 'date (UTC)': '2030-06-12', 'time (UTC)': '08:30' });
  });

  it('gives the count as a number with an exact column, and the landing by name', async () => {
    const table = rows((await getText('/api/events.csv')).body);
    const pair = table.find((x) => x['event id'] === 'DPRK-2034-03-03');
    expect(pair).toMatchObject({ count: '2', 'count exact': 'false', 'distance (km)': '350' });
    expect(table.find((x) => x['event id'] === 'DPRK-2017-07-28')).toMatchObject({ count: '1', 'count exact': 'true', landing: 'Sea of Japan (East Sea)' });
  });
});

describe('CSV, CNS columns', () => {
  it('has the CNS database\'s column names in its order, dated in UTC beside the UTC launch time', async () => {
    const r = await getText('/api/events.csv?columns=cns');
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/salvo-events-cns\.csv/);
    const table = rows(r.body);
    expect(Object.keys(table[0])).toEqual([...CNS_COLUMNS]);
    const late = table.find((x) => x['Additional Information'].includes('DPRK-2017-07-28'));
    expect(late).toMatchObject({ Date: '2017-07-28', 'Launch Time (UTC)': '14:41', 'Missile Type': 'ICBM', 'Distance Travelled': '1000 km', 'Landing Location': 'Sea of Japan (East Sea)' });
    const morning = table.find((x) => x['Additional Information'].includes('DPRK-2034-03-03'));
    expect(morning).toMatchObject({ Date: '2034-03-02', 'Launch Time (UTC)': '22:20' });
    expect(morning?.['Additional Information']).toMatch(/At least 2 missiles/);
  });

  it('refuses a column set an output does not have', async () => {
    expect((await getText('/api/events.csv?columns=nope')).status).toBe(400);
    const geo = await getText('/api/events.geojson?columns=cns');
    expect(geo.status).toBe(400);
    expect(JSON.parse(geo.body).message).toMatch(/no column set "cns"/);
  });

  it('`salvo export --format csv --columns cns` writes what the API serves', async () => {
    assertBuilt();
    const db = join(dir, 'salvo.db');
    const cli = salvo(['--db', db, 'export', '--format', 'csv', '--columns', 'cns'], { cwd: dir });
    expect(cli.code, cli.stderr).toBe(0);
    expect(rows(cli.stdout)).toEqual(rows((await getText('/api/events.csv?columns=cns')).body));
    const bad = salvo(['--db', db, 'export', '--format', 'geojson', '--columns', 'cns'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no column set "cns"/);
  });
});

describe('one event: citation, JSON download, times on two clocks', () => {
  it('cites an event as text, BibTeX and CSL-JSON', async () => {
    const r = await getText('/api/events/DPRK-2017-07-28/citation');
    expect(r.status).toBe(200);
    const c = JSON.parse(r.body) as { text: string; bibtex: string; csl: Record<string, unknown> };
    expect(c.text).toContain('DPRK-2017-07-28');
    expect(c.text).toContain('http://127.0.0.1:8080/#/event/DPRK-2017-07-28');
    expect(c.bibtex).toMatch(/^@misc\{salvo_DPRK_2017_07_28,\n {2}title = \{DPRK launch of 1 × ICBM on 2017-07-28 \(KST\)/);
    expect(c.csl).toMatchObject({ type: 'dataset', URL: 'http://127.0.0.1:8080/#/event/DPRK-2017-07-28', publisher: 'Salvo' });
    const bib = await getText('/api/events/DPRK-2017-07-28/citation?format=bibtex');
    expect(bib.headers['content-type']).toMatch(/^application\/x-bibtex/);
    expect(bib.headers['content-disposition']).toMatch(/attachment; filename="salvo-event-DPRK-2017-07-28\.bib"/);
    const csl = await getText('/api/events/DPRK-2017-07-28/citation?format=csl');
    expect((JSON.parse(csl.body) as { id: string }[])[0].id).toBe('salvo-DPRK-2017-07-28');
    expect((await getText('/api/events/nope/citation')).status).toBe(404);
  });

  it('downloads an event as a JSON file, the same document as the event page', async () => {
    const r = await getText('/api/events/DPRK-2017-07-28/download');
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="salvo-event-DPRK-2017-07-28\.json"/);
    const page = JSON.parse((await getText('/api/events/DPRK-2017-07-28')).body) as Record<string, unknown>;
    expect(JSON.parse(r.body)).toEqual(page);
  });

  it('gives the event page its time on the named clock and in UTC', async () => {
    const page = JSON.parse((await getText('/api/events/DPRK-2017-07-28')).body) as { launch: { text: string }; landingName: string };
    expect(page.launch.text).toBe('23:41 KST (14:41 UTC, 28 Jul)');
    expect(page.landingName).toBe('Sea of Japan (East Sea)');
    const usa = JSON.parse((await getText('/api/events/USA-2030-06-12')).body) as { launch: { text: string } };
    expect(usa.launch.text).toBe('01:30 PDT (08:30 UTC, 12 Jun)');
  });
});
