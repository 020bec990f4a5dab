// The live commands through the built CLI (async child processes, so the loopback server in this process can
// answer): `salvo ingest <url>`, `salvo watch --once` with a config file, `salvo alerts test`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../src/live/alerts.js';
import { assertBuilt, CLI, query } from './helpers/cli.js';
import { launchPage, rss, send, startLoopback, status, type Loopback } from './helpers/loopback.js';

let srv: Loopback;
let dir: string;
const hooks: { body: string; signature: string | undefined }[] = [];

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SALVO_DB;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  assertBuilt();
  srv = await startLoopback();
  dir = mkdtempSync(join(tmpdir(), 'salvo-live-cli-'));
  srv.routes.set('/robots.txt', status(404));
  srv.routes.set('/page', send('text/html; charset=utf-8', launchPage({ date: '2034-09-09', km: 500 })));
  srv.routes.set('/feed.xml', send('application/rss+xml', rss([{ url: `${srv.base}/page2` }, { url: `${srv.base}/missing` }])));
  srv.routes.set('/page2', send('text/html; charset=utf-8', launchPage({ date: '2034-09-10', site: 'Wonsan' })));
  srv.routes.set('/hook', (req, res, body) => {
    hooks.push({ body: body.toString(), signature: req.headers['x-salvo-signature'] as string | undefined });
    res.writeHead(200).end();
  });
  writeFileSync(join(dir, 'salvo.config.json'), JSON.stringify({
    sources: [{ url: `${srv.base}/feed.xml`, interval: 60 }],
    webhooks: [{ url: `${srv.base}/hook`, secret: 'cli-test-secret' }],
    fetch: { allowLoopback: true, hostDelayMs: 0, timeoutMs: 3000 },
  }));
});

afterAll(async () => {
  await srv?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('live commands', () => {
  it('salvo ingest <url> refuses loopback unless allowed, then stores the page', async () => {
    const refused = await run(['--db', 'a.db', 'ingest', `${srv.base}/page`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`salvo: skipped ${srv.base}/page: refused: address 127.0.0.1 is a loopback address`);
    const ok = await run(['--db', 'a.db', 'ingest', '--allow-loopback', `${srv.base}/page`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/salvo: 1 stored \(1 launch reports?\)/);
    expect(query<{ url: string }>(join(dir, 'a.db'), 'SELECT url FROM articles')).toEqual([{ url: `${srv.base}/page` }]);
  });

  it('salvo watch --once polls, stores, reports the failing item and sends alerts', async () => {
    // The first run meets the webhook: it gets what happens from then on.
    const r = await run(['--db', 'w.db', 'watch', '--once']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`salvo watch: ${srv.base}/feed.xml: ${srv.base}/missing: HTTP 404 Not Found`);
    expect(r.stderr).toMatch(/polled 1 source: 1 stored, 0 sources failed, 1 item failed/);
    expect(hooks).toHaveLength(1);
    expect(JSON.parse(hooks[0].body)).toMatchObject({ kind: 'new-event', eventId: 'DPRK-2034-09-10' });
    expect(verifySignature(hooks[0].body, 'cli-test-secret', hooks[0].signature)).toBe(true);
    const again = await run(['--db', 'w.db', 'watch', '--once']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 stored/);
    expect(hooks).toHaveLength(1);
  });

  it('salvo alerts test sends a signed sample', async () => {
    const r = await run(['--db', 'w.db', 'alerts', 'test']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`ok   ${srv.base}/hook: HTTP 200`);
    expect(hooks).toHaveLength(2);
    expect(JSON.parse(hooks[1].body)).toMatchObject({ test: true });
    expect(verifySignature(hooks[1].body, 'cli-test-secret', hooks[1].signature)).toBe(true);
  });

  it('a bad config is refused with the reason', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ sources: [{ url: 'ftp://x' }] }));
    const r = await run(['--db', 'w.db', 'watch', '--once', '--config', 'bad.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: sources\[0\]: "ftp:\/\/x" is not an http\(s\) address/);
  });
});
