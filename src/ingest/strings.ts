// A text given directly (pasted, or fetched by the caller) → documents, read like a file of that kind, an HTML page
// in this thread: this module loads the HTML readers (html.ts), so the threads that read pastes import it, and
// files.ts, which the CLI's own thread loads, does not.
import type { IngestItem } from '../types.js';
import { documentsOfText, failure, isPage, ok, reasonOf, type TextKind } from './files.js';
import { documentFromHtml } from './html.js';

/**
 * The documents in a text given directly (pasted, or fetched by the caller), read like a file of that kind:
 * one item per document, a failure item (never a throw) when the text cannot be read.
 */
export function* documentsFromString(text: string, origin: string, kind: TextKind = 'auto'): Generator<IngestItem> {
  try {
    for (const it of documentsOfText(text, origin, kind)) yield isPage(it) ? ok(documentFromHtml(it.html, it.origin)) : it;
  } catch (err) {
    yield failure(origin, reasonOf(err));
  }
}
