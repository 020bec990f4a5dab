// Screenshots of every page of the web app at 1440 px and 390 px wide, written to docs/screenshots/ (npm run
// screenshots; needs `npm run build` first and Debian's Chromium at /usr/bin/chromium, or CHROMIUM=<path>).
// A fresh database in a temporary folder holds the example reports (examples/reports) and two example watched
// sources, so the pictures show only the repository's own text; `--ingest <path>` adds more reports.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WIDTHS = [
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
];

const args = process.argv.slice(2);
const extra = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--ingest' && args[i + 1]) extra.push(args[++i]);

if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('dist/web is not built: run npm run build first');
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium, or set CHROMIUM`);

const { buildServer } = await import(join(ROOT, 'dist/src/serve/app.js'));
const { openStore } = await import(join(ROOT, 'dist/src/store/open.js'));

const dir = mkdtempSync(join(tmpdir(), 'salvo-shots-'));
const store = await openStore(join(dir, 'salvo.db'));
const app = await buildServer({ store, host: '127.0.0.1' });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  // the example reports, through the same ingest as the paste form and `salvo ingest`
  const reports = join(ROOT, 'examples', 'reports');
  for (const path of [...readdirSync(reports).map((f) => join(reports, f)), ...extra]) {
    const form = new FormData();
    form.append('files', new Blob([readFileSync(path)]), path.split('/').pop());
    const r = await fetch(`${base}/api/ingest/files`, { method: 'POST', body: form });
    if (!r.ok) throw new Error(`ingest ${path}: ${r.status} ${await r.text()}`);
  }
  const now = new Date().toISOString();
  await store.syncWatchSources([
    { url: 'https://news.example.org/world/asia-pacific/north-korea/rss-feed-of-missile-launch-reports.xml', kind: 'feed', intervalS: 300 },
    { url: 'https://press.example.go.kr/sitemap-news.xml', kind: 'sitemap', intervalS: 900 },
  ]);
  await store.recordPoll('https://news.example.org/world/asia-pacific/north-korea/rss-feed-of-missile-launch-reports.xml', { at: now, error: null });
  await store.recordPoll('https://press.example.go.kr/sitemap-news.xml', { at: now, error: 'HTTP 503 Service Unavailable (will retry)' });

  const events = (await (await fetch(`${base}/api/events?limit=500`)).json()).events;
  const event = [...events].sort((a, b) => b.reports - a.reports)[0];
  const detail = await (await fetch(`${base}/api/events/${encodeURIComponent(event.id)}`)).json();
  const article = detail.articles[0].id;

  const pages = [
    { name: 'timeline', hash: '#/', ready: '.chart-svg' }, // drawn once the table's rows are
    { name: 'map', hash: `#/map?event=${encodeURIComponent(event.id)}`, ready: 'a.event-mark' },
    { name: 'event', hash: `#/event/${encodeURIComponent(event.id)}`, ready: '.cite' },
    { name: 'sources', hash: '#/sources', ready: 'table.sources' },
    { name: 'article', hash: `#/article/${article}`, ready: '.article-text p' },
    { name: 'paste', hash: '#/add', ready: '#paste-text' },
  ];
  mkdirSync(OUT, { recursive: true });
  for (const w of WIDTHS) {
    const page = await browser.newPage({ viewport: { width: w.width, height: w.height } });
    for (const p of pages) {
      await page.goto(`${base}/${p.hash}`);
      await page.waitForSelector(p.ready);
      if (p.name === 'paste') {
        await page.fill('#paste-text', 'North Korea fires a ballistic missile\n\nSEOUL, Dec. 4 (Yonhap) -- North Korea fired a ballistic missile on Friday, the Joint Chiefs of Staff said.');
        await page.fill('#paste-published', '2020-12-04');
        await page.fill('#paste-url', 'https://news.example.org/2020/12/04/launch');
      }
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) process.stderr.write(`warning: ${p.name} at ${w.width} px overflows by ${overflow} px\n`);
      const file = join(OUT, `${p.name}-${w.name}.png`);
      // the whole page, up to three screens tall
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), w.height * 3);
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: w.width, height } });
      process.stdout.write(`${file}\n`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
