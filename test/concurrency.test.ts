// Many writers on one database, through the built CLI (child processes): `salvo serve` with API clients posting
// reports and reading events, beside two `salvo ingest` processes reading the same files in opposite orders
// (scripts/concurrency.mjs; a short round here, a longer one by `npm run test:concurrency`). And `salvo db check`
// finding and repairing broken memberships.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { concurrencyRun, membershipKey, tableOf } from '../scripts/concurrency.mjs';
// @ts-expect-error: a plain ES module script without type declarations
import { writeCorpus } from '../scripts/writers-corpus.mjs';
import { assertBuilt, salvo } from './helpers/cli.js';

interface Table {
  articles: number;
  launchReports: number;
  events: { id: string; articles: string[] }[];
  noEvent: number;
  severalEvents: number;
}

describe('writers on one SQLite database', () => {
  beforeAll(() => assertBuilt());

  it('serve, API clients and two CLI ingests at once: every launch report in exactly one event, as one process alone makes them', async () => {
    const summary = (await concurrencyRun({ articles: 40, undated: 4, clients: 4 })) as {
      cliExitCodes: number[];
      api: { posts: number; failures: number };
      alone: { articles: number; launchReports: number; events: number };
      shared: { articles: number; launchReports: number; events: number; noEvent: number; severalEvents: number; integrity: string };
      sameMembership: boolean;
    };
    expect(summary.cliExitCodes).toEqual([0, 0]);
    expect(summary.api.posts).toBeGreaterThan(0);
    expect(summary.api.failures).toBe(0);
    expect(summary.shared.noEvent).toBe(0);
    expect(summary.shared.severalEvents).toBe(0);
    expect(summary.shared.integrity).toBe('ok');
    expect(summary.alone.launchReports).toBeGreaterThan(20);
    expect([summary.shared.articles, summary.shared.launchReports, summary.shared.events]).toEqual([summary.alone.articles, summary.alone.launchReports, summary.alone.events]);
    expect(summary.sameMembership).toBe(true);
  }, 240_000);
});

describe('salvo db check', () => {
  let dir = '';
  let db = '';
  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'salvo-db-check-'));
    db = join(dir, 'salvo.db');
    writeCorpus(join(dir, 'in'), { articles: 16, launchShare: 0.5, undated: 2 });
    expect(salvo(['--db', db, 'ingest', join(dir, 'in')], { cwd: dir }).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says all is well on a database ingested normally, and a rebuild changes nothing there', () => {
    const ok = salvo(['--db', db, 'db', 'check'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok: every launch report of 18 articles is in exactly one event/);
    const rebuilt = salvo(['--db', db, 'db', 'rebuild'], { cwd: dir });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/: 0 written, 0 deleted/);
  });

  it('lists a report in no event and one in two, exits 1, and with --repair puts the table back as it was', () => {
    const before = tableOf(db) as Table;
    const [first, second] = before.events;
    expect(second).toBeDefined();
    const raw = new Database(db);
    try {
      raw.prepare('DELETE FROM event_articles WHERE event_id = ? AND article_id = ?').run(first.id, first.articles[0]);
      raw.prepare('INSERT INTO event_articles (event_id, article_id, position) VALUES (?, ?, 99)').run(first.id, second.articles[0]);
    } finally {
      raw.close();
    }
    const found = salvo(['--db', db, 'db', 'check'], { cwd: dir });
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(`launch report ${first.articles[0]} is in no event`);
    expect(found.stdout).toContain(`launch report ${second.articles[0]} is in 2 events`);
    expect((tableOf(db) as Table).noEvent).toBe(1);

    const repaired = salvo(['--db', db, 'db', 'check', '--repair'], { cwd: dir });
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/repaired: 1 event\(s\) written, 0 deleted; 0 problem\(s\) left/);
    expect(membershipKey(tableOf(db))).toBe(membershipKey(before));
    expect(salvo(['--db', db, 'db', 'check'], { cwd: dir }).code).toBe(0);
  });
});
