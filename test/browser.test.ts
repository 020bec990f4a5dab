// The web app in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core; nothing downloaded):
// the reference timeline (one row per launch day, sorting, paging, text filter, a news event merged with its
// reference flight), a pasted report with its publication date and URL appearing on timeline and map without a
// reload, the map (zoom, wedge on hover, click opens the event), downloads, the event page's quoted sentence
// and citation, a file upload, article text that tries to run script, no sideways scrolling at 390 px and
// 1920 px on every page, tab titles and keyboard reach. Screenshots go to test-artifacts/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, WEB_ROOT } from '../src/serve/app.js';
import { WEB_TIMELINE_PAGE as PAGE } from '../src/settings.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { ROOT } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does) for the browser tests`);
}
if (!haveChromium) {
  process.stderr.write(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium to run them)\n`);
}

const REPORT = [
  'North Korea fires ballistic missile northeast from Sinpo',
  '',
  'SEOUL, July 14, 2037 - North Korea fired a ballistic missile northeast from the Sinpo area on Tuesday morning, South Korea\'s Joint Chiefs of Staff said.',
  '',
  'The missile flew about 640 kilometers before falling into the East Sea, the Joint Chiefs of Staff said.',
].join('\n');
const QUOTED = 'The missile flew about 640 kilometers before falling into the East Sea, the Joint Chiefs of Staff said.';

const UPLOAD = [
  'North Korea launches two cruise missiles from Nampo',
  '',
  'SEOUL, August 3, 2037 - North Korea launched two cruise missiles from the Nampo area on Monday, South Korea\'s military said.',
  '',
  'The missiles flew around 300 km over the Yellow Sea, the Joint Chiefs of Staff said.',
].join('\n');

// A launch on the reference list (2022-10-13 16:47 UTC = 2022-10-14 01:47 KST), written for this test.
const LISTED = [
  'North Korea fires ballistic missile from Sunan',
  '',
  'SEOUL, Oct. 14, 2022 - North Korea fired a short-range ballistic missile from the Sunan area at 1:49 a.m. on Friday, South Korea\'s Joint Chiefs of Staff said.',
  '',
  'The missile flew about 700 kilometers before falling into the East Sea, the military said.',
].join('\n');

/** The reference flights' launch days in Korean time, as the timeline groups them (a flight without a time keeps its UTC date). */
function referenceDaysKst(launches: { dateUtc: string; timeUtc: string | null }[]): Set<string> {
  return new Set(launches.map((f) => {
    if (!f.timeUtc) return f.dateUtc;
    const t = new Date(`${f.dateUtc}T${f.timeUtc}:00Z`).getTime() + 9 * 3600_000;
    return new Date(t).toISOString().slice(0, 10);
  }));
}

const HOSTILE = {
  id: 'xss-1',
  url: 'javascript:window.__xss=3',
  source: 'evil.example',
  published: '2037-09-01',
  title: 'Hostile <script>window.__xss=1</script> headline',
  text: 'This text has a <script>window.__xss=1</script> tag and <img src=x onerror="window.__xss=2"> and a <a href="javascript:window.__xss=3">link</a> in it, plus [click](javascript:window.__xss=4).',
};

describe.skipIf(!haveChromium)('web app in Chromium', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const shot = async (name: string, p: Page = page): Promise<void> => {
    await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  };
  /** The timeline table has drawn the rows it asked the server for. */
  const settled = async (): Promise<void> => {
    await page.waitForSelector('section.timeline[aria-busy="false"]');
  };
  const go = async (hash: string, p: Page = page): Promise<void> => {
    await p.evaluate((h) => {
      location.hash = h;
    }, hash);
  };

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`${WEB_ROOT} is not built: run npm run build`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'salvo-browser-'));
    store = await openStore(join(dir, 'salvo.db'));
    app = await buildServer({ store, host: '127.0.0.1' });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    base = address;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the reference timeline: one row per launch day, paged, on a fresh install', async () => {
    await page.goto(base);
    await page.waitForSelector('tr.launch-day');
    const ref = (await (await fetch(`${base}/api/reference`)).json()) as { launches: { dateUtc: string; timeUtc: string | null; distanceKm: number | null }[] };
    const days = referenceDaysKst(ref.launches);
    expect(await page.locator('tr.launch-day').count()).toBe(PAGE);
    expect(await page.textContent('.page-of')).toContain(`Rows 1–${PAGE} of ${days.size}`);
    expect(days.size).toBeLessThan(ref.launches.length);
    // the newest day first, dated in KST
    const newest = [...days].sort().at(-1);
    expect(await page.locator('tr.launch-day').first().getAttribute('data-day')).toBe(newest);
    expect(await page.textContent('table.events thead')).toContain('Date (KST)');
    // reference rows show no news report count, and their outcome in its own column
    const first = page.locator('tr.launch-day.reference').first();
    expect(await first.locator('td.col-reports').textContent()).toBe('–');
    expect(await page.title()).toBe('Timeline · Salvo');
    await expect.poll(() => page.locator('.chart-svg rect').count()).toBeGreaterThan(20);
    // the chart counts each flight once: the bars add up to the reference list (no news yet)
    const bars = await page.locator('.chart-svg g.bar').evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count')), 0));
    expect(bars).toBe(ref.launches.length);
    expect(await page.textContent('.chart-head h2')).toBe('North Korean missiles launched per year, by class');
    expect(await page.textContent('#attribution')).toMatch(/CNS.*nagix\/nk-missile-tests/);
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    await shot('timeline');
  });

  it('adds a pasted report with its publication date and URL; its event appears on the timeline and the map without a reload', async () => {
    await go('#/add');
    expect(await page.title()).toBe('Add reports · Salvo');
    await page.fill('#paste-text', REPORT);
    await page.fill('#paste-published', '2037-07-14');
    await page.fill('#paste-url', 'https://news.example.org/2037/07/14/sinpo');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/ingest') && r.method() === 'POST');
    await page.click('form.paste button[type=submit]');
    const body = JSON.parse((await sent).postData() ?? '{}') as Record<string, string>;
    expect(body).toMatchObject({ published: '2037-07-14', url: 'https://news.example.org/2037/07/14/sinpo' });
    const link = page.locator('.ingest-result a.event-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('event DPRK-2037-07-14');
    const articleId = await page.locator('.ingest-result a[href^="#/article/"]').getAttribute('href');
    const stored = (await (await fetch(`${base}/api/articles/${articleId?.replace('#/article/', '')}`)).json()) as { url: string; published: { date: string } };
    expect(stored.url).toBe('https://news.example.org/2037/07/14/sinpo');
    expect(stored.published.date).toBe('2037-07-14');
    expect(await page.inputValue('#paste-published')).toBe('');
    await shot('add-paste');

    await go('#/');
    await page.waitForSelector('tr.news[data-event="DPRK-2037-07-14"]');
    await go('#/map');
    await page.waitForSelector('a.event-mark[href="#/event/DPRK-2037-07-14"]');
    await shot('map');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('the event page quotes the sentence, with outlet and agency', async () => {
    await go('#/event/DPRK-2037-07-14');
    await page.waitForSelector('#field-distance_km');
    const text = await page.textContent('#field-distance_km');
    expect(text).toContain(QUOTED);
    expect(text).toContain('Joint Chiefs of Staff');
    expect(await page.locator('table.fields tbody tr').count()).toBe(11);
    // the sources' share behind each value is called agreement, as in the API and the CLI (confidence is a claim's)
    const head = await page.textContent('table.fields thead');
    expect(head).toContain('Agreement');
    expect(head).not.toMatch(/confidence/i);
    const shares = await page.locator('table.fields tbody td.agreement').allTextContents();
    expect(shares.filter((t) => t !== '–').length).toBeGreaterThan(3);
    expect(shares.every((t) => t === '–' || (Number(t) >= 0 && Number(t) <= 1))).toBe(true);
    expect(await page.textContent('.impact')).toMatch(/bearing 45°/);
    // display names, not keys
    const fields = await page.textContent('table.fields');
    expect(fields).toContain('Sea of Japan (East Sea)');
    expect(fields).not.toContain('sea-of-japan');
    expect(await page.textContent('.history')).not.toMatch(/dateLocal|date_local/);
    expect(await page.title()).toBe('DPRK launch 2037-07-14 · Event · Salvo');
    await shot('event');
  });

  it('the event page cites the record (text, BibTeX, CSL-JSON) and downloads it as JSON', async () => {
    await go('#/event/DPRK-2037-07-14');
    await page.waitForSelector('.cite');
    expect(await page.textContent('.citation-text')).toMatch(/^Salvo\. “DPRK missile launch, 2037-07-14 \(event DPRK-2037-07-14\)\.” Record version \d+, updated \d{4}-\d\d-\d\d\. http.*#\/event\/DPRK-2037-07-14 \(accessed \d{4}-\d\d-\d\d\)\.$/);
    const saved = async (selector: string): Promise<{ name: string; text: string }> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const bib = await saved('.cite button[data-file$=".bib"]');
    expect(bib.name).toBe('salvo-DPRK-2037-07-14.bib');
    expect(bib.text).toMatch(/^@misc\{salvo-DPRK-2037-07-14,\n {2}title = \{DPRK missile launch, 2037-07-14 \(event DPRK-2037-07-14\)\},/);
    const csl = await saved('.cite button[data-file$=".csl.json"]');
    const item = (JSON.parse(csl.text) as { type: string; URL: string; issued: { 'date-parts': number[][] } }[])[0];
    expect(item.type).toBe('dataset');
    expect(item.URL).toMatch(/#\/event\/DPRK-2037-07-14$/);
    expect(item.issued['date-parts'][0]).toHaveLength(3);
    const json = await saved('.cite a[data-format="json"]');
    expect(json.name).toBe('salvo-DPRK-2037-07-14.json');
    expect((JSON.parse(json.text) as { id: string }).id).toBe('DPRK-2037-07-14');
  });

  it('the timeline downloads the events as CSV, GeoJSON, Atom and JSON', async () => {
    await go('#/');
    await page.waitForSelector('.downloads a');
    const formats = await page.locator('.downloads a').evaluateAll((els) => els.map((el) => el.getAttribute('data-format')));
    expect(formats).toEqual(expect.arrayContaining(['CSV', 'GeoJSON', 'Atom', 'JSON']));
    const got: Record<string, string> = {};
    for (const f of ['CSV', 'GeoJSON', 'Atom', 'JSON']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.downloads a[data-format="${f}"]`)]);
      got[f] = readFileSync(await download.path(), 'utf8');
    }
    expect(got.CSV.split('\n')[0]).toMatch(/,/);
    expect(got.CSV).toContain('2037-07-14');
    expect((JSON.parse(got.GeoJSON) as { type: string; features: unknown[] }).type).toBe('FeatureCollection');
    expect(got.Atom).toMatch(/^<\?xml[^>]*>\s*<feed/);
    expect((JSON.parse(got.JSON) as { events: { id: string }[] }).events.map((e) => e.id)).toContain('DPRK-2037-07-14');
  });

  it('offers the CSV in the CNS column set, with the view\'s filters', async () => {
    await go('#/');
    const cns = page.locator('.downloads a[data-format="CSV (CNS columns)"]');
    await cns.waitFor();
    const href = new URL((await cns.getAttribute('href')) ?? '', base);
    expect(href.pathname).toBe('/api/events.csv');
    expect(href.searchParams.get('columns')).toBe('cns');
    const plain = new URL((await page.locator('.downloads a[data-format="CSV"]').getAttribute('href')) ?? '', base);
    // the same filters as the plain CSV, plus the column set
    for (const [k, v] of plain.searchParams) expect(href.searchParams.get(k)).toBe(v);
    const [download] = await Promise.all([page.waitForEvent('download'), cns.click()]);
    expect(download.suggestedFilename()).toBe('salvo-events-cns.csv');
    const header = readFileSync(await download.path(), 'utf8').split(/\r?\n/)[0];
    expect(header.startsWith('Date,Date Entered/Updated,Launch Time (UTC),Missile Name')).toBe(true);
  });

  it('the timeline sorts by any column, pages, filters by text and merges a news event with its reference flight', async () => {
    await go('#/');
    await page.waitForSelector('tr.launch-day');
    // a news report of a listed launch: one row on its KST day, none on the UTC day before
    const r = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: LISTED, published: '2022-10-14' }) });
    expect(r.ok).toBe(true);
    await page.fill('#timeline-q', '2022-10-1');
    await page.waitForSelector('tr.launch-day[data-day="2022-10-14"].news.reference');
    expect(await page.locator('tr.launch-day[data-day="2022-10-13"]').count()).toBe(0);
    const merged = page.locator('tr.launch-day[data-day="2022-10-14"]');
    // the row's time is the reports' (1:49 a.m.); the reference flight's own (01:47 KST) is in its details
    expect(await merged.locator('td.col-time').textContent()).toBe('01:49');
    expect(await merged.locator('td.col-outcome').textContent()).not.toMatch(/^\d+$/);
    await merged.locator('button.expand').click();
    const details = page.locator('tr.day-details');
    expect(await details.textContent()).toContain('Event DPRK-2022-10-14');
    expect(await details.textContent()).toContain('2022-10-13 16:47 UTC (2022-10-14 01:47 KST)');
    expect(await merged.locator('button.expand').getAttribute('aria-expanded')).toBe('true');

    // text filter: every row shown holds the words
    await page.fill('#timeline-q', 'failure');
    // the server filters after a pause in typing: wait for its rows
    await expect.poll(async () => (await page.locator('tr.launch-day td.col-outcome').allTextContents()).every((t) => t.includes('failure')), { timeout: 15_000 }).toBe(true);
    await settled();
    expect(await page.locator('tr.launch-day').count()).toBeGreaterThan(5);
    await page.fill('#timeline-q', '');

    // every column sorts on the server, the time too: ascending times, blanks last
    await page.click('button.sort[data-sort="time"]');
    await settled();
    const times = (await page.locator('tr.launch-day td.col-time').allTextContents()).filter((t) => t !== '–');
    expect(times.length).toBeGreaterThan(10);
    expect(times).toEqual([...times].sort());
    expect(await page.evaluate(() => location.hash)).toMatch(/sort=time/);
    expect(await page.locator('th button.sort').evaluateAll((els) => els.map((el) => el.getAttribute('data-sort')))).toEqual(['date', 'time', 'kind', 'actor', 'class', 'site', 'count', 'distance', 'apogee', 'outcome', 'reports', 'languages']);

    // sort by distance: ascending first, blanks last; then descending (the server sorts, a page at a time)
    await page.click('button.sort[data-sort="distance"]');
    await settled();
    const km = async (): Promise<number[]> => (await page.locator('tr.launch-day td.col-distance').allTextContents()).filter((t) => t !== '–').map((t) => Number.parseFloat(t));
    const up = await km();
    expect(up.length).toBeGreaterThan(10);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.getAttribute('th:has(button[data-sort="distance"])', 'aria-sort')).toBe('ascending');
    await page.click('button.sort[data-sort="distance"]');
    await settled();
    const down = await km();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThan(up.at(-1) ?? 0);
    // the sort is in the address: a reload keeps it
    expect(await page.evaluate(() => location.hash)).toMatch(/sort=distance&dir=desc/);
    await page.reload();
    await page.waitForSelector('tr.launch-day');
    await settled();
    expect(await page.getAttribute('th:has(button[data-sort="distance"])', 'aria-sort')).toBe('descending');
    expect(await km()).toEqual(down);
    // sort by site name, A to Z
    await page.click('button.sort[data-sort="site"]');
    await settled();
    const sites = (await page.locator('tr.launch-day td.col-site').allTextContents()).filter((t) => t !== '–');
    expect(sites).toEqual([...sites].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(sites.some((t) => /^[a-z]/.test(t))).toBe(false); // names, not lowercase keys

    // paging: back to date order, page 2 continues where page 1 ended
    await page.click('button.sort[data-sort="date"]');
    await settled();
    const lastOfFirst = await page.locator('tr.launch-day').last().getAttribute('data-day');
    await page.click('.pager button:has-text("Older")');
    await settled();
    expect(await page.textContent('.page-of')).toMatch(new RegExp(`^Rows ${PAGE + 1}–${2 * PAGE} of \\d+`));
    const firstOfSecond = await page.locator('tr.launch-day').first().getAttribute('data-day');
    expect((firstOfSecond ?? '') < (lastOfFirst ?? '')).toBe(true);
    await page.click('.pager button:has-text("Last")');
    await settled();
    expect(await page.locator('.pager button:has-text("Older")').isDisabled()).toBe(true);
    await shot('timeline-sorted');
  });

  it('the map zooms and pans, shows a wedge only for the hovered event, and a click on an impact opens the event', async () => {
    await go('#/map');
    const mark = page.locator('a.event-mark[data-event="DPRK-2037-07-14"]');
    await mark.waitFor();
    expect(await page.title()).toBe('Map · Salvo');
    const shownWedges = (): Promise<number> => page.locator('svg.map .uncertainty').evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
    expect(await page.locator('svg.map .uncertainty').count()).toBeGreaterThan(0);
    expect(await shownWedges()).toBe(0);
    await mark.locator('circle.impact').hover();
    expect(await shownWedges()).toBe(1);
    expect(await mark.locator('.uncertainty').evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    // the legend names the classes shown and the grey dots
    const legend = await page.textContent('.map-legend');
    expect(legend).toMatch(/estimated impact, SRBM/);
    expect(legend).toMatch(/grey dots: impact points of \d+ reference-list flights/);
    // zoom: the button, then the wheel; markers keep their size on screen
    const r0 = await mark.locator('circle.impact').boundingBox();
    await page.click('button[data-zoom="Zoom in"]');
    expect(await page.getAttribute('svg.map', 'data-zoom')).toBe('2.00');
    expect(await page.getAttribute('svg.map g.zoom-layer', 'transform')).toMatch(/scale\(2\)/);
    const r1 = await mark.locator('circle.impact').boundingBox();
    expect(Math.abs((r1?.width ?? 0) - (r0?.width ?? 0))).toBeLessThan(1.5);
    const box = await page.locator('svg.map').boundingBox();
    if (!box) throw new Error('no map');
    // pan by dragging
    const before = await page.getAttribute('svg.map g.zoom-layer', 'transform');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    expect(await page.getAttribute('svg.map g.zoom-layer', 'transform')).not.toBe(before);
    // the wheel zooms further
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => Number(await page.getAttribute('svg.map', 'data-zoom'))).toBeGreaterThan(2);
    await shot('map-zoomed');
    await page.click('button[data-zoom="Reset the view"]');
    expect(await page.getAttribute('svg.map', 'data-zoom')).toBe('1.00');
    // a click on the impact opens the event
    await mark.locator('circle.impact').click();
    await page.waitForSelector('#field-distance_km');
    expect(await page.evaluate(() => location.hash)).toBe('#/event/DPRK-2037-07-14');
  });

  it('uploads a file and the timeline shows it', async () => {
    await go('#/add');
    await page.setInputFiles('#upload-files', { name: 'nampo.txt', mimeType: 'text/plain', buffer: Buffer.from(UPLOAD) });
    await page.click('form.upload button[type=submit]');
    await page.waitForSelector('.ingest-result li.stored');
    expect(await page.textContent('.ingest-result')).toMatch(/1 stored/);
    await shot('add-upload');
    await go('#/');
    await page.fill('#timeline-q', 'DPRK-2037-08-03');
    await page.waitForSelector('tr.news[data-event="DPRK-2037-08-03"]');
  });

  it('article pages show hostile text as text and never run it', async () => {
    const r = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: JSON.stringify(HOSTILE), format: 'json' }) });
    const body = (await r.json()) as { results: { articleId: string }[] };
    const id = body.results[0].articleId;
    await go(`#/article/${id}`);
    await page.waitForSelector('.article-text p');
    const shown = await page.textContent('.article-text');
    expect(shown).toContain('<script>window.__xss=1</script>');
    expect(shown).toContain('<img src=x onerror="window.__xss=2">');
    expect(await page.textContent('h1')).toContain('<script>');
    expect(await page.locator('main script, main img, main iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await go('#/search?q=onerror');
    await page.waitForSelector('.hits li');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await go(`#/article/${id}`);
    await page.waitForSelector('.article-text p');
    await shot('article-hostile');
    // The event's own article, with spans highlighted and labelled
    const a = await (await fetch(`${base}/api/articles?launch=true&limit=1&offset=0`)).json() as { articles: { id: string }[] };
    await go(`#/article/${a.articles[0].id}`);
    await page.waitForSelector('mark.span');
    expect(await page.locator('.span-label').count()).toBeGreaterThan(3);
    await shot('article');
  });

  it('article pages fold ticker lines away and keep annotations out of the heading', async () => {
    const record = {
      id: 'ticker-1', url: 'https://news.example.org/2037/10/02/wonsan', source: 'news.example.org', published: '2037-10-02',
      title: 'North Korea fires two short-range ballistic missiles from Wonsan',
      text: 'date 2037-10-02 ACME 142.50 Increased By ▲ 1.75 (1.24%)\n\nSEOUL, Oct. 2, 2037 - North Korea fired two short-range ballistic missiles from Wonsan on Friday, South Korea\'s Joint Chiefs of Staff said.\n\nThe missiles flew about 350 kilometers, the Joint Chiefs of Staff said.',
    };
    const r = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: JSON.stringify(record), format: 'json' }) });
    const id = ((await r.json()) as { results: { articleId: string }[] }).results[0].articleId;
    await go(`#/article/${id}`);
    await page.waitForSelector('.article-text p');
    expect(await page.textContent('.article-text')).not.toContain('Increased By');
    expect(await page.textContent('details.removed')).toContain('Increased By');
    const heading = page.locator('h1');
    expect(await heading.locator('mark.span').count()).toBeGreaterThan(0);
    expect(await heading.locator('.span-label').count()).toBe(0);
    expect(await heading.textContent()).toBe(record.title);
    // labels in the text use display names
    const labels = (await page.locator('.article-text .span-label').allTextContents()).join(' | ');
    expect(labels).toMatch(/Distance: 350 km/);
    expect(labels).not.toMatch(/=|distance_km|date_local/);
    const tips = (await page.locator('mark.span').evaluateAll((els) => els.map((el) => el.getAttribute('title')))).join(' | ');
    expect(tips).toMatch(/Site: Wonsan/);
    expect(tips).not.toMatch(/site = wonsan|site=wonsan/);
    expect(await page.title()).toBe(`${record.title} · Article · Salvo`);
    expect(await page.textContent('main')).not.toMatch(/browser:paste|\/tmp\//);
  });

  it('search finds the pasted report', async () => {
    await go('#/search?q=Sinpo');
    await page.waitForSelector('.hits li');
    expect(await page.locator('.hits li mark').first().textContent()).toMatch(/sinpo/i);
    await shot('search');
    await go('#/docs');
    await page.waitForSelector('.op');
    await shot('docs');
  });

  it('works at 390 px and 1920 px wide without sideways scrolling, on every page, each with its own tab title', async () => {
    await store.syncWatchSources([{ url: 'https://news.example.org/world/asia-pacific/north-korea/a-long-feed-address-that-must-wrap.xml', kind: 'feed', intervalS: 300 }]);
    await store.recordPoll('https://news.example.org/world/asia-pacific/north-korea/a-long-feed-address-that-must-wrap.xml', { at: new Date().toISOString(), error: 'HTTP 503 Service Unavailable from the upstream server' });
    const article = (await (await fetch(`${base}/api/events/DPRK-2037-07-14`)).json()) as { articles: { id: string }[] };
    const pages = [
      ['timeline', '#/', 'tr.launch-day'], ['event', '#/event/DPRK-2037-07-14', '#field-distance_km'], ['map', '#/map', 'svg.map'],
      ['add', '#/add', '#paste-text'], ['sources', '#/sources', 'table.sources'], ['article', `#/article/${article.articles[0].id}`, '.article-text p'],
      ['articles', '#/articles', 'ul.articles li'], ['search', '#/search?q=Sinpo', '.hits li'], ['docs', '#/docs', '.op'],
    ] as const;
    for (const width of [390, 1920]) {
      const p = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 1080 } });
      const titles = new Set<string>();
      for (const [name, hash, ready] of pages) {
        await p.goto(`${base}/${hash}`);
        await p.waitForSelector(ready);
        titles.add(await p.title());
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        await p.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
      }
      expect(titles.size, 'every page has its own tab title').toBe(pages.length);
      await p.close();
    }
  });

  it('names a report without a title by its first line everywhere: paste result, article list, search, event page, article page', async () => {
    const first = 'North Korea fires cruise missiles off its west coast near Onchon';
    const record = {
      url: 'https://news.example.org/2037/09/20/onchon',
      published: '2037-09-20',
      text: `${first}\n\nSEOUL, Sept. 20, 2037 - North Korea fired several cruise missiles off its west coast near Onchon on Sunday, South Korea's Joint Chiefs of Staff said.\n\nThe missiles flew about 1,500 kilometers over the Yellow Sea, the military said.`,
    };
    await go('#/add');
    await page.fill('#paste-text', JSON.stringify(record));
    await page.selectOption('#paste-format', 'json');
    await page.click('form.paste button[type=submit]');
    const result = page.locator('.ingest-result li.stored');
    await result.waitFor();
    expect(await result.textContent()).toContain(first);
    const articleId = ((await page.locator('.ingest-result a[href^="#/article/"]').getAttribute('href')) ?? '').replace('#/article/', '');
    const eventId = ((await page.locator('.ingest-result a.event-link').getAttribute('href')) ?? '').replace('#/event/', '');
    expect(eventId).not.toBe('');
    const stored = (await (await fetch(`${base}/api/articles/${articleId}`)).json()) as { title: string | null; headline: string };
    expect(stored.title).toBeNull();
    expect(stored.headline).toBe(first);

    const named = async (hash: string, selector: string): Promise<void> => {
      await go(hash);
      const link = page.locator(selector);
      await link.first().waitFor();
      expect(await link.first().textContent(), hash).toBe(first);
      expect(await page.textContent('main'), hash).not.toMatch(/untitled report|browser:paste/);
    };
    await named('#/articles', `ul.articles a[href="#/article/${articleId}"]`);
    await named('#/search?q=Onchon', `.hits a[href="#/article/${articleId}"]`);
    await named(`#/event/${eventId}`, `section ul.articles a[href="#/article/${articleId}"]`);
    await named(`#/article/${articleId}`, 'h1.article-title');
    expect(await page.title()).toBe(`${first} · Article · Salvo`);
  });

  it('keyboard navigation reaches every control', async () => {
    for (const hash of ['#/add', '#/', '#/event/DPRK-2037-07-14']) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await p.goto(`${base}/${hash}`);
      await p.waitForSelector(hash === '#/add' ? '#upload-files' : hash === '#/' ? 'tr.launch-day' : '#field-distance_km');
      const controls = await p.evaluate(() => {
        const els = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')];
        els.forEach((el, i) => el.setAttribute('data-kb', String(i)));
        return els.filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden]') && !el.matches(':disabled')).map((el) => el.getAttribute('data-kb') ?? '');
      });
      const reached = new Set<string>();
      for (let i = 0; i < controls.length + 10; i++) {
        await p.keyboard.press('Tab');
        const k = await p.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
        if (k !== null) reached.add(k);
      }
      const missed = controls.filter((c) => !reached.has(c));
      expect(missed, `${hash}: controls never focused by Tab`).toEqual([]);
      await p.close();
    }
  }, 120_000);

  const TIMELINE_ROWS = '**/api/timeline?*';
  /** Holds the timeline's row requests until the returned function is called (then they go through). */
  const holdTimelineRows = async (): Promise<() => void> => {
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route(TIMELINE_ROWS, async (route) => {
      await held;
      await route.continue();
    });
    return () => release();
  };

  it('a page still loading when another is opened never draws over the newer one', async () => {
    await go('#/sources');
    await page.waitForSelector('table.sources');
    // The timeline's rows are held back until the sources page has been opened again and drawn.
    const release = await holdTimelineRows();
    try {
      await go('#/');
      await page.waitForSelector('#timeline-q');
      await go('#/sources');
      await page.waitForSelector('table.sources');
      release();
      // the timeline's answers arrive and its view finishes, out of sight
      await page.waitForResponse((r) => r.url().includes('/api/timeline?'));
      await page.waitForTimeout(300);
      expect(await page.locator('table.sources').count()).toBe(1);
      expect(await page.locator('tr.launch-day').count()).toBe(0);
      expect(await page.title()).toMatch(/^Sources/);
    } finally {
      release();
      await page.unroute(TIMELINE_ROWS);
    }
  });

  it('reports arriving while a page loads refresh that page, not the one before it', async () => {
    await go('#/event/DPRK-2037-07-14');
    await page.waitForSelector('h1');
    const release = await holdTimelineRows();
    try {
      await go('#/');
      await page.waitForSelector('#timeline-q');
      // a report stored meanwhile: the app's next data-version poll (every 5 s) sees it
      const text = 'SEOUL, Nov. 2, 2037 - North Korea fired a short-range ballistic missile from the Wonsan area on Monday, South Korea\'s Joint Chiefs of Staff said. It flew about 300 km.';
      const r = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, published: '2037-11-02' }) });
      expect(r.status).toBe(200);
      const seen = page.waitForResponse((x) => x.url().endsWith('/api/status'), { timeout: 10_000 });
      await seen;
      await page.waitForTimeout(500);
      expect(await page.locator('#timeline-q').count()).toBe(1);
      release();
      await page.waitForSelector('tr.launch-day');
      expect(await page.locator('section.cite').count()).toBe(0);
    } finally {
      release();
      await page.unroute(TIMELINE_ROWS);
    }
  });

  it('ran without page errors or dialogs', () => {
    expect(errors).toEqual([]);
  });
});
