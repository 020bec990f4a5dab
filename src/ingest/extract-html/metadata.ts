// Page metadata from what the tree builder collected: title, publication date (meta tags, JSON-LD, <time>,
// URL path), canonical URL, outlet name and language.
import type { PublishedDate } from '../../types.js';
import { dateFromUrl, hostOf, parseMachineDate } from '../dates.js';
import { normalizeLine } from '../normalize.js';
import type { RawMeta } from './tree.js';

export interface PageMetadata {
  title: string | null;
  published: PublishedDate | null;
  /** Canonical URL (link rel=canonical, og:url, else the URL the page was fetched from). */
  url: string | null;
  /** The outlet's own name (og:site_name, application-name, JSON-LD publisher), else null. */
  siteName: string | null;
  /** The page's declared language (BCP 47 primary tag and region as written), else null. */
  language: string | null;
}

// Meta keys that carry a publication date, best first (compared in lower case).
const META_DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date',
  'dc.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'datepublished', 'article.published',
  'published-date', 'publish_date', 'article_date_original', 'cxenseparse:recs:publishtime', 'dc.date.created',
  'og:published_time', 'originalpublicationdate', 'date_published', 'citation_publication_date', 'citation_date',
];
const PUBLISHER_TYPES = /^(?:Organization|NewsMediaOrganization|Corporation|WebSite)$/;

/** Every object in a JSON-LD value, @graph arrays and nested arrays included. */
function jsonLdObjects(value: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 20) return out;
  if (Array.isArray(value)) value.forEach((v) => jsonLdObjects(v, out, depth + 1));
  else if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (obj['@graph']) jsonLdObjects(obj['@graph'], out, depth + 1);
  }
  return out;
}

export function readJsonLd(sources: string[]): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const src of sources) {
    try {
      jsonLdObjects(JSON.parse(src.trim().replace(/^<!--|-->$/g, '')), objects);
    } catch {
      // Broken JSON-LD is common and never fatal: other sources of metadata remain.
    }
  }
  return objects;
}

function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base ?? undefined);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const typeOf = (o: Record<string, unknown>): string[] => {
  const t = o['@type'];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
};

function ldPublisherName(ld: Record<string, unknown>[]): string | null {
  for (const o of ld) {
    const pub = o.publisher;
    const candidates = Array.isArray(pub) ? pub : [pub];
    for (const p of candidates) {
      if (typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>).name === 'string') {
        return (p as Record<string, unknown>).name as string;
      }
    }
  }
  for (const o of ld) if (typeOf(o).some((t) => PUBLISHER_TYPES.test(t)) && typeof o.name === 'string') return o.name;
  return null;
}

function findPublished(raw: RawMeta, ld: Record<string, unknown>[], url: string | null): PublishedDate | null {
  for (const key of META_DATE_KEYS) {
    const parsed = parseMachineDate(raw.meta.get(key));
    if (parsed) return { ...parsed, via: 'meta' };
  }
  for (const obj of ld) {
    const parsed = typeof obj.datePublished === 'string' ? parseMachineDate(obj.datePublished) : null;
    if (parsed) return { ...parsed, via: 'json-ld' };
  }
  for (const value of raw.itempropDates) {
    const parsed = parseMachineDate(value);
    if (parsed) return { ...parsed, via: 'meta' };
  }
  const times = [...raw.times.filter((t) => t.published), ...raw.times.filter((t) => !t.published)];
  for (const t of times) {
    const parsed = parseMachineDate(t.value);
    if (parsed) return { ...parsed, via: 'time-element' };
  }
  const fromUrl = dateFromUrl(url);
  return fromUrl ? { date: fromUrl, instant: null, via: 'url' } : null;
}

function findLanguage(raw: RawMeta, ld: Record<string, unknown>[]): string | null {
  const candidates = [raw.lang, raw.meta.get('content-language'), raw.meta.get('og:locale'), raw.meta.get('language'), raw.meta.get('dc.language')];
  for (const o of ld) if (typeof o.inLanguage === 'string') candidates.push(o.inLanguage);
  for (const c of candidates) {
    const m = c ? /^\s*([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))?\b/i.exec(c) : null;
    if (m) return m[2] ? `${m[1].toLowerCase()}-${m[2].length === 2 ? m[2].toUpperCase() : m[2]}` : m[1].toLowerCase();
  }
  return null;
}

export function pageMetadata(raw: RawMeta, urlHint: string | null): PageMetadata {
  const ld = readJsonLd(raw.jsonLd);
  const url = absoluteUrl(raw.canonical, urlHint) ?? absoluteUrl(raw.meta.get('og:url'), urlHint) ?? absoluteUrl(urlHint, null);
  const ldHeadline = ld.map((o) => o.headline).find((h): h is string => typeof h === 'string');
  const title = normalizeLine(raw.meta.get('og:title')) ?? normalizeLine(raw.title) ?? normalizeLine(ldHeadline) ?? normalizeLine(raw.meta.get('twitter:title'));
  const siteName =
    normalizeLine(raw.meta.get('og:site_name')) ?? normalizeLine(raw.meta.get('application-name')) ?? normalizeLine(ldPublisherName(ld)) ?? normalizeLine(raw.meta.get('twitter:site')?.replace(/^@/, ''));
  return { title, published: findPublished(raw, ld, url), url, siteName, language: findLanguage(raw, ld) };
}

export { hostOf };
