// Start-up: a command loads only what it runs. `salvo events` and `salvo --help` are run through the built CLI
// with a loader hook that records every module loaded (test/helpers/load-trace.mjs); neither may load the server
// (fastify, its plugins), the PostgreSQL driver, the document pool (piscina), the extraction pipeline (chrono-node,
// the HTML readers, the charset detectors) or the modules of other commands; `salvo ingest` and `salvo analyze` of
// JSON and JSON Lines load no HTML reader in their own thread (the pool's threads read pages). No timing here: the
// figures are `npm run bench:startup`'s.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, query, ROOT, salvo } from './helpers/cli.js';

/** Packages only other commands need. */
const FOREIGN_PACKAGES = [
  'fastify', '@fastify/multipart', '@fastify/static', '@fastify/swagger', 'fastify-plugin', 'pg', 'piscina', 'chrono-node',
  'linkedom', '@mozilla/readability', 'htmlparser2', 'iconv-lite', 'jschardet', 'geographiclib-geodesic',
];
/** The HTML readers: packages, and our modules that load them (html.ts, strings.ts, app/paste.ts). */
const HTML_PACKAGES = ['linkedom', 'htmlparser2', 'css-select', '@mozilla/readability'];
const HTML_MODULES = ['ingest/html.js', 'ingest/dom.js', 'ingest/strings.js', 'ingest/extract-html/', 'app/paste.js'];
/** Our modules only other commands need (folders end in "/"). */
const FOREIGN_MODULES = [
  'extract/', 'clean/', 'ingest/index.js', 'resolve/copies/', 'pipeline.js', 'serve/command.js', 'serve/app.js', 'serve/routes/',
  'live/cli.js', 'live/watch.js', 'app/pool.js', 'app/ingestion.js', 'app/event-view.js', 'app/outputs/index.js',
];

let dir: string;
let db: string;
/** A folder of records only: the e2e fixtures' JSON and JSON Lines files. */
let records: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'salvo-lazy-'));
  db = join(dir, 'salvo.db');
  const r = salvo(['--db', db, 'ingest', join(ROOT, 'test', 'fixtures', 'e2e')], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  records = join(dir, 'records');
  mkdirSync(records);
  for (const name of ['b-record.json', 'd-newsplease.json', 'e-pair.jsonl']) copyFileSync(join(ROOT, 'test', 'fixtures', 'e2e', name), join(records, name));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The modules `salvo …args` loads: package names, and our modules as paths under dist/src/. */
function loadedBy(args: string[]): { packages: Set<string>; modules: string[]; stdout: string; stderr: string } {
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
  return { packages, modules, stdout: r.stdout, stderr: r.stderr };
}

const among = (list: string[]) => (modules: string[]): string[] => modules.filter((m) => list.some((f) => (f.endsWith('/') ? m.startsWith(f) : m === f)));
const foreignModules = among(FOREIGN_MODULES);
const htmlModules = among(HTML_MODULES);

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

  it("salvo ingest of JSON and JSON Lines loads no HTML reader in its own thread", () => {
    const { packages, modules, stderr } = loadedBy(['--db', join(dir, 'records.db'), 'ingest', records]);
    expect(stderr).toContain('4 stored');
    expect(modules).toContain('ingest/files.js');
    expect(HTML_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    expect(htmlModules(modules)).toEqual([]);
  });

  it("salvo analyze of JSON and JSON Lines loads no HTML reader in its own thread", () => {
    const { packages, modules, stdout } = loadedBy(['analyze', records, '--jsonl']);
    expect(stdout.trim().split('\n')).toHaveLength(4);
    expect(stdout).toContain('"is_launch_report":true');
    expect(HTML_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    expect(htmlModules(modules)).toEqual([]);
  });

  it('salvo ingest of an HTML page still reads it', () => {
    // (The pool's threads read the page; the trace also records what they import on demand, so it is not checked here.)
    const pageDb = join(dir, 'page.db');
    const r = salvo(['--db', pageDb, 'ingest', join(ROOT, 'test', 'fixtures', 'e2e', 'c-page.html')], { cwd: dir });
    expect(r.stderr).toContain('1 stored (1 launch reports)');
    const [article] = query<{ format: string; title: string; text: string }>(pageDb, 'SELECT format, title, text FROM articles');
    expect(article.format).toBe('html');
    expect(article.title).toBe('North Korea launches two missiles from Hamhung');
    expect(article.text).toContain('Hamhung area');
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
