#!/usr/bin/env node
// Benchmark (not a test): from a feed item appearing on a loopback server to the webhook receiving its alert,
// with `salvo watch` polling the feed every second. Items appear one at a time (a launch on a new date each,
// so each makes a new event and one alert), at random gaps; the receiver matches alerts to items by event id.
//
//   npm run build && npm run bench:live -- [--items 100] [--gap-ms 1500] [--host-delay-ms 250] [--poll-s 1]
//
// Prints the median, p90, p99 and max latency; the target is a p99 under 5 s. Everything runs on 127.0.0.1.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, requireBuilt } from './built-cli.mjs';

requireBuilt();

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('items', 100);
const GAP = arg('gap-ms', 1500);
const HOST_DELAY = arg('host-delay-ms', 250);
const POLL_S = arg('poll-s', 1);
const SECRET = 'bench-secret-0123';

const dateOf = (i) => new Date(Date.UTC(2040, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const page = (i) => `<!doctype html><html><head><meta charset="utf-8"><title>North Korea fires missile ${i}</title>
<meta property="article:published_time" content="${dateOf(i)}T11:00:00+09:00"></head><body><article>
<h1>North Korea fires ballistic missile from Wonsan</h1>
<p>North Korea launched a short-range ballistic missile from the Wonsan area on ${dateOf(i)}, South Korea's Joint Chiefs of Staff said in a statement to reporters.</p>
<p>The missile flew about ${300 + i} km before falling into the sea between the peninsula and Japan, the Joint Chiefs of Staff added.</p>
<p>Seoul's defence ministry condemned the launch as a clear provocation and said it was watching closely.</p>
</article></body></html>`;

const shown = []; // item indexes in the feed, newest first
const appeared = new Map(); // event id → ms
const received = new Map(); // event id → ms
let badSignatures = 0;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (path === '/feed.xml') {
      const items = shown.slice(0, 50).map((i) => `<item><title>Item ${i}</title><link>${base}/a/${i}</link><guid>item-${i}</guid></item>`);
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>${items.join('')}</channel></rss>`);
    }
    const m = /^\/a\/(\d+)$/.exec(path);
    if (m) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(m[1])));
    if (path === '/hook' && req.method === 'POST') {
      const body = Buffer.concat(chunks);
      const sig = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      if (sig !== req.headers['x-salvo-signature']) badSignatures++;
      const p = JSON.parse(body.toString());
      if (p.kind === 'new-event' && !received.has(p.eventId)) received.set(p.eventId, Date.now());
      return res.writeHead(204).end();
    }
    res.writeHead(404).end();
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const dir = mkdtempSync(join(tmpdir(), 'salvo-bench-live-'));
writeFileSync(join(dir, 'salvo.config.json'), JSON.stringify({
  sources: [{ url: `${base}/feed.xml`, interval: POLL_S }],
  webhooks: [{ url: `${base}/hook`, secret: SECRET }],
  fetch: { allowLoopback: true, hostDelayMs: HOST_DELAY },
  alerts: { backoffMs: 200 },
}));
const env = { ...process.env };
delete env.SALVO_DB;
const child = spawn(process.execPath, [CLI, '--db', join(dir, 'salvo.db'), 'watch'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
child.stderr.on('data', (d) => (log += d.toString()));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
await sleep(2500); // the watcher opens the database and makes its first (empty) poll

console.log(`bench:live: ${N} items, gap ${GAP * 0.67 | 0}–${GAP * 1.33 | 0} ms, poll every ${POLL_S} s, host delay ${HOST_DELAY} ms`);
for (let i = 0; i < N; i++) {
  shown.unshift(i);
  appeared.set(`DPRK-${dateOf(i)}`, Date.now());
  await sleep(GAP * (0.67 + Math.random() * 0.66));
}
const deadline = Date.now() + 30_000;
while (received.size < N && Date.now() < deadline) await sleep(100);
child.kill('SIGTERM');
await new Promise((r) => child.on('close', r));
server.close();

const lat = [...appeared].filter(([id]) => received.has(id)).map(([id, t]) => received.get(id) - t).sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`received ${received.size}/${N} alerts (bad signatures: ${badSignatures})`);
if (lat.length) console.log(`latency: median ${s(q(50))}, p90 ${s(q(90))}, p99 ${s(q(99))}, max ${s(lat[lat.length - 1])}, min ${s(lat[0])}`);
const ok = received.size === N && lat.length && q(99) < 5000 && badSignatures === 0;
console.log(ok ? 'target met: p99 under 5 s' : 'target NOT met');
if (!ok) console.log(log.split('\n').slice(-15).join('\n'));
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
