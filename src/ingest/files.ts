// Files and folders → IngestItems. Every failure becomes an item; nothing here throws.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IngestItem, InputFormat, SourceDocument } from '../types.js';
import { binaryReason, decodeBytes, isGzip } from './bytes.js';
import { describeFsError, IngestError } from './errors.js';
import { documentFromHtml } from './html.js';
import { describeJsonError } from './json-error.js';
import { documentFromRecord } from './records.js';
import { documentFromText } from './text.js';
import { Fetcher, fetchDocument, isWebAddress } from './fetch.js';
import { documentsFromWarc, isWarcPath } from './warc.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

type Kind = 'text' | 'html' | 'json' | 'jsonl';
const KIND_BY_EXTENSION: Record<string, Kind> = {
  '': 'text', '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

const ok = (doc: SourceDocument): IngestItem => ({ ok: true, doc });
const failure = (origin: string, reason: string): IngestItem => ({ ok: false, failure: { origin, reason } });

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return bytes >= 1024 ? `${Number((bytes / 1024).toFixed(1))} KB` : `${bytes} bytes`;
}

/** Files under `dir`, recursively, sorted by name, hidden entries skipped. */
async function* walkFolder(dir: string): AsyncGenerator<{ path: string } | { path: string; error: unknown }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { path: dir, error };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path);
    else yield { path };
  }
}

// Content wins over the extension for the cases people get wrong: HTML saved as .txt, JSON arrays in .json.
const looksLikeHtml = (text: string): boolean =>
  /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<(p|div|article|meta|title)[\s>][\s\S]*<\/(p|div|article|title)>/i.test(text.slice(0, 4096));

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

function reasonOf(err: unknown): string {
  if (err instanceof IngestError) return err.message;
  return `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}

function* documentsFromBytes(bytes: Uint8Array, kind: Kind, path: string): Generator<IngestItem> {
  const binary = binaryReason(bytes);
  if (binary) throw new IngestError(binary);
  const text = decodeBytes(bytes, { html: kind === 'html' || kind === 'text' });
  if (text.trim() === '') throw new IngestError('empty file');
  const trimmed = text.trimStart();
  if (kind === 'json' || (kind === 'text' && /^[[{]/.test(trimmed) && /[\]}]\s*$/.test(text))) {
    yield* documentsFromJson(text, path);
  } else if (kind === 'jsonl') {
    yield* documentsFromJsonl(text, path);
  } else if (kind === 'html' || looksLikeHtml(text)) {
    yield ok(documentFromHtml(text, path));
  } else {
    yield ok(documentFromText(text, path));
  }
}

async function* ingestFile(path: string, maxBytes: number): AsyncGenerator<IngestItem> {
  // WARC archives are streamed record by record: the file size limit applies to each record, not the file.
  if (isWarcPath(path)) {
    yield* documentsFromWarc(path, maxBytes);
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
    const info = await stat(path);
    if (info.size > maxBytes) throw new IngestError(`file too large (${formatMb(info.size)} > ${formatMb(maxBytes)} limit)`);
    let bytes: Uint8Array = await readFile(path).catch((err: unknown) => {
      throw new IngestError(describeFsError(err));
    });
    if (gzipped && isGzip(bytes)) {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes + 1 });
      if (bytes.length > maxBytes) throw new IngestError(`file too large once decompressed (> ${formatMb(maxBytes)} limit)`);
    }
    yield* documentsFromBytes(bytes, kind, path);
  } catch (err) {
    yield failure(path, err instanceof IngestError ? err.message : describeFsError(err));
  }
}

/** Every document under the given files and folders, one IngestItem per document or per failure. */
export async function* ingestPaths(paths: string[], opts: { maxBytes?: number; fetcher?: Fetcher } = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let fetcher = opts.fetcher;
  for (const path of paths) {
    // http(s) addresses are fetched (see fetch.ts: timeouts, size limit, robots.txt, no private addresses).
    if (isWebAddress(path)) {
      fetcher ??= new Fetcher({ maxBytes });
      yield await fetchDocument(fetcher, path);
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (err) {
      yield failure(path, describeFsError(err));
      continue;
    }
    if (!isFolder) {
      yield* ingestFile(path, maxBytes);
      continue;
    }
    for await (const entry of walkFolder(path)) {
      if ('error' in entry) yield failure(entry.path, describeFsError(entry.error));
      else yield* ingestFile(entry.path, maxBytes);
    }
  }
}
