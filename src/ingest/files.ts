// Files and folders → IngestItems. Every failure becomes an item; nothing here throws. WARC archives and JSON Lines
// files are streamed (warc.ts, jsonl.ts); other files are read whole, up to the size limit. An HTML page (a file,
// a WARC record, a fetched page) is read into a document by the caller's ReadHtml: the CLI commands read pages in
// the document pool, within the per-document time budget, while the bytes are read here (the HTML readers are not
// loaded here: see read-html.ts; a text given directly is read by strings.ts).
import { extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IngestItem, InputFormat, SourceDocument } from '../types.js';
import { binaryReason, decodeBytes, isGzip } from './bytes.js';
import { IngestError } from './errors.js';
import { checkRegularFile, formatSize, inputFiles, readRegularFile } from './file-system.js';
import { readHtmlHere, type ReadHtml } from './read-html.js';
import { documentsFromJsonlFile } from './jsonl.js';
import { describeJsonError } from './json-error.js';
import { documentFromRecord } from './records.js';
import { documentFromText } from './text.js';
import { Fetcher, fetchDocument, isWebAddress } from './fetch.js';
import { documentsFromWarc, isWarcPath } from './warc.js';
import { MAX_FILE_BYTES } from '../settings.js';

/** What a text is read as; 'auto' sniffs JSON, JSON Lines and HTML from the content (see `sniffKind`). */
export type TextKind = 'auto' | 'text' | 'html' | 'json' | 'jsonl';
// Plain-text extensions are sniffed: people save HTML as .txt and JSON records without an extension.
const KIND_BY_EXTENSION: Record<string, TextKind> = {
  '': 'auto', '.txt': 'auto', '.text': 'auto', '.md': 'auto',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

export const ok = (doc: SourceDocument): IngestItem => ({ ok: true, doc });
/** An HTML page found in a text, left for the caller to read into a document (with its own ReadHtml). */
type HtmlPage = { html: string; origin: string };
export type TextItem = IngestItem | HtmlPage;
export const isPage = (it: TextItem): it is HtmlPage => 'html' in it;
export const failure = (origin: string, reason: string): IngestItem => ({ ok: false, failure: { origin, reason } });

// Content wins over the extension for the cases people get wrong: HTML saved as .txt, JSON arrays in .json.
const HTML_START = /^\s*<(?:!doctype html|html|head|body|article|main|div|p|h1)[\s>]/i;
const HTML_ELEMENT = /<(p|div|article|meta|title)[\s>][\s\S]*<\/(p|div|article|title)>/i;
const JSON_VALUE = { start: /^\s*[[{]/, end: /[\]}]\s*$/ };
/** A second record starting on its own line: JSON Lines rather than one (pretty-printed) JSON value. */
const NEXT_LINE_RECORD = /\n\{/;

/** The kind of a text read from its content: JSON, JSON Lines, HTML or plain text. */
export function sniffKind(text: string): Exclude<TextKind, 'auto'> {
  const trimmed = text.trim();
  if (JSON_VALUE.start.test(trimmed) && JSON_VALUE.end.test(trimmed)) return trimmed.startsWith('{') && NEXT_LINE_RECORD.test(trimmed) ? 'jsonl' : 'json';
  if (HTML_START.test(trimmed) || HTML_ELEMENT.test(trimmed.slice(0, 4096))) return 'html';
  return 'text';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IngestError(describeJsonError(err, text));
  }
}

function* documentsFromJson(text: string, origin: string): Generator<IngestItem> {
  const value = parseJson(text);
  if (!Array.isArray(value)) {
    yield ok(documentFromRecord(value, origin));
    return;
  }
  if (value.length === 0) throw new IngestError('empty JSON array');
  // An array of records: one item per element, a bad element does not spoil the others.
  for (let i = 0; i < value.length; i++) {
    const itemOrigin = `${origin}[${i}]`;
    try {
      yield ok(documentFromRecord(value[i], itemOrigin));
    } catch (err) {
      yield failure(itemOrigin, reasonOf(err));
    }
  }
}

function* documentsFromJsonl(text: string, origin: string): Generator<IngestItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const lineOrigin = `${origin}:${i + 1}`;
    try {
      yield ok(documentFromRecord(parseJson(line), lineOrigin, 'jsonl' satisfies InputFormat));
    } catch (err) {
      yield failure(lineOrigin, reasonOf(err));
    }
  }
}

export function reasonOf(err: unknown): string {
  if (err instanceof IngestError) return err.message;
  return `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}

/** The documents in a decoded text, an HTML page left unread; throws IngestError when the text as a whole cannot be read. */
export function* documentsOfText(text: string, origin: string, kind: TextKind): Generator<TextItem> {
  const read = kind === 'auto' ? sniffKind(text) : kind;
  if (read === 'json') yield* documentsFromJson(text, origin);
  else if (read === 'jsonl') yield* documentsFromJsonl(text, origin);
  else if (read === 'html') yield { html: text, origin };
  else yield ok(documentFromText(text, origin));
}

function* documentsFromBytes(bytes: Uint8Array, kind: TextKind, path: string): Generator<TextItem> {
  const binary = binaryReason(bytes);
  if (binary) throw new IngestError(binary);
  const text = decodeBytes(bytes, { html: kind === 'html' || kind === 'auto' });
  if (text.trim() === '') throw new IngestError('empty file');
  yield* documentsOfText(text, path, kind);
}

/** Unpacks a .gz file's bytes to at most `maxBytes`: a few kilobytes of gzip can stand for gigabytes. */
function gunzipBounded(bytes: Uint8Array, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new IngestError(`file too large once decompressed (> ${formatSize(maxBytes)} limit)`);
    throw new IngestError(`not a valid gzip file (${err instanceof Error ? err.message : String(err)})`);
  }
}

async function* ingestFile(path: string, maxBytes: number, readHtml: ReadHtml): AsyncGenerator<IngestItem> {
  // WARC archives are streamed record by record: the file size limit applies to each record, not the file.
  if (isWarcPath(path)) {
    try {
      await checkRegularFile(path);
    } catch (err) {
      yield failure(path, reasonOf(err));
      return;
    }
    yield* documentsFromWarc(path, maxBytes, readHtml);
    return;
  }
  let ext = extname(path).toLowerCase();
  const gzipped = ext === '.gz';
  if (gzipped) ext = extname(path.slice(0, -3)).toLowerCase();
  const kind = KIND_BY_EXTENSION[ext];
  if (!kind) {
    yield failure(path, `not a supported format (${extname(path).toLowerCase()})`);
    return;
  }
  try {
    // JSON Lines are streamed record by record: the size limit applies to each record, not the file.
    if (kind === 'jsonl') {
      await checkRegularFile(path);
      yield* documentsFromJsonlFile(path, maxBytes, gzipped);
      return;
    }
    let bytes: Uint8Array = await readRegularFile(path, maxBytes);
    if (gzipped && isGzip(bytes)) bytes = gunzipBounded(bytes, maxBytes);
    for (const it of documentsFromBytes(bytes, kind, path)) yield isPage(it) ? ok(await readHtml(it.html, it.origin, null)) : it;
  } catch (err) {
    yield failure(path, reasonOf(err));
  }
}

/**
 * Every document under the given files and folders, one IngestItem per document or per failure. Only regular
 * files are read, within the size limit; a folder's symbolic links to folders, or out of it, are not followed.
 * HTML pages are read into documents by `readHtml` (default: in this thread).
 */
export async function* ingestPaths(paths: string[], opts: { maxBytes?: number; fetcher?: Fetcher; readHtml?: ReadHtml } = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const readHtml = opts.readHtml ?? readHtmlHere;
  let fetcher = opts.fetcher;
  for (const path of paths) {
    // http(s) addresses are fetched (see fetch.ts: timeouts, size limit, robots.txt, no private addresses).
    if (isWebAddress(path)) {
      fetcher ??= new Fetcher({ maxBytes });
      yield await fetchDocument(fetcher, path, readHtml);
      continue;
    }
    for await (const entry of inputFiles([path])) {
      if ('problem' in entry) yield failure(entry.path, entry.problem);
      else yield* ingestFile(entry.path, maxBytes, readHtml);
    }
  }
}

/** How many inputs `ingestPaths` reads from the given paths (files, failures and web addresses), for a progress bar's total. */
export async function countInputs(paths: string[]): Promise<number> {
  let n = 0;
  for (const path of paths) {
    if (isWebAddress(path)) n++;
    else for await (const _entry of inputFiles([path])) n++;
  }
  return n;
}
