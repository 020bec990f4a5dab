#!/usr/bin/env node
// Speed targets at the edges of the input: the HTML extractor on elements nested 10,000 deep (under 1 s), a page
// of 40,000 short paragraphs (4 MB) read into a document (under 2 s, the default time budget per document; it took
// over 5 s while each block the extractor dropped was looked for in the whole text) and the fetcher's read timeout on a page that never finishes (it gives up within 2 s when the timeout is 300 ms).
//   npm run bench:limits      (builds first)
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { extractHtml } = await import(join(root, 'dist/src/ingest/extract-html/index.js'));
const { Fetcher } = await import(join(root, 'dist/src/ingest/fetch.js'));
const { documentFromHtml } = await import(join(root, 'dist/src/ingest/html.js'));

const DEEP_TARGET_MS = 1000;
const PARAGRAPHS_TARGET_MS = 2000;
const TIMEOUT_TARGET_MS = 2000;
let failed = false;
const report = (name, ms, target) => {
  const ok = ms < target;
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name}: ${ms.toFixed(0)} ms (target < ${target} ms)`);
};

// A paragraph of generic words, repeated: the extractor needs prose to find an article body.
const para = 'The committee met on a quiet morning and talked for several hours about the plans for the coming year. ';
const body = [1, 2, 3].map((i) => `<p>${para.repeat(3)}(${i})</p>`).join('');
const deep = `<html><body>${'<div>'.repeat(10_000)}${body}${'</div>'.repeat(10_000)}</body></html>`;
let t = performance.now();
extractHtml(deep);
report('extract HTML nested 10,000 deep', performance.now() - t, DEEP_TARGET_MS);

const paragraphs = Array.from({ length: 40_000 }, (_, i) => `<p>The council met for the ${i}th time and agreed on item ${i} of the plan, its clerk said.</p>`);
const long = `<html><body>${paragraphs.join('\n')}</body></html>`;
t = performance.now();
documentFromHtml(long, 'bench');
report('read a page of 40,000 paragraphs into a document', performance.now() - t, PARAGRAPHS_TARGET_MS);

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.write('<p>');
  setTimeout(() => res.end('late</p>'), 5000).unref();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const { port } = server.address();
const fetcher = new Fetcher({ allowLoopback: true, hostDelayMs: 0, connectTimeoutMs: 300, readTimeoutMs: 300, totalTimeoutMs: 3000 });
t = performance.now();
await fetcher.fetch(`http://127.0.0.1:${port}/slow`, { expect: 'html' }).catch(() => null);
report('fetch gives up on a stalled page', performance.now() - t, TIMEOUT_TARGET_MS);
server.closeAllConnections();
server.close();
process.exit(failed ? 1 : 0);
