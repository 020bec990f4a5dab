// Korean and Japanese in the web app, in real Chromium (Debian's /usr/bin/chromium with fonts-noto-cjk): the two
// example reports pasted in and shown in their language, the article list filtered by language, and an event
// reported in Korean, Japanese and English whose evidence is quoted in each original language beside the value
// read from it, in English. Chromium is asked which installed fonts drew the quotes (a CJK font, not a fallback
// box). Screenshots go to test-artifacts/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventResolver } from '../src/resolve/index.js';
import { buildServer, WEB_ROOT } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { ROOT } from './helpers/cli.js';
import { DAY, threeLanguageReports } from './helpers/languages.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)`);

const example = (name: string): string => readFileSync(join(ROOT, 'examples/reports', name), 'utf8');

describe.skipIf(!haveChromium)('Korean and Japanese in the web app', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const { ko, ja, en, reports } = threeLanguageReports();
  const eventId = `DPRK-${DAY}`;

  const go = async (hash: string): Promise<void> => {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
  };
  /** The installed fonts Chromium drew the text directly inside the first element matching `selector` with. */
  const fontsOf = async (selector: string): Promise<string[]> => {
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => f.familyName);
    } finally {
      await cdp.detach();
    }
  };

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`${WEB_ROOT} is not built: run npm run build`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'salvo-browser-cjk-'));
    store = await openStore(join(dir, 'salvo.db'));
    // The three-language event, stored as ingest would store it.
    const resolver = new EventResolver();
    const articles = new Map([ko, ja, en].map((a) => [a.id, a]));
    for (const [i, r] of reports.entries()) {
      const article = articles.get(r.extraction.articleId);
      if (!article) throw new Error('report without its article');
      await store.saveArticle({ article, extraction: r.extraction, events: resolver.add(r), versions: [], alerts: [], at: `2034-07-10T00:0${i}:00.000Z` });
    }
    app = await buildServer({ store, host: '127.0.0.1' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(base);
    await page.waitForSelector('tr.launch-day');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes the Korean and the Japanese example in and shows each article in its language and font', async () => {
    for (const [file, language, phrase, font] of [
      ['04-jcs-korean.json', 'ko', '오전 6시 52분', 'Noto Sans CJK KR'],
      ['05-mod-japanese.json', 'ja', '午前6時52分', 'Noto Sans CJK JP'],
    ] as const) {
      await go('#/add');
      await page.fill('#paste-text', example(file));
      await page.click('form.paste button[type=submit]');
      await page.waitForSelector('.ingest-result');
      await go(`#/articles?language=${language}`);
      await page.waitForSelector(`ul.articles li a[lang=${language}]`);
      const link = page.locator(`ul.articles li a[lang=${language}]`, { hasText: language === 'ko' ? '2발' : '2発' });
      await link.click();
      await page.waitForSelector(`.article-text[lang=${language}]`);
      // The time as written, in the original script (the value read from it is shown beside the span).
      expect(await page.textContent('.article-text')).toContain(phrase);
      expect(await fontsOf('.article-text p')).toContain(font);
      await page.screenshot({ path: join(ARTIFACTS, `article-${language}.png`) });
    }
    // Each language's list holds its two articles only: the example and the stored report.
    await go('#/articles?language=ja');
    await expect.poll(() => page.locator('ul.articles li').count()).toBe(2);
    expect(await page.locator('ul.articles li .badge.lang').allTextContents()).toEqual(['ja', 'ja']);
    await go('#/articles');
    await expect.poll(() => page.locator('ul.articles li').count()).toBe(5);
  });

  it('quotes each report in its own language beside the value read from it, in English', async () => {
    await go(`#/event/${eventId}`);
    await page.waitForSelector('#field-time_local');
    const block = page.locator('#field-time_local');
    expect(await block.locator('blockquote[lang=ko]').textContent()).toContain('오전 7시 20분쯤');
    expect(await block.locator('blockquote[lang=ja]').textContent()).toContain('午前7時20分ごろ');
    // The reading names its clock and gives UTC.
    expect(await block.locator('.reading .value').allTextContents()).toEqual(['07:20 KST (22:20 UTC, 9 Jul)', '07:20 KST (22:20 UTC, 9 Jul)']);
    expect(await page.locator('#field-eez blockquote[lang=en]').textContent()).toContain("outside Japan's exclusive economic zone");
    expect(await fontsOf('#field-time_local blockquote[lang=ko] q')).toContain('Noto Sans CJK KR');
    expect(await fontsOf('#field-time_local blockquote[lang=ja] q')).toContain('Noto Sans CJK JP');
    expect(await page.locator('.lead .badge.lang').allTextContents()).toEqual(['en', 'ko', 'ja']);
    await page.locator('#field-time_local').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'event-cjk.png') });
  });

  it('lists the event with its languages and filters the timeline by language', async () => {
    await go('#/?language=ko');
    await page.waitForSelector(`tr.news[data-event="${eventId}"]`);
    // The three-language event, and the event of the Korean and the Japanese example (one launch, one event).
    expect(await page.locator('tr.news').count()).toBe(2);
    expect(await page.locator('tr.reference').count()).toBe(0); // the reference list is no report in any language
    const examples = page.locator(`tr.news:not([data-event="${eventId}"]) td.col-languages .badge`);
    expect(await examples.allTextContents()).toEqual(['ko', 'ja']);
    expect(await page.locator(`tr.news[data-event="${eventId}"] td.col-languages .badge`).allTextContents()).toEqual(['en', 'ko', 'ja']);
    await page.screenshot({ path: join(ARTIFACTS, 'timeline-cjk.png') });
    expect(errors).toEqual([]);
  });
});
