// Many salvo processes on one PostgreSQL database: the shared job queue (one holder per job, takeover after a
// lease ran out, backoff), two `salvo ingest` processes over overlapping folders, two `salvo watch` processes on
// one config, a watcher killed with SIGKILL mid-job, and two API replicas whose answer caches follow each
// other's writes. Needs SALVO_TEST_PG; skipped without it (the line printed says how to run it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../src/serve/app.js';
import { PostgresStore } from '../src/store/postgres/store.js';
import { assertBuilt, CLI, ROOT } from './helpers/cli.js';
import { launchPage, rss, send, startLoopback, type Loopback } from './helpers/loopback.js';
import { dropSchemas, freshSchemaUrl, HOW_TO_RUN, PG_URL } from './helpers/postgres.js';
// @ts-expect-error: a plain JavaScript script, shared with `npm run bench:scale`
import { generateArticles } from '../scripts/firehose.mjs';

if (!PG_URL) console.log(HOW_TO_RUN);

const HOST = { host: '127.0.0.1:8080' };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function salvoProcess(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
}
const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/** A store on a new schema, migrated (as `salvo db migrate` would, before the workers start). */
async function freshStore(): Promise<{ url: string; store: PostgresStore }> {
  const url = await freshSchemaUrl();
  return { url, store: await PostgresStore.open(url) };
}

describe.skipIf(!PG_URL)('many workers on PostgreSQL', () => {
  beforeAll(() => assertBuilt());
  afterAll(() => dropSchemas());

  describe('job queue', () => {
    it('gives each job to one worker, holds a retry until its backoff passed, and hands over a job whose lease ran out', async () => {
      const { store } = await freshStore();
      try {
        const [a, b] = [store.jobQueue(), store.jobQueue()];
        expect(await a.enqueue([{ kind: 'fetch', key: 'x' }, { kind: 'fetch', key: 'y' }])).toBe(2);
        expect(await b.enqueue([{ kind: 'fetch', key: 'x' }])).toBe(0);
        const [ja, jb] = await Promise.all([a.claim({ kind: 'fetch', leaseMs: 60_000 }), b.claim({ kind: 'fetch', leaseMs: 60_000 })]);
        expect(new Set([ja?.key, jb?.key])).toEqual(new Set(['x', 'y']));
        expect(await a.claim({ kind: 'fetch', leaseMs: 60_000 })).toBeNull();
        if (!ja || !jb) throw new Error('both claimed');

        // A retry waits out its backoff (unless claimed early), and only its holder may finish a job.
        expect(await b.complete(ja)).toBe(false);
        expect(await a.later(ja, 60_000, 'HTTP 503')).toBe(true);
        expect(await b.claim({ kind: 'fetch', leaseMs: 60_000 })).toBeNull();
        expect((await b.claim({ kind: 'fetch', early: true, leaseMs: 60_000 }))?.key).toBe(ja.key);

        // b's other job: its lease runs out (b "died"), a takes it over; b can no longer finish it.
        expect(await b.renew(jb, 100)).toBe(true);
        await sleep(300);
        const taken = await a.claim({ kind: 'fetch', leaseMs: 60_000 });
        expect(taken).toMatchObject({ key: jb.key, attempts: 2 });
        expect(await b.complete(jb)).toBe(false);
        expect(await a.complete(taken ?? jb)).toBe(true);
        expect(await a.claim({ kind: 'fetch', early: true, leaseMs: 60_000 })).toBeNull();
      } finally {
        await store.close();
      }
    });
  });

  describe('two `salvo ingest` processes on overlapping folders', () => {
    let dir: string;
    // 90 articles, 9 of them launch reports (3 launches, 3 reports each); the folders share articles 30–59.
    const articles = generateArticles({ count: 90, launchShare: 0.1, reportsPerLaunch: 3, bytes: 1500 }) as { name: string; text: string; launch: number | null }[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'salvo-overlap-'));
      for (const [folder, from, to] of [['first', 0, 60], ['second', 30, 90]] as const) {
        mkdirSync(join(dir, folder));
        for (const a of articles.slice(from, to)) writeFileSync(join(dir, folder, a.name), a.text);
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('store every report once and make one event per launch', async () => {
      const { url, store } = await freshStore();
      try {
        const runs = [salvoProcess(['--db', url, 'ingest', join(dir, 'first')]), salvoProcess(['--db', url, 'ingest', join(dir, 'second')])];
        expect(await Promise.all(runs.map(exited))).toEqual([0, 0]);
        expect(await store.counts()).toEqual({ articles: 90, events: 3 });
        const events = await store.listEvents();
        expect(events.map((e) => e.articleIds.length)).toEqual([3, 3, 3]);
        const launches = articles.filter((a) => a.launch !== null);
        expect(new Set(events.flatMap((e) => e.articleIds)).size).toBe(launches.length);
      } finally {
        await store.close();
      }
    });
  });

  describe('`salvo watch` processes', () => {
    let srv: Loopback;
    let dir: string;
    const ITEMS = 6;
    const page = (i: number): string => `/w/${i}`;
    beforeAll(async () => {
      srv = await startLoopback();
      dir = mkdtempSync(join(tmpdir(), 'salvo-watchers-'));
      srv.routes.set('/feed.xml', send('application/rss+xml', rss(Array.from({ length: ITEMS }, (_, i) => ({ url: `${srv.base}${page(i)}`, guid: `w-${i}` })))));
      for (let i = 0; i < ITEMS; i++) {
        const date = new Date(Date.UTC(2032, 0, 5) + i * 40 * 86_400_000).toISOString().slice(0, 10);
        srv.routes.set(page(i), send('text/html; charset=utf-8', launchPage({ date, km: 300 + i })));
      }
    });
    afterAll(async () => {
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('two watchers on one config fetch each item once', async () => {
      const { url, store } = await freshStore();
      const config = join(dir, 'two.json');
      writeFileSync(config, JSON.stringify({
        sources: [{ url: `${srv.base}/feed.xml`, interval: 0.2 }],
        fetch: { allowLoopback: true, hostDelayMs: 0, robots: false },
        // Long enough that neither live watcher loses a job on this busy machine (a renewal waits for a
        // synchronous extraction to finish): only a dead watcher's jobs change hands.
        jobs: { leaseMs: 10_000 },
      }));
      const watchers = [salvoProcess(['--db', url, 'watch', '--config', config]), salvoProcess(['--db', url, 'watch', '--config', config])];
      try {
        await vi.waitFor(async () => expect((await store.counts()).articles).toBe(ITEMS), { timeout: 60_000, interval: 200 });
        // Two more polls of the feed (a watcher naps up to WATCH_MAX_NAP_MS between claims, so a fixed one-second
        // wait could see none): nothing is fetched again.
        const polled = srv.hits('/feed.xml');
        await vi.waitFor(() => expect(srv.hits('/feed.xml')).toBeGreaterThan(polled + 1), { timeout: 30_000, interval: 200 });
        for (let i = 0; i < ITEMS; i++) expect(srv.hits(page(i)), page(i)).toBe(1);
        expect(await store.counts()).toEqual({ articles: ITEMS, events: ITEMS });
      } finally {
        for (const w of watchers) w.kill('SIGTERM');
        await Promise.all(watchers.map(exited));
        await store.close();
      }
    });

    it('a watcher killed with SIGKILL mid-fetch: another takes its job over, every item stored once', async () => {
      const { round } = (await import('../scripts/pg-watch-kill.mjs')) as { round: () => Promise<Record<string, number | boolean>> };
      expect(await round()).toEqual({ articles: 5, events: 5, jobsDone: 5, stuckFetches: 2, otherFetchesMax: 1, stuckJobAttempts: 2, ok: true });
    });
  });

  describe('API replicas', () => {
    it('a replica serves an event written through another one, past its cached answer', async () => {
      const url = await freshSchemaUrl();
      const [storeA, storeB] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
      const [a, b] = await Promise.all([storeA, storeB].map((store) => buildServer({ store, host: '127.0.0.1', webRoot: null, cache: true })));
      try {
        const list = async (): Promise<number> => (await b.inject({ method: 'GET', url: '/api/events', headers: HOST })).json<{ total: number }>().total;
        expect(await list()).toBe(0);
        expect(await list()).toBe(0); // now a cached answer on b
        const text = launchPage({ date: '2033-04-04', km: 610 });
        const posted = await a.inject({ method: 'POST', url: '/api/ingest', headers: HOST, payload: { text } });
        expect(posted.json()).toMatchObject({ stored: 1 });
        // How soon is a figure (bench:scale, target ≤ 1 s); here only that the other replica's cache lets go of it.
        await vi.waitFor(async () => expect(await list()).toBe(1), { timeout: 15_000, interval: 20 });
      } finally {
        await Promise.all([a.close(), b.close()]);
        await Promise.all([storeA.close(), storeB.close()]);
      }
    });
  });
});
