// HTML page → SourceDocument: Readability for the body, our own look-ups for metadata.
import { Readability } from '@mozilla/readability';
import type { PublishedDate, SourceDocument } from '../types.js';
import { dateFromUrl, hostOf, parseMachineDate } from './dates.js';
import { type DomDocument, type DomElement, elements, parseDocument } from './dom.js';
import { IngestError } from './errors.js';
import { elementText, joinBlocks, textBlocks } from './html-text.js';
import { normalizeLine, normalizeText } from './normalize.js';

const MIN_ARTICLE_CHARS = 200;

// Meta keys that carry a publication date, best first (compared in lower case).
const META_DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'datepublished',
];

function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of elements(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

/** Every object in a JSON-LD value, @graph arrays and nested arrays included. */
function jsonLdObjects(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => jsonLdObjects(v, out));
  else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (obj['@graph']) jsonLdObjects(obj['@graph'], out);
  }
  return out;
}

function readJsonLd(doc: DomDocument): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const script of elements(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      jsonLdObjects(JSON.parse(script.textContent ?? ''), objects);
    } catch {
      // Broken JSON-LD is common and never fatal: other sources of metadata remain.
    }
  }
  return objects;
}

function findPublished(doc: DomDocument, meta: Map<string, string>, ld: Record<string, unknown>[], url: string | null): PublishedDate | null {
  for (const key of META_DATE_KEYS) {
    const parsed = parseMachineDate(meta.get(key));
    if (parsed) return { ...parsed, via: 'meta' };
  }
  for (const obj of ld) {
    const parsed = typeof obj.datePublished === 'string' ? parseMachineDate(obj.datePublished) : null;
    if (parsed) return { ...parsed, via: 'json-ld' };
  }
  const times = [
    ...elements(doc.querySelectorAll('time[pubdate][datetime], time[itemprop="datePublished"][datetime]')),
    ...elements(doc.querySelectorAll('time[datetime]')),
  ];
  for (const t of times) {
    const parsed = parseMachineDate(t.getAttribute('datetime'));
    if (parsed) return { ...parsed, via: 'time-element' };
  }
  const fromUrl = dateFromUrl(url);
  return fromUrl ? { date: fromUrl, instant: null, via: 'url' } : null;
}

function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href?.trim()) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

function findUrl(doc: DomDocument, meta: Map<string, string>, urlHint: string | null): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return absoluteUrl(canonical, urlHint) ?? absoluteUrl(meta.get('og:url'), urlHint) ?? absoluteUrl(urlHint, null);
}

const FALLBACK_SKIP = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);
const proseLength = (text: string): number => text.replace(/\s+/g, ' ').trim().length;

/** Paragraph texts of the page before Readability rewrites the DOM, to report what it left out. */
function candidateBlocks(doc: DomDocument): string[] {
  return elements(doc.querySelectorAll('p')).map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
}

// Only prose-like blocks are worth showing as "dropped": a sentence or more, not a menu label.
const looksLikeText = (block: string): boolean => block.length >= 60 && block.split(' ').length >= 8;

export function documentFromHtml(html: string, origin: string, urlHint: string | null = null): SourceDocument {
  const doc = parseDocument(html);
  const meta = metaMap(doc);
  const ld = readJsonLd(doc);
  const url = findUrl(doc, meta, urlHint);
  const published = findPublished(doc, meta, ld, url);
  const ldHeadline = ld.map((o) => o.headline).find((h): h is string => typeof h === 'string');
  const pageTitle = normalizeLine(meta.get('og:title')) ?? normalizeLine(doc.querySelector('title')?.textContent) ?? normalizeLine(ldHeadline);
  const blocksBefore = candidateBlocks(doc);

  let text = '';
  let readabilityTitle: string | null = null;
  try {
    const article = new Readability<DomElement>(doc, { serializer: (node: DomElement) => node }).parse();
    if (article?.content) text = elementText(article.content);
    readabilityTitle = normalizeLine(article?.title);
  } catch {
    // Readability throws on a few odd pages; the fallback below still gets their text.
  }
  if (proseLength(text) < MIN_ARTICLE_CHARS) {
    const fresh = parseDocument(html);
    text = fresh.body ? joinBlocks(textBlocks(fresh.body, FALLBACK_SKIP)) : '';
  }
  text = normalizeText(text).trim();
  if (proseLength(text) < MIN_ARTICLE_CHARS) throw new IngestError('no article text found in the HTML page');

  const dropped = blocksBefore.filter((b) => looksLikeText(b) && !text.includes(normalizeText(b)));
  return {
    origin,
    format: 'html',
    externalId: null,
    url,
    source: hostOf(url) ?? normalizeLine(meta.get('og:site_name')),
    published,
    title: pageTitle ?? readabilityTitle,
    text,
    droppedByExtractor: [...new Set(dropped.map(normalizeText))],
  };
}
