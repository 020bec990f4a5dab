// The short fields of a document kept to a bounded length before it is stored (STORED_FIELD_LIMITS): a JSON
// record or a page may carry a 200 KB "title", which would be stored, indexed and sent with every list.
import type { SourceDocument } from '../types.js';
import { STORED_FIELD_LIMITS } from '../settings.js';

/** `s` cut to at most `max` UTF-16 units, on a code point boundary, with an ellipsis when cut. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(s[end - 1])) end--; // do not split a surrogate pair
  return `${s.slice(0, end)}…`;
}

const dropIfLong = (s: string | null, max: number): string | null => (s !== null && s.length > max ? null : s);

/** The document with its title, source and origin shortened and an over-long url or id dropped. */
export function boundFields(doc: SourceDocument): SourceDocument {
  const { title, url, source, externalId, origin } = STORED_FIELD_LIMITS;
  return {
    ...doc,
    title: doc.title === null ? null : shorten(doc.title, title),
    url: dropIfLong(doc.url, url),
    source: doc.source === null ? null : shorten(doc.source, source),
    externalId: dropIfLong(doc.externalId, externalId),
    origin: shorten(doc.origin, origin),
  };
}
