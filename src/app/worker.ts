// The work a document pool thread does (src/app/pool.ts): reading a paste, uploaded files or an HTML page into
// documents, cleaning and extracting one document (to store it), and analysing one (`salvo analyze`). Pure computation on
// what it is sent; nothing here touches the store.
import { cleanDocument } from '../clean/index.js';
import { extractArticle } from '../extract/index.js';
import { loadHtmlReader } from '../ingest/read-html.js';
import { documentFromText } from '../ingest/text.js';
import { copySketch } from '../resolve/sources.js';
import type { IngestItem, SourceDocument } from '../types.js';
import { analyzeDocument, type DocumentAnalysis } from '../pipeline.js';
import type { PastedReport } from './paste.js';
import type { Prepared } from './prepared.js';
import { markStart } from './thread-cpu.js';

/** What a task asks for. */
export type TaskBody =
  | { kind: 'paste'; paste: PastedReport; origin: string }
  | { kind: 'uploads'; files: { name: string; bytes: Uint8Array }[] }
  | { kind: 'html'; html: string; origin: string; urlHint: string | null }
  | { kind: 'prepare'; doc: SourceDocument }
  | { kind: 'analyze'; doc: SourceDocument };
/** An HTML page read: its document, or why it has none (an IngestError's message: the class does not cross threads). */
export type HtmlRead = { ok: true; doc: SourceDocument } | { ok: false; reason: string };
/** A task as sent: with the cell in which the thread notes that it has started it, with its CPU clock (the pool's budget starts then). */
export type PoolTask = TaskBody & { started: SharedArrayBuffer };

/**
 * The readers of pastes, uploads and HTML pages (HTML parsing, encoding detection: some tenth of a second of CPU
 * to load), loaded by the first task that reads one, before its budget starts: a thread that only cleans and
 * extracts documents (`salvo ingest` of records) never loads them.
 */
type Readers = typeof import('../ingest/html.js') & typeof import('../ingest/errors.js') & typeof import('./paste.js') & typeof import('./ingestion.js');
let readers: Promise<Readers> | undefined;
const loadReaders = (): Promise<Readers> =>
  (readers ??= Promise.all([loadHtmlReader(), import('../ingest/errors.js'), import('./paste.js'), import('./ingestion.js')]).then(([html, errors, paste, ingestion]) => ({ ...html, ...errors, ...paste, ...ingestion })));

async function readHtml(html: string, origin: string, urlHint: string | null): Promise<HtmlRead> {
  const { documentFromHtml, IngestError } = await loadReaders();
  try {
    return { ok: true, doc: documentFromHtml(html, origin, urlHint) };
  } catch (err) {
    if (err instanceof IngestError) return { ok: false, reason: err.message };
    throw err;
  }
}

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const it of items) out.push(it);
  return out;
}

/** Runs one task in the pool thread (piscina calls the default export). */
export default async function run(task: PoolTask): Promise<IngestItem[] | HtmlRead | Prepared | DocumentAnalysis> {
  if (task.kind === 'paste' || task.kind === 'uploads' || task.kind === 'html') await loadReaders(); // before the clock starts
  markStart(task.started);
  if (task.kind === 'paste') return (await loadReaders()).documentsFromPaste(task.paste, task.origin);
  if (task.kind === 'uploads') return collect((await loadReaders()).documentsFromUploads(task.files));
  if (task.kind === 'html') return readHtml(task.html, task.origin, task.urlHint);
  if (task.kind === 'analyze') return analyzeDocument(task.doc);
  const article = cleanDocument(task.doc);
  return { article, extraction: extractArticle(article), sketch: copySketch(article) };
}

// Compile the knowledge tables and parsers before the first task arrives, so it is not charged for them: a
// report with a dateline, a count, a class, a site, a distance and an apogee reaches most of the patterns an
// English report needs (a bare launch sentence left about 0.6 s of compiling to each of the next two reports,
// some seconds on a busy machine, charged to their budget).
const WARM_UP =
  'North Korea fires missiles\n\nSEOUL, March 3 (Yonhap) -- North Korea fired two short-range ballistic missiles from the Hamhung ' +
  "area into the East Sea on Friday morning, South Korea's Joint Chiefs of Staff said. The missiles flew about 450 km at an apogee " +
  "of 50 km before falling outside Japan's exclusive economic zone, officials added.";
extractArticle(cleanDocument(documentFromText(WARM_UP, 'warm-up'))); // as a paste of it would be read
