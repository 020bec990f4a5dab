// A report pasted in the browser or posted to the API → documents, read like a file of its kind (an HTML page in
// this thread). It loads the HTML readers, so only the document pool's threads (worker.ts) and the tools that read
// pastes themselves import it; the CLI's and the server's own threads do not.
import { documentFromRecord, IngestError, sniffKind, type TextKind } from '../ingest/index.js';
import { documentFromHtml } from '../ingest/html.js';
import { documentsFromString } from '../ingest/strings.js';
import type { IngestItem, SourceDocument } from '../types.js';

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** A report pasted in the browser or posted to the API. */
export interface PastedReport {
  text: string;
  format?: TextKind;
  title?: string;
  url?: string;
  source?: string;
  published?: string;
}

/** The documents in a pasted report (a JSON array or JSON Lines may hold several), read like a file's. */
export function documentsFromPaste(p: PastedReport, origin: string): IngestItem[] {
  if (p.text.trim() === '') return [{ ok: false, failure: { origin, reason: 'empty text' } }];
  const kind = !p.format || p.format === 'auto' ? sniffKind(p.text) : p.format;
  const hasMetadata = p.title !== undefined || p.url !== undefined || p.source !== undefined || p.published !== undefined;
  const one = (read: () => SourceDocument): IngestItem[] => {
    try {
      return [{ ok: true, doc: read() }];
    } catch (err) {
      return [{ ok: false, failure: { origin, reason: err instanceof IngestError ? err.message : reasonOf(err) } }];
    }
  };
  // A publication date, title or outlet given beside a page beats what the page says of itself.
  if (kind === 'html') {
    return one(() => {
      const doc = documentFromHtml(p.text, origin, p.url ?? null);
      return {
        ...doc,
        published: p.published ? { date: p.published, instant: null, via: 'record' } : doc.published,
        title: p.title ?? doc.title,
        source: p.source ?? doc.source,
      };
    });
  }
  // Plain text with a title, url, source or date given beside it is a record like a corpus one.
  if (kind === 'text' && hasMetadata) return one(() => documentFromRecord({ text: p.text, title: p.title, url: p.url, source: p.source, published: p.published }, origin));
  return [...documentsFromString(p.text, origin, kind)];
}
