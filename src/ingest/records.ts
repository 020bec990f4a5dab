// JSON records (corpus format and news-please) → SourceDocument.
import type { InputFormat, PublishedDate, SourceDocument } from '../types.js';
import { dateFromUrl, findDatelineDate, hostOf, parseMachineDate } from './dates.js';
import { IngestError } from './errors.js';
import { detectLanguage } from './language.js';
import { normalizeLine, normalizeText } from './normalize.js';

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const NEWS_PLEASE_KEYS = ['maintext', 'date_publish', 'source_domain', 'date_download', 'title_page'];

/** Publication date when a record has none of its own: a dateline in the text, then the URL path. */
export function fallbackPublished(text: string, url: string | null): PublishedDate | null {
  const dateline = findDatelineDate(text);
  if (dateline) return { date: dateline, instant: null, via: 'dateline' };
  const fromUrl = dateFromUrl(url);
  return fromUrl ? { date: fromUrl, instant: null, via: 'url' } : null;
}

function recordPublished(value: unknown): PublishedDate | null {
  const parsed = parseMachineDate(str(value));
  return parsed ? { date: parsed.date, instant: parsed.instant, via: 'record' } : null;
}

/**
 * A corpus record `{id,url,source,published,title,text}` or a news-please record (`maintext`/`text`,
 * `date_publish`, `source_domain`, `title`, `url`) as a SourceDocument.
 * Throws IngestError (its message is the reason) for anything else.
 */
export function documentFromRecord(obj: unknown, origin: string, format?: InputFormat): SourceDocument {
  if (!isObject(obj)) {
    throw new IngestError(`expected a JSON object, found ${Array.isArray(obj) ? 'an array' : obj === null ? 'null' : typeof obj}`);
  }
  const isNewsPlease = NEWS_PLEASE_KEYS.some((k) => k in obj);
  const rawText = isNewsPlease ? (str(obj.maintext) ?? str(obj.text)) : str(obj.text);
  if (rawText === null) {
    if (isNewsPlease) throw new IngestError('news-please record has no article text (maintext is empty)');
    if (typeof obj.text === 'string') throw new IngestError('record has an empty text');
    throw new IngestError('JSON object is neither a corpus record nor a news-please record (needs text or maintext)');
  }
  const text = normalizeText(rawText);
  const url = str(obj.url);
  const published = recordPublished(isNewsPlease ? obj.date_publish : obj.published) ?? fallbackPublished(text, url);
  const source = str(isNewsPlease ? obj.source_domain : obj.source)?.replace(/^www\./, '') ?? hostOf(url);
  const id = obj.id;
  const title = normalizeLine(str(obj.title) ?? (isNewsPlease ? str(obj.title_page) : null));
  return {
    origin,
    format: format ?? (isNewsPlease ? 'news-please' : 'corpus-json'),
    externalId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
    url,
    source,
    published,
    title,
    text,
    language: detectLanguage([title ?? '', text], str(obj.language)),
    droppedByExtractor: [],
  };
}
