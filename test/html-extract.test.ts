import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractHtml } from '../src/ingest/extract-html/index.js';
import { ingestPaths } from '../src/ingest/index.js';
import { documentFromHtml } from '../src/ingest/html.js';

const P1 = 'The coastal command said the rocket lifted off from the northern pad at dawn, flew east for about six minutes and fell into the sea well outside the exclusion zone, according to officials.';
const P2 = 'Officials in the capital, speaking on condition of anonymity, said the launch had been expected for weeks, because satellite images showed vehicles gathering near the pad since early March.';
const P3 = 'Analysts said the test, the third this year, showed steady progress in the solid-fuel motor programme, although the range was shorter than in the previous flight, they added.';
const body = `<p>${P1}</p><p>${P2}</p><p>${P3}</p>`;

const page = (inner: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><title>Northland fires a rocket - The Daily Example</title>${head}</head><body>${inner}</body></html>`;
const nav = `<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>`;
const footer = `<footer><p>© 2031 The Daily Example. All rights reserved. About us · Contact · Careers</p></footer>`;

const droppedWith = (html: string, reason: string): string[] => extractHtml(html).dropped.filter((d) => d.reason === reason).map((d) => d.text);

describe('HTML extractor: boilerplate next to the article', () => {
  it('leaves out a comment section and records it as comments', () => {
    const comments = `<section id="comments"><h3>12 comments</h3><div class="comment"><p>This is the worst reporting I have read in years, the rocket clearly flew west, everybody knows that.</p></div><div class="comment"><p>Great article, thank you for covering this so quickly and with so much detail about the pad.</p></div></section>`;
    const html = page(`${nav}<main><article><h1>Northland fires a rocket</h1>${body}</article>${comments}</main>${footer}`);
    const out = extractHtml(html);
    expect(out.text).toContain(P1);
    expect(out.text).toContain(P3);
    expect(out.text).not.toContain('worst reporting');
    expect(out.text).not.toContain('Great article');
    expect(out.text).not.toContain('All rights reserved');
    expect(droppedWith(html, 'comments').join(' ')).toContain('worst reporting');
  });

  it('leaves out a related-stories list', () => {
    const related = `<div class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Southland fires two cruise missiles into the bay</a></li><li><a href="/b">Eastland tests a new hypersonic glide vehicle</a></li><li><a href="/c">Westland launches a satellite on a new rocket</a></li></ul></div>`;
    const html = page(`${nav}<article><h1>Northland fires a rocket</h1>${body}${related}</article>${footer}`);
    const out = extractHtml(html);
    expect(out.text).toContain(P2);
    expect(out.text).not.toContain('cruise missiles');
    expect(out.text).not.toContain('Related stories');
    expect(out.dropped.some((d) => d.reason === 'related' && d.text.includes('hypersonic'))).toBe(true);
  });

  it('leaves out a related list that only its link density gives away', () => {
    const list = `<ul><li><a href="/a">Southland fires two cruise missiles into the bay</a></li><li><a href="/b">Eastland tests a new hypersonic glide vehicle</a></li></ul>`;
    const out = extractHtml(page(`<div>${body}${list}</div>`));
    expect(out.text).toContain(P1);
    expect(out.text).not.toContain('cruise missiles');
  });

  it('leaves out a cookie banner', () => {
    const banner = `<div id="cookie-consent" class="consent-banner"><p>We use cookies to improve your experience on our site, to show you personalised advertising and to analyse our traffic.</p><a href="/privacy">Privacy policy</a><button>Accept all</button></div>`;
    const html = page(`${banner}${nav}<article>${body}</article>${footer}`);
    const out = extractHtml(html);
    expect(out.text).toContain(P1);
    expect(out.text).not.toContain('We use cookies');
    expect(out.text).not.toContain('Accept all');
  });

  it('leaves a figure caption out of the body and keeps it among the dropped blocks', () => {
    const figure = `<figure><img src="/rocket.jpg" alt="rocket"><figcaption>The rocket on its pad the day before the launch. Photo: Example Agency</figcaption></figure>`;
    const html = page(`<article><p>${P1}</p>${figure}<p>${P2}</p><p>${P3}</p></article>`);
    const out = extractHtml(html);
    expect(out.text).toContain(P2);
    expect(out.text).not.toContain('on its pad the day before');
    expect(droppedWith(html, 'caption').join(' ')).toContain('on its pad the day before');
  });

  it('keeps a paywall teaser and drops the subscription prompt', () => {
    const prompt = `<div class="paywall-prompt"><h3>Subscribe to continue reading</h3><p>Get unlimited access to the Daily Example for just $1 a week. Cancel anytime.</p><a href="/subscribe">Subscribe now</a></div>`;
    const html = page(`${nav}<article><h1>Northland fires a rocket</h1><p>${P1}</p><p>${P2}</p>${prompt}</article>${footer}`);
    const out = extractHtml(html);
    expect(out.text).toContain(P1);
    expect(out.text).toContain(P2);
    expect(out.text).not.toContain('unlimited access');
    expect(out.text).not.toContain('continue reading');
  });

  it('finds an article written in <div>s only', () => {
    const divs = `<div class="wrap"><div class="left"><div><a href="/">Home</a></div><div><a href="/w">World</a></div><div><a href="/s">Sport</a></div></div><div class="x7"><div>${P1}</div><div>${P2}</div><div>${P3}</div></div></div>`;
    const out = extractHtml(page(divs));
    expect(out.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('takes the main <article> of a page with two, not the teaser of the next one', () => {
    const teaser = `<article class="card"><h2><a href="/next">Southland answers with a drill</a></h2><p>Southland's navy held a drill off its coast on Tuesday.</p></article>`;
    const html = page(`${nav}<main><article><h1>Northland fires a rocket</h1>${body}</article></main><div class="more">${teaser}</div>${footer}`);
    const out = extractHtml(html);
    expect(out.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });

  it('keeps both halves of a body split into two boxes around an advert', () => {
    const html = page(`<article><div class="article-body"><p>${P1}</p><p>${P2}</p></div><div class="ad-slot">Advertisement</div><div class="article-body"><p>${P3}</p></div></article>`);
    const out = extractHtml(html);
    expect(out.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
  });
});

describe('HTML extractor: metadata', () => {
  it('reads title, date, canonical URL, outlet name and language', () => {
    const head = `<meta property="og:title" content="Northland fires a rocket"><meta property="og:site_name" content="The Daily Example"><link rel="canonical" href="/world/2031/03/04/rocket"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2031-03-04T09:15:00+09:00"}</script>`;
    const out = extractHtml(page(`<article>${body}</article>`, head), { url: 'https://daily.example/x?y=1' });
    expect(out.title).toBe('Northland fires a rocket');
    expect(out.published).toEqual({ date: '2031-03-04', instant: '2031-03-04T09:15:00+09:00', via: 'json-ld' });
    expect(out.url).toBe('https://daily.example/world/2031/03/04/rocket');
    expect(out.siteName).toBe('The Daily Example');
    expect(out.language).toBe('en');
  });

  it('falls back to <time datetime> and then the URL path', () => {
    const withTime = extractHtml(page(`<article><time datetime="2029-06-12">12 June</time>${body}</article>`));
    expect(withTime.published).toEqual({ date: '2029-06-12', instant: null, via: 'time-element' });
    const fromUrl = extractHtml(page(`<article>${body}</article>`), { url: 'https://daily.example/2028/09/17/story' });
    expect(fromUrl.published).toEqual({ date: '2028-09-17', instant: null, via: 'url' });
  });
});

describe('HTML extractor: hostile input', () => {
  it('handles broken HTML', () => {
    const broken = `<html><body><div class="a"><p>${P1}<p>${P2}</span></div></div></div><p>${P3}<table><tr><td>x</div><b><i>unclosed <a href="x>bad attr</a><!-- unterminated comment`;
    const out = extractHtml(broken);
    expect(out.text).toContain(P1);
    expect(out.text).toContain(P2);
    expect(out.text).toContain(P3);
  });

  // Its speed is a target of `npm run bench:limits`.
  it('handles elements nested 10,000 deep', () => {
    const deep = `<html><body>${'<div>'.repeat(10_000)}${body}${'</div>'.repeat(10_000)}</body></html>`;
    const out = extractHtml(deep);
    expect(out.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
    const spans = `<html><body><p>${P1}${'<span><b>'.repeat(10_000)}${P2}</p></body></html>`;
    expect(documentFromHtml(spans, 'deep').text).toContain(P2);
  });

  it('refuses a 50 MB page with a clear message', () => {
    const huge = `<html><body>${'<p>word </p>'.repeat(5 * 1024 * 1024)}</body></html>`;
    expect(huge.length).toBeGreaterThan(50 * 1024 * 1024);
    expect(() => documentFromHtml(huge, 'huge.html')).toThrow(/HTML page too large \(\d+\.\d MB > 20 MB limit\)/);
  });

  const dir = mkdtempSync(join(tmpdir(), 'salvo-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('skips a 50 MB file at ingest with a reason', async () => {
    const path = join(dir, 'huge.html');
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const items = [];
    for await (const item of ingestPaths([path])) items.push(item);
    expect(items).toEqual([{ ok: false, failure: { origin: path, reason: 'file too large (50 MB > 20 MB limit)' } }]);
  });

  it('goes through documentFromHtml with dropped blocks for display', () => {
    const related = `<div class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Southland fires two cruise missiles into the bay</a></li></ul></div>`;
    const doc = documentFromHtml(page(`${nav}<article>${body}${related}</article>${footer}`), 'page.html', 'https://daily.example/a');
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Northland fires a rocket - The Daily Example');
    expect(doc.source).toBe('daily.example');
    expect(doc.text).toBe(`${P1}\n\n${P2}\n\n${P3}`);
    expect(doc.droppedByExtractor.join('\n')).toContain('cruise missiles');
  });
});
