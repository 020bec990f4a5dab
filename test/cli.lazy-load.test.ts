// Start-up: a command loads only what it runs. `salvo events` and `salvo --help` are run through the built CLI
// with a loader hook that records every module loaded (test/helpers/load-trace.mjs); neither may load the server
// (fastify, its plugins), the PostgreSQL driver, the document pool (piscina), the extraction pipeline (chrono-node,
// the HTML readers, the charset detectors) or the modules of other commands. No timing here: the figures are
// `npm run bench:startup`'s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, ROOT, salvo } from './helpers/cli.js';

/** Packages only other commands need. */
const FOREIGN_PACKAGES = [
  'fastify', '@fastify/multipart', '@fastify/static', '@fastify/swagger', 'fastify-plugin', 'pg', 'piscina', 'chrono-node',
  'linkedom', '@mozilla/readability', 'htmlparser2', 'iconv-lite', 'jschardet', 'geographiclib-geodesic',
];
/** Our modules only other commands need (folders end in "/"). */
const FOREIGN_MODULES = [
  'extract/', 'clean/', 'ingest/index.js', 'resolve/copies/', 'pipeline.js', 'serve/command.js', 'serve/app.js', 'serve/routes/',
  'live/cli.js', 'live/watch.js', 'app/pool.js', 'app/ingestion.js', 'app/event-view.js', 'app/outputs/index.js',
];

let dir: string;
let db: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-lazy-'));
  db = join(dir, 'salvo.db');
  const r = salvo(['--db', db, 'ingest', join(ROOT, 'test', 'fixtures', 'e2e')], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The modules `salvo …args` loads: package names, and our modules as paths under dist/src/. */
function loadedBy(args: string[]): { packages: Set<string>; modules: string[]; stdout: string } {
  const trace = join(dir, `trace-${args.join('-').replace(/\W+/g, '_')}.txt`);
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'helpers', 'load-trace.mjs'), CLI, ...args], {
    cwd: dir,
    env: { ...process.env, SALVO_LOAD_TRACE: trace },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(trace, 'utf8').trim().split('\n');
  const packages = new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  const modules = urls.map((u) => /\/dist\/src\/(.+)$/.exec(u)?.[1]).filter((m): m is string => m !== undefined);
  return { packages, modules, stdout: r.stdout };
}

const foreignModules = (modules: string[]): string[] => modules.filter((m) => FOREIGN_MODULES.some((f) => (f.endsWith('/') ? m.startsWith(f) : m === f)));

describe('lazy loading', () => {
  it('salvo events loads the store and the table, nothing of the server, the pool or the pipeline', () => {
    const { packages, modules, stdout } = loadedBy(['--db', db, 'events']);
    expect(stdout).toContain('DPRK-2034-05-16');
    // The trace sees what the command needs: its own module, the store's driver.
    expect(modules).toContain('cli/events.js');
    expect(packages).toContain('better-sqlite3');
    expect(FOREIGN_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    expect(foreignModules(modules)).toEqual([]);
  });

  it('salvo events --json loads no more than the table does', () => {
    const { packages, modules } = loadedBy(['--db', db, 'events', '--json']);
    expect(modules).toContain('cli/events.js');
    expect(FOREIGN_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    expect(foreignModules(modules)).toEqual([]);
  });

  it("salvo analyze's own thread loads the prefilter, not the cleaner, the rules or chrono (the pool's threads run those)", () => {
    const { packages, modules, stdout } = loadedBy(['analyze', join(ROOT, 'test', 'fixtures', 'e2e'), '--jsonl']);
    expect(stdout).toContain('"is_launch_report":true'); // the pool's threads did extract
    expect(modules).toContain('extract/prefilter.js');
    expect(packages).toContain('piscina');
    expect(packages.has('chrono-node')).toBe(false);
    const extraction = ['clean/index.js', 'pipeline.js', 'extract/index.js', 'extract/extract.js', 'extract/locales/index.js', 'extract/rules/site.js', 'extract/locales/en/', 'extract/locales/ja/', 'extract/locales/ko/'];
    expect(modules.filter((m) => extraction.some((e) => (e.endsWith('/') ? m.startsWith(e) : m === e)))).toEqual([]);
  });

  it('salvo --help loads the command tables only: no store, no command', () => {
    const { packages, modules, stdout } = loadedBy(['--help']);
    expect(stdout).toContain('events');
    expect(packages).toContain('commander');
    expect([...packages].filter((p) => p !== 'commander')).toEqual([]);
    expect(modules.filter((m) => m.startsWith('store/') || m === 'cli/events.js')).toEqual([]);
    expect(foreignModules(modules)).toEqual([]);
  });
});
