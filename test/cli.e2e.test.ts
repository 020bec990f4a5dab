// End to end through the built CLI: ingest a folder of made-up reports, list and show the events, re-ingest,
// and analyze without a database. Fixtures (test/fixtures/e2e/, all invented):
//   a-wire.txt         launch A: one missile from Wonsan, 2034-05-16 06:10, ~780 km (JCS)
//   b-record.json      launch A again (corpus record, id e2e-b)
//   c-page.html        launch B: two SRBMs from Hamhung, 2034-06-02 04:35, ~410 km (JCS)
//   d-newsplease.json  not a launch: an artillery drill (news-please record)
//   e-pair.jsonl       line 1: launch B again (Japan's MoD, id e2e-e1); line 2: not a launch, a ministers' meeting
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, query, ROOT, salvo, summary } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'e2e');
const DISTANCE_SENTENCE =
  'The missile lifted off from the Wonsan area at around 6:10 a.m. and travelled roughly 780 kilometers before splashing down, the Joint Chiefs of Staff said.';
const FIELDS = ['date_local', 'time_local', 'site', 'count_min', 'count_exact', 'class', 'name', 'distance_km', 'apogee_km', 'landing', 'eez'];

interface JsonEvent {
  id: string;
  actor: string | null;
  dateLocal: string | null;
  articleIds: string[];
  fields: Record<string, { value: unknown }>;
}

let dir: string;
let db: string;
let firstIngest: ReturnType<typeof salvo>;

const run = (args: string[], env?: Record<string, string>) => salvo(args, { cwd: dir, env });
const eventsJson = (): JsonEvent[] => JSON.parse(run(['--db', db, 'events', '--json']).stdout) as JsonEvent[];
/** Article id by the fixture it came from (origin is the path as given, plus :LINE for JSON Lines). */
function articleIdsByFixture(): Map<string, string> {
  const rows = query<{ id: string; origin: string }>(db, 'SELECT id, origin FROM articles');
  return new Map(rows.map((r) => [r.origin.slice(r.origin.lastIndexOf('/') + 1), r.id]));
}

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-e2e-'));
  db = join(dir, 'salvo.db');
  firstIngest = run(['--db', db, 'ingest', FIXTURES]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('salvo CLI end to end', () => {
  it('ingest <folder> exits 0, creates the db and reports the counts', () => {
    expect(firstIngest.code, firstIngest.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(summary(firstIngest.stderr)).toEqual({ stored: 6, launches: 4, already: 0, failed: 0 });
    expect(firstIngest.stderr).not.toMatch(/skipped/);
  });

  it('events lists exactly the two launches with date, time, site and count', () => {
    const r = run(['--db', db, 'events']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['id', 'date', 'time', 'site', 'count', 'class/name', 'distance', 'apogee', 'landing', 'reports', 'languages']);
    const rows = lines.slice(1).filter((l) => !l.startsWith('dates and times are local')).map((l) => l.split(/\s{2,}/));
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    expect(a.slice(1, 5)).toEqual(['2034-05-16', '06:10 KST', 'Wonsan Kalma International Airport', '1']);
    expect(a[6]).toBe('780 km');
    expect(a[9]).toBe('2');
    expect(b.slice(1, 5)).toEqual(['2034-06-02', '04:35 KST', 'Hungnam', '2']);
    expect(b[6]).toBe('410 km');
    expect(b[9]).toBe('2');
    expect([a[10], b[10]]).toEqual(['en', 'en']);
  });

  it('events --json parses and groups the right articles per event', () => {
    const events = eventsJson();
    expect(events.map((e) => e.dateLocal)).toEqual(['2034-05-16', '2034-06-02']);
    const ids = articleIdsByFixture();
    expect([...ids.keys()].sort()).toEqual(['a-wire.txt', 'b-record.json', 'c-page.html', 'd-newsplease.json', 'e-pair.jsonl:1', 'e-pair.jsonl:2']);
    const [a, b] = events;
    expect([...a.articleIds].sort()).toEqual([ids.get('a-wire.txt'), ids.get('b-record.json')].sort());
    expect([...b.articleIds].sort()).toEqual([ids.get('c-page.html'), ids.get('e-pair.jsonl:1')].sort());
    for (const e of events) {
      expect(e.actor).toBe('DPRK');
      expect(Object.keys(e.fields).sort()).toEqual([...FIELDS].sort());
    }
    expect(a.fields.count_min.value).toBe(1);
    expect(b.fields.count_min.value).toBe(2);
    expect(b.fields.count_exact.value).toBe(true);
    // The non-launch articles are stored but belong to no event.
    const launch = query<{ origin: string; is_launch_report: number }>(
      db,
      'SELECT a.origin, x.is_launch_report FROM articles a JOIN extractions x ON x.article_id = a.id',
    );
    const notLaunch = launch.filter((r) => r.is_launch_report === 0).map((r) => r.origin.slice(r.origin.lastIndexOf('/') + 1));
    expect(notLaunch.sort()).toEqual(['d-newsplease.json', 'e-pair.jsonl:2']);
  });

  it('show <id-prefix> quotes the sentence stating the distance and who said it', () => {
    const events = eventsJson();
    const target = events.find((e) => e.dateLocal === '2034-05-16')!;
    const others = events.filter((e) => e !== target).map((e) => e.id);
    // The shortest prefix of the id that no other event shares.
    let prefix = target.id.slice(0, 1);
    while (others.some((o) => o.startsWith(prefix))) prefix = target.id.slice(0, prefix.length + 1);
    expect(prefix.length).toBeLessThan(target.id.length);

    // Concise by default: one line per field with its value, agreement and sources; the time on its clock and in UTC.
    const r = run(['--db', db, 'show', prefix]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Event ${target.id}`);
    expect(r.stdout).toContain('06:10 KST (21:10 UTC, 15 May)');
    expect(r.stdout).toMatch(/^ {2}Distance +780 km +1\.00 +.*South Korea's Joint Chiefs of Staff/m);
    expect(r.stdout).not.toContain(DISTANCE_SENTENCE);
    expect(r.stdout.trimEnd().split('\n').length).toBeLessThanOrEqual(40);

    // --evidence: the quoted sentence, then how the value was read and who said it.
    const full = run(['--db', db, 'show', prefix, '--evidence']);
    expect(full.code, full.stderr).toBe(0);
    const lines = full.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('Distance: 780 km'));
    expect(start, full.stdout).toBeGreaterThan(-1);
    const end = lines.findIndex((l, i) => i > start && /^[A-Z][^:]*: /.test(l));
    const section = lines.slice(start, end);
    const quoteAt = section.findIndex((l) => l.trim() === `“${DISTANCE_SENTENCE}”`);
    expect(quoteAt, section.join('\n')).toBeGreaterThan(-1);
    expect(section[quoteAt + 1]).toMatch(/“(?:roughly )?780 kilometers” → 780 km — South Korea's Joint Chiefs of Staff; /);

    const json = JSON.parse(run(['--db', db, 'show', prefix, '--json']).stdout) as {
      fields: Record<string, { value: unknown; candidates: { claims: { sentence: string; saidBy: string | null }[] }[] }>;
    };
    expect(json.fields.distance_km.value).toBe(780);
    const claims = json.fields.distance_km.candidates.flatMap((c) => c.claims);
    expect(claims).toContainEqual(expect.objectContaining({ sentence: DISTANCE_SENTENCE, saidBy: "South Korea's Joint Chiefs of Staff" }));
  });

  it('show with an unknown id fails with a clear message', () => {
    const r = run(['--db', db, 'show', 'no-such-event']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no event with id no-such-event/);
  });

  it('SALVO_DB names the database when --db is absent', () => {
    const r = run(['events', '--json'], { SALVO_DB: db });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as JsonEvent[]).map((e) => e.dateLocal)).toEqual(['2034-05-16', '2034-06-02']);
  });

  it('re-ingesting the same folder stores nothing new', () => {
    const before = run(['--db', db, 'events', '--json']).stdout;
    const articlesBefore = query<{ n: number }>(db, 'SELECT count(*) AS n FROM articles')[0].n;
    const r = run(['--db', db, 'ingest', FIXTURES]);
    expect(r.code, r.stderr).toBe(0);
    expect(summary(r.stderr)).toEqual({ stored: 0, launches: 0, already: 6, failed: 0 });
    expect(r.stderr).toMatch(/\b0 stored\b/);
    expect(run(['--db', db, 'events', '--json']).stdout).toBe(before);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM articles')[0].n).toBe(articlesBefore);
  });

  it('analyze <folder> --jsonl prints one scorer line per article and creates no database', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'salvo-analyze-'));
    try {
      const envDb = join(fresh, 'env.db');
      const r = salvo(['analyze', FIXTURES, '--jsonl'], { cwd: fresh, env: { SALVO_DB: envDb } });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(fresh, 'salvo.db'))).toBe(false);
      expect(existsSync(envDb)).toBe(false);

      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(6);
      const preds = lines.map((l) => JSON.parse(l) as {
        id: string;
        is_launch_report: boolean;
        actor: string | null;
        event: Record<string, unknown> | null;
        event_id: string | null;
      });
      for (const p of preds) {
        expect(Object.keys(p).sort()).toEqual(['actor', 'event', 'event_id', 'id', 'is_launch_report']);
        if (p.is_launch_report) {
          expect(p.actor).toBe('DPRK');
          expect(Object.keys(p.event!).sort()).toEqual([...FIELDS].sort());
          expect(typeof p.event_id).toBe('string');
        } else {
          expect(p.event).toBeNull();
          expect(p.event_id).toBeNull();
        }
      }
      // Files are read in name order (a, b, c, d, e:1, e:2); each line is written as soon as its article is read,
      // a launch report's at the end (its event depends on the reports after it): d and e:2, then a, b, c, e:1.
      // Records with an id keep it.
      const [d, e2, a, b, c, e1] = preds;
      expect([b.id, e1.id, e2.id]).toEqual(['e2e-b', 'e2e-e1', 'e2e-e2']);
      expect(preds.map((p) => p.is_launch_report)).toEqual([false, false, true, true, true, true]);
      expect(a.event_id).toBe(b.event_id);
      expect(c.event_id).toBe(e1.event_id);
      expect(a.event_id).not.toBe(c.event_id);
      expect(a.event).toMatchObject({ date_local: '2034-05-16', time_local: '06:10', site: 'wonsan', count_min: 1, distance_km: 780 });
      expect(c.event).toMatchObject({ date_local: '2034-06-02', time_local: '04:35', count_min: 2, count_exact: true, distance_km: 410 });
      expect(d.actor).toBeNull();
      // The same event ids as the store gives.
      expect([a.event_id, c.event_id]).toEqual(eventsJson().map((ev) => ev.id));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('reading commands without a database', () => {
  it('events on a missing database file is a clear error and creates nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'salvo-nodb-'));
    const db = join(dir, 'missing.db');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/main.js'), '--db', db, 'events'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`no database at ${db}`);
    expect(existsSync(db)).toBe(false);
  });
});

describe('salvo show with many reports', () => {
  // Seven invented reports of one launch (2034-09-12, Sunan, KST), from different outlets and agencies, some
  // disagreeing on the distance and the apogee: the concise view still fits on one screen.
  const AGENCIES = ["South Korea's Joint Chiefs of Staff", "Japan's Defense Ministry", 'the U.S. Indo-Pacific Command', "South Korea's military", 'Japanese officials', 'the JCS', "Japan's Ministry of Defense"];
  const OPENINGS = ['fired', 'launched', 'test-fired', 'fired off', 'launched', 'fired', 'launched'];
  const reports = AGENCIES.map((agency, i) => ({
    id: `many-${i + 1}`,
    url: `https://outlet${i + 1}.example/2034/09/12/launch`,
    source: `outlet${i + 1}.example`,
    published: '2034-09-12',
    title: `North Korea ${OPENINGS[i]} a ballistic missile, report ${i + 1} says`,
    text: [
      `SEOUL, Sept. 12, 2034 - North Korea ${OPENINGS[i]} a short-range ballistic missile from the Sunan area at about 7:${String(20 + i).padStart(2, '0')} a.m. on Tuesday, ${agency} said.`,
      `The missile flew about ${i % 3 === 0 ? 600 : 620} kilometers and reached an altitude of ${i % 2 === 0 ? 50 : 60} kilometers before falling into the East Sea, ${agency} added.`,
      `${['Officials', 'Analysts', 'Diplomats', 'Lawmakers', 'Experts', 'Observers', 'Researchers'][i]} said report number ${i + 1} was still being reviewed.`,
    ].join('\n\n'),
  }));
  let manyDir: string;
  let manyDb: string;

  beforeAll(() => {
    manyDir = mkdtempSync(join(tmpdir(), 'salvo-show-many-'));
    manyDb = join(manyDir, 'salvo.db');
    writeFileSync(join(manyDir, 'seven.jsonl'), `${reports.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const r = salvo(['--db', manyDb, 'ingest', join(manyDir, 'seven.jsonl')], { cwd: manyDir });
    expect(r.code, r.stderr).toBe(0);
  });

  afterAll(() => {
    if (manyDir) rmSync(manyDir, { recursive: true, force: true });
  });

  it('prints at most 40 lines for an event of 7 reports, and --evidence prints more', () => {
    const events = JSON.parse(salvo(['--db', manyDb, 'events', '--json'], { cwd: manyDir }).stdout) as JsonEvent[];
    expect(events).toHaveLength(1);
    expect(events[0].articleIds).toHaveLength(7);
    const concise = salvo(['--db', manyDb, 'show', events[0].id], { cwd: manyDir });
    expect(concise.code, concise.stderr).toBe(0);
    const lines = concise.stdout.trimEnd().split('\n');
    expect(lines.length, concise.stdout).toBeLessThanOrEqual(40);
    expect(concise.stdout).toMatch(/^ {2}Distance +/m);
    // every report named on its own line, by its headline
    expect(lines.filter((l) => /^ {2}report [0-9a-f]+ /.test(l))).toHaveLength(7);
    for (const r of reports) expect(concise.stdout).toContain(r.title);
    const full = salvo(['--db', manyDb, 'show', events[0].id, '--evidence'], { cwd: manyDir });
    expect(full.stdout.trimEnd().split('\n').length).toBeGreaterThan(lines.length);
  });
});
