// Bad inputs through the built CLI: each costs one clear line on stderr and nothing else; good reports next to
// them are stored once; a run with nothing readable fails; a file that is not a Salvo database is refused untouched.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, query, ROOT, salvo, summary } from './helpers/cli.js';

const E2E = join(ROOT, 'test', 'fixtures', 'e2e');
const GOOD = ['a-wire.txt', 'c-page.html'];
// ingest's default limit is 20 MB (MAX_FILE_BYTES in src/settings.ts); this file is well over it.
const HUGE_BYTES = 50 * 1024 * 1024;

let dir: string;
let bad: string; // the mixed folder: bad inputs and copies of the two good reports
let badOnly: string[]; // every input that must be rejected, the nonexistent path included
let missing: string;

/** The bad inputs and the reason each must be given (matched against its stderr line). */
let expectedReasons: [string, RegExp][];

const run = (args: string[], env?: Record<string, string>) => salvo(args, { cwd: dir, env });
const skippedLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('salvo: skipped '));
const count = (db: string, table: string): number => query<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0].n;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-bad-'));
  bad = join(dir, 'inbox');
  mkdirSync(bad);
  for (const f of GOOD) copyFileSync(join(E2E, f), join(bad, f));

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
  writeFileSync(join(bad, 'photo.png'), png); // a picture, by its extension
  writeFileSync(join(bad, 'scan.txt'), png); // PNG bytes under a text name: caught by the content
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'huge.txt'), Buffer.alloc(HUGE_BYTES, 'a'));
  writeFileSync(join(bad, 'broken.json'), '{"id": "half", "title": "Cut off", "text": "North Korea fired');
  writeFileSync(
    join(bad, 'menu.html'),
    '<!doctype html><html><head><title>Site map</title></head><body><nav><a href="/">Home</a> | <a href="/about">About</a></nav><p>Welcome.</p></body></html>',
  );
  // Invalid UTF-8 (0xC3 followed by '(') in otherwise plain text: read with a fallback charset, not refused.
  writeFileSync(
    join(bad, 'odd-bytes.txt'),
    Buffer.concat([
      Buffer.from('Harbour committee notes\n\nThe committee met on Monday and approved the caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' budget for the summer season.\n'),
    ]),
  );
  missing = join(dir, 'no-such-folder', 'report.txt');

  expectedReasons = [
    [join(bad, 'photo.png'), /not a supported format \(\.png\)/],
    [join(bad, 'scan.txt'), /binary file \(looks like PNG image\)/],
    [join(bad, 'empty.txt'), /empty file/],
    [join(bad, 'huge.txt'), /file too large \(50 MB > 20 MB limit\)/],
    [join(bad, 'broken.json'), /invalid JSON/],
    [join(bad, 'menu.html'), /no article text/],
    [missing, /not found/],
  ];
  badOnly = expectedReasons.map(([p]) => p);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('salvo ingest with bad inputs', () => {
  it('gives one clear stderr line per bad input, stores the good ones and exits 0', () => {
    const db = join(dir, 'mixed.db');
    const r = run(['--db', db, 'ingest', bad, missing]);
    expect(r.code, r.stderr).toBe(0);

    const lines = skippedLines(r.stderr);
    expect(lines, r.stderr).toHaveLength(expectedReasons.length);
    for (const [path, reason] of expectedReasons) {
      const line = lines.filter((l) => l.startsWith(`salvo: skipped ${path}: `));
      expect(line, `one line for ${path} in\n${r.stderr}`).toHaveLength(1);
      expect(line[0]).toMatch(reason);
    }
    // The good reports (and the oddly encoded one) are stored: 3 articles, 2 of them launch reports.
    expect(summary(r.stderr)).toEqual({ stored: 3, launches: 2, already: 0, failed: expectedReasons.length });

    const events = JSON.parse(run(['--db', db, 'events', '--json']).stdout) as { dateLocal: string; articleIds: string[] }[];
    expect(events.map((e) => e.dateLocal)).toEqual(['2034-05-16', '2034-06-02']);
    const table = run(['--db', db, 'events']).stdout;
    expect(table).toMatch(/2034-05-16\s+06:10 KST\s+Wonsan Kalma International Airport/);
    expect(table).toMatch(/2034-06-02\s+04:35 KST\s+Hungnam/);

    // Invalid UTF-8 did not crash anything: the text is there, the bad bytes replaced by some character.
    const odd = query<{ text: string }>(db, "SELECT text FROM articles WHERE origin LIKE '%odd-bytes.txt'");
    expect(odd).toHaveLength(1);
    expect(odd[0].text).toMatch(/approved the caf.{1,2} budget for the summer season/);
  });

  it('exits non-zero when every input is bad', () => {
    const db = join(dir, 'all-bad.db');
    const r = run(['--db', db, 'ingest', ...badOnly]);
    expect(r.code).not.toBe(0);
    expect(skippedLines(r.stderr)).toHaveLength(badOnly.length);
    expect(summary(r.stderr)).toEqual({ stored: 0, launches: 0, already: 0, failed: badOnly.length });
    if (existsSync(db)) expect(count(db, 'articles')).toBe(0);
  });

  it('loses and duplicates nothing already stored when a bad batch repeats good reports', () => {
    const db = join(dir, 'kept.db');
    const first = run(['--db', db, 'ingest', ...GOOD.map((f) => join(E2E, f))]);
    expect(first.code, first.stderr).toBe(0);
    expect(summary(first.stderr)).toEqual({ stored: 2, launches: 2, already: 0, failed: 0 });
    const eventsBefore = run(['--db', db, 'events', '--json']).stdout;
    const articlesBefore = count(db, 'articles');
    const linksBefore = count(db, 'event_articles');

    // The same good reports (copies, in another folder) plus every bad input; odd-bytes.txt left out.
    const again = run(['--db', db, 'ingest', ...GOOD.map((f) => join(bad, f)), ...badOnly]);
    expect(again.code, again.stderr).toBe(0);
    expect(summary(again.stderr)).toEqual({ stored: 0, launches: 0, already: 2, failed: badOnly.length });
    expect(run(['--db', db, 'events', '--json']).stdout).toBe(eventsBefore);
    expect(count(db, 'articles')).toBe(articlesBefore);
    expect(count(db, 'event_articles')).toBe(linksBefore);
    expect(count(db, 'events')).toBe(2);
  });
});

describe('salvo with a --db that is not a Salvo database', () => {
  it('refuses a file that is not SQLite, with a clear error and the file untouched', () => {
    const notes = join(dir, 'notes.db');
    const content = 'Shopping list\n- rice\n- tea\n';
    writeFileSync(notes, content);
    for (const args of [['ingest', join(E2E, 'a-wire.txt')], ['events']]) {
      const r = run(['--db', notes, ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toContain(notes);
      expect(r.stderr).toMatch(/not a Salvo database/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(readFileSync(notes, 'utf8')).toBe(content);
      expect(existsSync(`${notes}-wal`)).toBe(false);
      expect(existsSync(`${notes}-shm`)).toBe(false);
    }
  });

  it("refuses another program's SQLite database and leaves its tables alone", () => {
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
    db.close();
    const before = readFileSync(other);
    const r = run(['--db', other, 'ingest', join(E2E, 'a-wire.txt')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not a Salvo database/);
    expect(query<{ name: string }>(other, "SELECT name FROM sqlite_master WHERE type = 'table'").map((t) => t.name)).toEqual(['contacts']);
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  it('names the path when the database cannot be opened at all', () => {
    const nowhere = join(dir, 'no-such-folder', 'salvo.db');
    const r = run(['--db', nowhere, 'events']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(nowhere);
    expect(existsSync(nowhere)).toBe(false);
  });
});
