// How an HTML page is read into a document, without loading the HTML readers: `ReadHtml` (the pool's threads or
// this one) and `readHtmlHere`, which imports html.ts (linkedom, htmlparser2, css-select, Readability: some 120
// modules, a tenth of a second or more of CPU) the first time a page is read in this thread, so a thread that
// only reads JSON, JSON Lines or text never loads them.
import type { SourceDocument } from '../types.js';

/**
 * Reads an HTML page into a document like documentFromHtml, in this thread or elsewhere (the CLI commands pass the
 * document pool's, which reads within the per-document time budget); rejects with IngestError, whose message is
 * the reason, for a page with no article text (or one over the budget).
 */
export type ReadHtml = (html: string, origin: string, urlHint: string | null) => Promise<SourceDocument>;

let htmlReader: Promise<typeof import('./html.js')> | undefined;
/** html.ts, imported once, by the first page read in this thread. */
export const loadHtmlReader = (): Promise<typeof import('./html.js')> => (htmlReader ??= import('./html.js'));

/** documentFromHtml in this thread, as a ReadHtml. */
export const readHtmlHere: ReadHtml = async (html, origin, urlHint) => (await loadHtmlReader()).documentFromHtml(html, origin, urlHint);
