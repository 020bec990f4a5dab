import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Ingester } from '../src/app/ingestion.js';
import { documentFromRecord, documentFromText, ingestPaths } from '../src/ingest/index.js';
import { documentFromHtml } from '../src/ingest/html.js';
import { openStore } from '../src/store/open.js';
import type { IngestItem, SourceDocument } from '../src/types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'ingest');
const fixture = (name: string): string => join(FIXTURES, name);

async function collect(paths: string[], opts?: { maxBytes?: number }): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of ingestPaths(paths, opts)) items.push(item);
  return items;
}

async function onlyDoc(path: string): Promise<SourceDocument> {
  const items = await collect([path]);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (!item.ok) throw new Error(`expected a document, got failure: ${item.failure.reason}`);
  return item.doc;
}

async function onlyFailure(path: string, opts?: { maxBytes?: number }): Promise<{ origin: string; reason: string }> {
  const items = await collect([path], opts);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item.ok) throw new Error(`expected a failure, got a document from ${item.doc.origin}`);
  return item.failure;
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'salvo-ingest-'));

describe('plain text', () => {
  it('takes the headline as title, keeps the text whole and reads the dateline', async () => {
    const doc = await onlyDoc(fixture('plain-report.txt'));
    expect(doc.format).toBe('text');
    expect(doc.title).toBe('Northland Fires Two Test Rockets Over Eastern Bay');
    expect(doc.text.startsWith('Northland Fires Two Test Rockets Over Eastern Bay\ndate 2031-03-04')).toBe(true);
    expect(doc.published).toEqual({ date: '2031-03-04', instant: null, via: 'dateline' });
    expect(doc.url).toBeNull();
    expect(doc.origin).toBe(fixture('plain-report.txt'));
  });

  it('finds written datelines and leaves a sentence-like first line out of the title', () => {
    const doc = documentFromText('SEOUL, May 8, 2025 (Wire) - A rocket was fired.\nMore text.', 'inline');
    expect(doc.published?.date).toBe('2025-05-08');
    expect(doc.title).toBeNull();
    expect(documentFromText('Rocket fired\n2025-05-09 10:31\nBody text here.', 'x').published?.date).toBe('2025-05-09');
  });

  it('normalises CRLF, NBSP and zero-width characters', () => {
    const doc = documentFromText('Line\u00a0one\u200b here\r\nLine two\r\n', 'x');
    expect(doc.text).toBe('Line one here\nLine two\n');
  });

  it('treats a .txt that holds HTML as HTML', async () => {
    const dir = tempDir();
    const html = `<html><head><title>Saved page</title></head><body><article><p>${'A rocket was launched from the northern pad on Friday, the agency said in a statement. '.repeat(4)}</p></article></body></html>`;
    writeFileSync(join(dir, 'saved.txt'), html);
    const doc = await onlyDoc(join(dir, 'saved.txt'));
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Saved page');
    expect(doc.text).not.toContain('<p>');
  });
});

describe('HTML', () => {
  it('reads meta published_time, canonical URL, og:title and keeps paragraph structure', async () => {
    const doc = await onlyDoc(fixture('meta-published.html'));
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Northland tests a rocket over the bay');
    expect(doc.url).toBe('https://www.example-post.test/world/northland-rocket-test');
    expect(doc.source).toBe('example-post.test');
    expect(doc.published).toEqual({ date: '2031-03-04', instant: '2031-03-04T09:15:00+09:00', via: 'meta' });
    expect(doc.text).toContain('Northland launched a single test rocket');
    // Blank line between paragraphs, list items on adjacent lines.
    expect(doc.text).toMatch(/several minutes\.\n\nThe rocket flew/);
    expect(doc.text).toContain('Southland called the launch a provocation.\nEastland said');
    expect(doc.text).not.toContain('All rights reserved');
  });

  it('reads datePublished from a JSON-LD @graph', async () => {
    const doc = await onlyDoc(fixture('jsonld-graph.html'));
    expect(doc.published).toEqual({ date: '2030-11-20', instant: '2030-11-20T22:40:00Z', via: 'json-ld' });
    expect(doc.title).toBe('Westland reports second launch this week');
    expect(doc.text).toContain('second rocket launch of the week');
  });

  it('falls back to <time datetime>', async () => {
    const doc = await onlyDoc(fixture('time-only.htm'));
    expect(doc.published).toEqual({ date: '2029-06-12', instant: null, via: 'time-element' });
    expect(doc.url).toBeNull();
  });

  it('falls back to a date in the URL path, from og:url', async () => {
    const doc = await onlyDoc(fixture('url-date.html'));
    expect(doc.published).toEqual({ date: '2028-09-17', instant: null, via: 'url' });
    expect(doc.url).toBe('https://www.desert-times.example/2028/09/17/interceptor-trial/');
    expect(doc.source).toBe('desert-times.example');
  });

  it('uses the URL hint for compact dates in the path', () => {
    const html = `<html><body><p>${'An interceptor was fired at a target drone over the range today. '.repeat(5)}</p></body></html>`;
    const doc = documentFromHtml(html, 'api', 'https://news.example/20240114/story');
    expect(doc.published).toEqual({ date: '2024-01-14', instant: null, via: 'url' });
    expect(doc.source).toBe('news.example');
  });

  // A two-paragraph local brief, well under MIN_ARTICLE_CHARS, written for this test.
  const BRIEF = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry back on time | Riverton Herald</title><meta property="og:title" content="Ferry back on time"></head><body>',
    '<header><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>',
    '<article><h1>Ferry back on time</h1>',
    '<p>The harbour ferry ran to its normal timetable again on Tuesday.</p>',
    '<p>Tickets bought during the repair stay valid until the end of May.</p>',
    '</article><footer><p>© 2037 Riverton Herald</p></footer></body></html>',
  ].join('\n');

  it('reads a short two-paragraph story as an article, and stores it as a report that is not a launch report', async () => {
    const doc = documentFromHtml(BRIEF, 'https://news.example/local/ferry', 'https://news.example/local/ferry');
    expect(doc.title).toBe('Ferry back on time');
    expect(doc.text).toContain('The harbour ferry ran to its normal timetable again on Tuesday.');
    expect(doc.text).toContain('Tickets bought during the repair stay valid until the end of May.');
    expect(doc.text).not.toMatch(/Sport|Riverton Herald/);
    const store = await openStore(':memory:');
    try {
      const report = await new Ingester(store).ingest([{ ok: true, doc }]);
      expect(report.results.map((r) => [r.status, r.isLaunchReport, r.eventId])).toEqual([['stored', false, null]]);
      expect((await store.listArticlesPage({ limit: 10, offset: 0 })).articles.map((a) => a.headline)).toEqual(['Ferry back on time']);
    } finally {
      await store.close();
    }
  });

  it('still finds no article in a page of one short line or of sentence fragments', () => {
    const page = (body: string): string => `<html><head><title>Notice</title></head><body>${body}</body></html>`;
    expect(() => documentFromHtml(page('<p>Welcome to our site.</p><p>Forgot password?</p>'), 'x')).toThrow('no article text found');
    expect(() => documentFromHtml(page('<p>Opening hours Monday to Friday nine to five</p><p>Closed on public holidays and weekends</p>'), 'x')).toThrow('no article text found');
  });

  it('fails on a page without article text', async () => {
    const failure = await onlyFailure(fixture('no-article.html'));
    expect(failure.reason).toBe('no article text found in the HTML page');
    expect(() => documentFromHtml('<html><body><p>Hi</p></body></html>', 'x')).toThrow('no article text found in the HTML page');
  });

  it('honours <meta charset> for a non-UTF-8 page', async () => {
    const dir = tempDir();
    const body = 'Les fusées ont été tirées vers la mer, a déclaré l’état-major de la région côtière. '.repeat(4);
    const html = `<html><head><meta charset="windows-1252"><title>Tir d’essai</title></head><body><article><p>${body}</p></article></body></html>`;
    writeFileSync(join(dir, 'page.html'), iconv.encode(html, 'windows-1252'));
    const doc = await onlyDoc(join(dir, 'page.html'));
    expect(doc.title).toBe('Tir d’essai');
    expect(doc.text).toContain('Les fusées ont été tirées');
  });
});

describe('JSON records', () => {
  it('reads a corpus record', async () => {
    const doc = await onlyDoc(fixture('corpus-record.json'));
    expect(doc).toMatchObject({
      format: 'corpus-json',
      externalId: 'x042',
      url: 'https://www.harbor-news.example/a/1',
      source: 'harbor-news.example',
      published: { date: '2027-02-14', instant: null, via: 'record' },
      title: 'Harbor city hears launch sirens',
    });
    expect(doc.text).toContain('Share on Facebook'); // ingest keeps boilerplate: the cleaner decides
  });

  it('reads a news-please record', async () => {
    const doc = await onlyDoc(fixture('news-please.json'));
    expect(doc).toMatchObject({
      format: 'news-please',
      externalId: null,
      url: 'https://www.gazette.example/fleet-test',
      source: 'gazette.example',
      published: { date: '2026-08-01', instant: null, via: 'record' },
      title: 'Fleet test-fires cruise missile',
    });
    expect(doc.text).toBe('The northern fleet test-fired a cruise missile on Saturday evening, the navy said.\nThe missile hit a target barge 150 km away.');
  });

  it('reads an array of records of both kinds, each with its own origin', async () => {
    const items = await collect([fixture('records-array.json')]);
    expect(items.map((i) => i.ok)).toEqual([true, true]);
    const docs = items.flatMap((i) => (i.ok ? [i.doc] : []));
    expect(docs[0]).toMatchObject({ origin: `${fixture('records-array.json')}[0]`, format: 'corpus-json', externalId: 'a1', published: null });
    // No date_publish: the date in the URL path stands in.
    expect(docs[1]).toMatchObject({ format: 'news-please', source: 'valley.example', published: { date: '2025-01-07', via: 'url' } });
  });

  it('yields the good lines of a JSONL file and one failure for the bad line', async () => {
    const path = fixture('lines.jsonl');
    const items = await collect([path]);
    expect(items).toHaveLength(3);
    const [first, second, third] = items;
    expect(first.ok && first.doc.origin).toBe(`${path}:1`);
    expect(first.ok && first.doc.format).toBe('jsonl');
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.failure.origin).toBe(`${path}:2`);
      expect(second.failure.reason).toMatch(/^invalid JSON: .* at line 1$/);
    }
    expect(third.ok && third.doc.origin).toBe(`${path}:4`);
    expect(third.ok && third.doc.externalId).toBe('l4');
  });

  it('reports malformed JSON with the line of the error', async () => {
    const failure = await onlyFailure(fixture('malformed.json'));
    expect(failure.reason).toMatch(/^invalid JSON: Unexpected token .* at line 3$/);
  });

  it('rejects an object of unknown shape', () => {
    expect(() => documentFromRecord({ headline: 'x', body: 'y' }, 'api')).toThrow(
      'JSON object is neither a corpus record nor a news-please record (needs text or maintext)',
    );
    expect(() => documentFromRecord('text', 'api')).toThrow(/expected a JSON object/);
  });
});

describe('charsets', () => {
  it('decodes a windows-1252 text file', async () => {
    const dir = tempDir();
    const text = 'Rocket test “a success”, says café owner — officials’ statement follows.\nThe rocket flew 300 km.\n';
    writeFileSync(join(dir, 'cp1252.txt'), iconv.encode(text, 'windows-1252'));
    const doc = await onlyDoc(join(dir, 'cp1252.txt'));
    expect(doc.text).toBe(text);
  });

  it('decodes UTF-16LE and UTF-16BE files with a BOM', async () => {
    const dir = tempDir();
    const text = 'Rocket launched from the Ñorth pad\nIt flew 200 km.';
    writeFileSync(join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    writeFileSync(join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]));
    expect((await onlyDoc(join(dir, 'le.txt'))).text).toBe(text);
    expect((await onlyDoc(join(dir, 'be.txt'))).text).toBe(text);
  });

  it('drops a UTF-8 BOM', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Rocket test ends\nText.')]));
    expect((await onlyDoc(join(dir, 'bom.txt'))).text).toBe('Rocket test ends\nText.');
  });
});

describe('failures', () => {
  it('rejects binary files by magic number or NUL bytes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'blob.txt'), Buffer.from([0x41, 0x42, 0x00, 0x43]));
    expect((await onlyFailure(join(dir, 'photo.txt'))).reason).toBe('binary file (looks like PNG image)');
    expect((await onlyFailure(join(dir, 'blob.txt'))).reason).toMatch(/^binary file \(looks like .*NUL bytes\)$/);
  });

  it('rejects empty and whitespace-only files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.json'), '  \n\t\n');
    expect(await onlyFailure(join(dir, 'empty.txt'))).toEqual({ origin: join(dir, 'empty.txt'), reason: 'empty file' });
    expect((await onlyFailure(join(dir, 'blank.json'))).reason).toBe('empty file');
  });

  it('rejects files over the size limit before reading them', async () => {
    const failure = await onlyFailure(fixture('plain-report.txt'), { maxBytes: 100 });
    expect(failure.reason).toMatch(/^file too large \(\d+ bytes > 100 bytes limit\)$/);
  });

  it('reports a missing path and an unsupported extension', async () => {
    const missing = join(tempDir(), 'nope.txt');
    expect(await onlyFailure(missing)).toEqual({ origin: missing, reason: 'not found' });
    const dir = tempDir();
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.4');
    expect((await onlyFailure(join(dir, 'report.pdf'))).reason).toBe('not a supported format (.pdf)');
  });
});

describe('folders', () => {
  it('recurses in sorted order, skips hidden files, and yields good files next to failures', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b-good.txt'), 'Rocket launched at dawn\nThe rocket flew 100 km.');
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'c-bad.json'), '{"text": ');
    writeFileSync(join(dir, '.hidden.txt'), 'secret');
    writeFileSync(join(dir, 'sub', 'd-good.json'), JSON.stringify({ id: 'd', text: 'A rocket was launched.', published: null }));
    const items = await collect([dir]);
    expect(items.map((i) => (i.ok ? `ok ${i.doc.origin}` : `fail ${i.failure.origin}`))).toEqual([
      `fail ${join(dir, 'a-empty.txt')}`,
      `ok ${join(dir, 'b-good.txt')}`,
      `fail ${join(dir, 'c-bad.json')}`,
      `ok ${join(dir, 'sub', 'd-good.json')}`,
    ]);
    const bad = items[2];
    expect(!bad.ok && bad.failure.reason).toMatch(/^invalid JSON: .* at line 1$/);
  });
});

describe('mostly valid UTF-8', () => {
  it('keeps a UTF-8 file with one broken byte as UTF-8, marking only that byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salvo-utf8-'));
    const good = Buffer.from('Pyongyang — the missile flew 600 km, officials in Seoul said. Café résumé.\n', 'utf8');
    const file = join(dir, 'broken.txt');
    writeFileSync(file, Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from(' end of report\n')]));
    const items = [];
    for await (const it of ingestPaths([file])) items.push(it);
    expect(items).toHaveLength(1);
    const doc = items[0].ok ? items[0].doc : null;
    expect(doc?.text).toContain('Café résumé');
    expect(doc?.text).toContain('\uFFFD(');
  });
});
