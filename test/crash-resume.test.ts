// What held under attack, kept under test (issue 15): `salvo ingest` killed with SIGKILL at random moments, then
// run again to the end, leaves a sound database whose events and memberships equal those of one clean ingest.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, query, ROOT, salvo } from './helpers/cli.js';

const CORPUS = join(ROOT, 'test', 'corpus', 'articles');
let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-crash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `salvo ingest` of the corpus into `db`, killed with SIGKILL after `ms`; resolves once it is gone. */
function ingestKilledAfter(db: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'ingest', CORPUS], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const snapshot = (db: string) => ({
  events: query(db, 'SELECT id, actor, date_local, weekday, fields, reference FROM events ORDER BY id'),
  members: query(db, 'SELECT event_id, article_id, position FROM event_articles ORDER BY event_id, article_id'),
  articles: query<{ n: number }>(db, 'SELECT count(*) AS n FROM articles')[0].n,
});

describe('SIGKILL during ingest', () => {
  it('resuming after kills at random moments gives the events of a clean ingest', async () => {
    const clean = join(dir, 'clean.db');
    expect(salvo(['--db', clean, 'ingest', CORPUS], { cwd: dir }).code).toBe(0);
    const killed = join(dir, 'killed.db');
    for (let i = 0; i < 3; i++) await ingestKilledAfter(killed, 800 + Math.random() * 4000);
    expect(salvo(['--db', killed, 'ingest', CORPUS], { cwd: dir }).code).toBe(0);
    expect(query<{ integrity_check: string }>(killed, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(snapshot(killed)).toEqual(snapshot(clean));
  }, 240_000);
});
