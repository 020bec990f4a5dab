// The web app in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core; nothing downloaded):
// the reference timeline, a pasted report appearing on timeline and map without a reload, the event page's
// quoted sentence, a file upload, article text that tries to run script, 375 px and 1920 px layouts and
// keyboard reach. Screenshots go to test-artifacts/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, WEB_ROOT } from '../src/serve/app.js';
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

  it('opens on the reference timeline: 40 years of launches on a fresh install', async () => {
    await page.goto(base);
    await page.waitForSelector('tr.reference');
    expect(await page.locator('tr.reference').count()).toBe(339);
    await expect.poll(() => page.locator('.chart-svg rect').count()).toBeGreaterThan(20);
    expect(await page.textContent('#attribution')).toMatch(/CNS.*nagix\/nk-missile-tests/);
    await page.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    await shot('timeline');
  });

  it('adds a pasted report; its event appears on the timeline and the map without a reload', async () => {
    await go('#/add');
    await page.fill('#paste-text', REPORT);
    await page.click('form.paste button[type=submit]');
    const link = page.locator('.ingest-result a.event-link');
    await link.waitFor();
    expect(await link.textContent()).toBe('event DPRK-2037-07-14');
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
    expect(await page.textContent('.impact')).toMatch(/bearing 45°/);
    await shot('event');
  });

  it('uploads a file and the timeline shows it', async () => {
    await go('#/add');
    await page.setInputFiles('#upload-files', { name: 'nampo.txt', mimeType: 'text/plain', buffer: Buffer.from(UPLOAD) });
    await page.click('form.upload button[type=submit]');
    await page.waitForSelector('.ingest-result li.stored');
    expect(await page.textContent('.ingest-result')).toMatch(/1 stored/);
    await shot('add-upload');
    await go('#/');
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

  it('search finds the pasted report', async () => {
    await go('#/search?q=Sinpo');
    await page.waitForSelector('.hits li');
    expect(await page.locator('.hits li mark').first().textContent()).toMatch(/sinpo/i);
    await shot('search');
    await go('#/docs');
    await page.waitForSelector('.op');
    await shot('docs');
  });

  it('works at 375 px and 1920 px wide without sideways scrolling', async () => {
    for (const width of [375, 1920]) {
      const p = await browser.newPage({ viewport: { width, height: width === 375 ? 812 : 1080 } });
      for (const [name, hash] of [['timeline', '#/'], ['event', '#/event/DPRK-2037-07-14'], ['map', '#/map'], ['add', '#/add']] as const) {
        await p.goto(`${base}/${hash}`);
        await p.waitForSelector(name === 'timeline' ? 'tr.reference' : name === 'event' ? '#field-distance_km' : name === 'map' ? 'svg.map' : '#paste-text');
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        await p.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
      }
      await p.close();
    }
  });

  it('keyboard navigation reaches every control', async () => {
    for (const hash of ['#/add', '#/', '#/event/DPRK-2037-07-14']) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await p.goto(`${base}/${hash}`);
      await p.waitForSelector(hash === '#/add' ? '#upload-files' : hash === '#/' ? 'tr.reference' : '#field-distance_km');
      const controls = await p.evaluate(() => {
        const els = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')];
        els.forEach((el, i) => el.setAttribute('data-kb', String(i)));
        return els.filter((el) => el.getClientRects().length > 0 && !el.closest('[hidden]')).map((el) => el.getAttribute('data-kb') ?? '');
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

  it('ran without page errors or dialogs', () => {
    expect(errors).toEqual([]);
  });
});
