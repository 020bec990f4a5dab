// Issue 15 item 4: special paths given to `salvo ingest`. Only regular files are read (a named pipe would block
// forever, /dev/zero never ends), the size limit holds while reading (files in /proc say they are empty), and a
// folder walk follows no symbolic link to a folder (`up -> ..` loops) nor one leading out of the folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInputs, ingestPaths } from '../dist/src/ingest/index.js';
import type { IngestItem } from '../src/types.js';
import { assertBuilt, CLI, ROOT, salvo } from './helpers/cli.js';

const E2E = join(ROOT, 'test', 'fixtures', 'e2e');
let dir: string;
let inbox: string;

async function all(paths: string[], maxBytes?: number): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of ingestPaths(paths, { maxBytes })) out.push(x);
  return out;
}
const reasons = (items: IngestItem[]): Record<string, string> =>
  Object.fromEntries(items.flatMap((i) => (i.ok ? [] : [[i.failure.origin.slice(dir.length + 1), i.failure.reason]])));

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-special-'));
  inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'sub'), { recursive: true });
  copyFileSync(join(E2E, 'a-wire.txt'), join(inbox, 'a-wire.txt'));
  writeFileSync(join(dir, 'outside.txt'), 'North Korea fired a missile on Monday, officials said.\n');
  execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);
  symlinkSync('..', join(inbox, 'up'));
  symlinkSync('..', join(inbox, 'sub', 'up'));
  symlinkSync(join(dir, 'outside.txt'), join(inbox, 'out.txt'));
  symlinkSync('../a-wire.txt', join(inbox, 'sub', 'same.txt'));
  symlinkSync('/dev/zero', join(inbox, 'zero.txt'));
  symlinkSync(join(dir, 'nowhere'), join(inbox, 'broken.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('special paths', () => {
  it('reads regular files only: a named pipe and devices are refused at once', async () => {
    const items = await all([join(inbox, 'pipe.txt'), '/dev/zero', '/dev/urandom']);
    expect(items.map((i) => (i.ok ? 'read' : i.failure.reason))).toEqual([
      'not a regular file (a named pipe)',
      'not a regular file (a device)',
      'not a regular file (a device)',
    ]);
  }, 10_000);

  it('enforces the size limit while reading, not by the size a file reports', async () => {
    const proc = '/proc/self/mountinfo'; // a regular file that says it holds 0 bytes
    if (!existsSync(proc)) return;
    const items = await all([proc], 16);
    expect(items).toEqual([{ ok: false, failure: { origin: proc, reason: 'file too large (over 16 bytes > 16 bytes limit)' } }]);
  });

  it('unpacks a .gz file no further than the size limit', async () => {
    const bomb = join(dir, 'bomb.txt.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a')));
    const items = await all([bomb], 1024 * 1024);
    expect(items).toEqual([{ ok: false, failure: { origin: bomb, reason: 'file too large once decompressed (> 1 MB limit)' } }]);
  });

  it('walks a folder without following links to folders or out of it, and counts what it walks', async () => {
    const items = await all([inbox]);
    expect(reasons(items)).toEqual({
      'inbox/broken.txt': 'broken symbolic link (not found)',
      'inbox/out.txt': 'symbolic link out of the folder (not followed)',
      'inbox/pipe.txt': 'not a regular file (a named pipe)',
      'inbox/sub/up': 'symbolic link to a folder (not followed)',
      'inbox/up': 'symbolic link to a folder (not followed)',
      'inbox/zero.txt': 'symbolic link out of the folder (not followed)',
    });
    // The report and the link to it inside the folder are read (the store will see the second as a duplicate).
    expect(items.filter((i) => i.ok).map((i) => (i.ok ? i.doc.origin.slice(dir.length + 1) : ''))).toEqual(['inbox/a-wire.txt', 'inbox/sub/same.txt']);
    expect(await countInputs([inbox])).toBe(items.length);
  }, 10_000);

  it('salvo ingest of such a folder finishes, stores the report and names each skipped path', () => {
    const r = salvo(['ingest', inbox], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped .*inbox\/up: symbolic link to a folder \(not followed\)/);
    expect(r.stderr).toMatch(/skipped .*inbox\/pipe\.txt: not a regular file \(a named pipe\)/);
    expect(r.stderr).toMatch(/1 stored/);
  });
});

// Issue 15 item 7: a database the user may not write is an error at once, not a run of failed writes ending in 0.
describe('a read-only database', () => {
  it('salvo ingest refuses it with a clear message and a non-zero exit', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    copyFileSync(join(E2E, 'a-wire.txt'), join(ro, 'a-wire.txt'));
    copyFileSync(join(E2E, 'c-page.html'), join(ro, 'c-page.html'));
    expect(salvo(['--db', join(ro, 'r.db'), 'ingest', join(ro, 'a-wire.txt')], { cwd: ro }).code).toBe(0);
    chmodSync(dir, 0o755);
    chmodSync(ro, 0o777);
    chmodSync(join(ro, 'r.db'), 0o444);
    // root may write any file: run as nobody then (setpriv is in util-linux).
    const asRoot = process.getuid?.() === 0;
    const cmd = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const r = spawnSync(cmd[0], [...cmd.slice(1), CLI, '--db', join(ro, 'r.db'), 'ingest', join(ro, 'a-wire.txt'), join(ro, 'c-page.html')], { cwd: ro, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toMatch(/database .*r\.db is read-only \(EACCES\)/);
    expect(r.status).not.toBe(0);
  });
});
