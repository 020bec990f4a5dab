// Reports added from the browser or the API, through the same per-document code path as `salvo ingest`
// (src/pipeline.ts ingestDocument): pasted text becomes a SourceDocument here, uploaded files are read by
// the CLI's own file reader (ingestPaths), so formats, encodings and error reasons are the same.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolverFromStore } from '../cli/open.js';
import { documentFromHtml, documentFromRecord, documentFromText, ingestPaths, IngestError } from '../ingest/index.js';
import { ingestDocument } from '../pipeline.js';
import type { EventResolver } from '../resolve/index.js';
import type { Store, StoreSession } from '../store/store.js';
import type { IngestItem, SourceDocument } from '../types.js';

export interface IngestResult {
  origin: string;
  status: 'stored' | 'duplicate' | 'failed';
  articleId: string | null;
  eventId: string | null;
  isLaunchReport: boolean | null;
  title: string | null;
  reason: string | null;
}

export interface IngestReport {
  stored: number;
  duplicates: number;
  failed: number;
  results: IngestResult[];
}

export interface PastedReport {
  text: string;
  format?: 'auto' | 'text' | 'html' | 'json' | 'jsonl';
  title?: string;
  url?: string;
  source?: string;
  published?: string;
}

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The documents in a pasted report (a JSON array or JSON Lines may hold several). */
export function documentsFromPaste(p: PastedReport, origin: string): IngestItem[] {
  const text = p.text;
  const trimmed = text.trim();
  if (trimmed === '') return [{ ok: false, failure: { origin, reason: 'empty text' } }];
  let format = p.format ?? 'auto';
  if (format === 'auto') {
    if (/^[[{]/.test(trimmed) && /[\]}]$/.test(trimmed)) format = trimmed.includes('\n{') && !trimmed.startsWith('[') ? 'jsonl' : 'json';
    else if (/^<(?:!doctype|html|head|body|article|main|div|p|h1)\b/i.test(trimmed)) format = 'html';
    else format = 'text';
  }
  const item = (f: () => SourceDocument, o: string): IngestItem => {
    try {
      return { ok: true, doc: f() };
    } catch (err) {
      return { ok: false, failure: { origin: o, reason: err instanceof IngestError ? err.message : reasonOf(err) } };
    }
  };
  if (format === 'html') return [item(() => documentFromHtml(text, origin, p.url ?? null), origin)];
  if (format === 'json' || format === 'jsonl') {
    if (format === 'jsonl' && !trimmed.startsWith('[')) {
      return text
        .split('\n')
        .map((line, i) => ({ line: line.trim(), o: `${origin}:${i + 1}` }))
        .filter((l) => l.line !== '')
        .map((l) => item(() => documentFromRecord(parseJson(l.line), l.o, 'jsonl'), l.o));
    }
    let value: unknown;
    try {
      value = parseJson(trimmed);
    } catch (err) {
      return [{ ok: false, failure: { origin, reason: reasonOf(err) } }];
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return [{ ok: false, failure: { origin, reason: 'empty JSON array' } }];
      return value.map((v, i) => item(() => documentFromRecord(v, `${origin}[${i}]`), `${origin}[${i}]`));
    }
    return [item(() => documentFromRecord(value, origin), origin)];
  }
  // Plain text: with a title, url, source or date given beside it, it is a record like a corpus one.
  if (p.title !== undefined || p.url !== undefined || p.source !== undefined || p.published !== undefined) {
    return [item(() => documentFromRecord({ text, title: p.title, url: p.url, source: p.source, published: p.published }, origin), origin)];
  }
  return [item(() => documentFromText(text, origin), origin)];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new IngestError(`invalid JSON: ${reasonOf(err)}`);
  }
}

/** A file name safe to write in a private temporary folder, keeping its extension (which says its format). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(-120);
  return cleaned === '' ? 'upload' : cleaned;
}

/** The documents in uploaded files, read by the same reader as `salvo ingest <file>`. */
export async function* documentsFromUploads(files: { name: string; bytes: Uint8Array }[]): AsyncGenerator<IngestItem> {
  const dir = await mkdtemp(join(tmpdir(), 'salvo-upload-'));
  try {
    for (let i = 0; i < files.length; i++) {
      const name = safeFileName(files[i].name);
      const sub = join(dir, String(i));
      await mkdir(sub); // one folder per file, so two uploads of the same name do not collide
      const path = join(sub, name);
      await writeFile(path, files[i].bytes);
      const rename = (o: string): string => (o.startsWith(path) ? `upload:${name}${o.slice(path.length)}` : o);
      for await (const it of ingestPaths([path])) {
        yield it.ok ? { ok: true, doc: { ...it.doc, origin: rename(it.doc.origin) } } : { ok: false, failure: { ...it.failure, origin: rename(it.failure.origin) } };
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Stores documents one by one, like `salvo ingest`, with a resolver kept in step with the store: it is rebuilt
 * when another process (a `salvo ingest` running beside the server) has written since, or after a failure.
 */
export class Ingester {
  private cached: EventResolver | null = null;
  private version = '';

  constructor(private readonly store: Store) {}

  /** Called by ingest under the grouping lock: the resolver, rebuilt when the store changed behind it. */
  async resolver(session: StoreSession): Promise<EventResolver> {
    const v = await session.dataVersion();
    if (!this.cached || v !== this.version) {
      this.cached = await resolverFromStore(session);
      this.version = v;
    }
    return this.cached;
  }

  /** Called by ingest under the grouping lock after a write this resolver already knows about. */
  async saved(session: StoreSession): Promise<void> {
    this.version = await session.dataVersion();
  }

  async ingest(items: Iterable<IngestItem> | AsyncIterable<IngestItem>): Promise<IngestReport> {
    const report: IngestReport = { stored: 0, duplicates: 0, failed: 0, results: [] };
    for await (const it of items) {
      if (!it.ok) {
        report.failed++;
        report.results.push({ origin: it.failure.origin, status: 'failed', articleId: null, eventId: null, isLaunchReport: null, title: null, reason: it.failure.reason });
        continue;
      }
      try {
        const outcome = await ingestDocument(this.store, this, it.doc);
        if (outcome.status === 'duplicate') {
          report.duplicates++;
          report.results.push({
            origin: it.doc.origin, status: 'duplicate', articleId: outcome.article.id,
            eventId: await this.store.articleEventId(outcome.article.id), isLaunchReport: null, title: outcome.article.title, reason: 'already stored',
          });
        } else {
          report.stored++;
          report.results.push({
            origin: it.doc.origin, status: 'stored', articleId: outcome.article.id, eventId: outcome.eventId,
            isLaunchReport: outcome.extraction.isLaunchReport, title: outcome.article.title, reason: null,
          });
        }
      } catch (err) {
        this.cached = null;
        report.failed++;
        report.results.push({ origin: it.doc.origin, status: 'failed', articleId: null, eventId: null, isLaunchReport: null, title: it.doc.title, reason: `not stored: ${reasonOf(err)}` });
      }
    }
    return report;
  }
}
