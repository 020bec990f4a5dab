// JSON Lines files read as a stream: one record (line) at a time is held in memory, a record over the size limit is
// skipped without being buffered (a failure item for its line), and .jsonl.gz files are unpacked on the fly. So a
// file of any length can be read; the size limit applies to each record, as for WARC archives.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { IngestItem, InputFormat } from '../types.js';
import { binaryReason, decodeBytes, isGzip } from './bytes.js';
import { IngestError } from './errors.js';
import { describeJsonError } from './json-error.js';
import { documentFromRecord } from './records.js';

/** A line of the stream: its bytes (without the newline), or only its length when it was over the limit. */
type Line = { bytes: Buffer } | { skipped: number };

/** The lines of a stream of chunks, none buffered beyond `maxBytes`. */
async function* linesOf(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  const take = (piece: Buffer): void => {
    size += piece.length;
    if (skipping) return;
    if (size > maxBytes) {
      skipping = true;
      parts = [];
    } else if (piece.length) parts.push(piece);
  };
  const line = (): Line => (skipping ? { skipped: size } : { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts, size) });
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, nl));
      yield line();
      parts = [];
      size = 0;
      skipping = false;
      start = nl + 1;
    }
    take(chunk.subarray(start));
  }
  if (size > 0) yield line();
}

const UTF16_BOM = [[0xff, 0xfe], [0xfe, 0xff]];
const formatMb = (bytes: number): string => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/** The first bytes of a file, to tell gzip and binary data from text. */
async function head(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The documents of a JSON Lines file, one item per non-blank line (`path:line` as its origin), a failure item for
 * a line that is not a record or is over `maxBytes`. Throws IngestError when the file as a whole cannot be read
 * as JSON Lines (binary, empty); the caller turns fs errors into a failure for the file.
 */
export async function* documentsFromJsonlFile(path: string, maxBytes: number, gzipped: boolean): AsyncGenerator<IngestItem> {
  const first = await head(path);
  const unpack = gzipped && isGzip(first);
  const binary = unpack ? null : binaryReason(first);
  if (binary) throw new IngestError(binary);
  if (!unpack && UTF16_BOM.some((b) => first[0] === b[0] && first[1] === b[1])) throw new IngestError('JSON Lines in UTF-16: JSON Lines are UTF-8 (save the file as UTF-8)');
  const raw = createReadStream(path);
  const chunks: AsyncIterable<Buffer> = unpack ? raw.pipe(createGunzip()) : raw;
  let n = 0;
  let records = 0;
  try {
    for await (const line of linesOf(chunks, maxBytes)) {
      n++;
      const origin = `${path}:${n}`;
      if ('skipped' in line) {
        records++;
        yield { ok: false, failure: { origin, reason: `record too large (${formatMb(line.skipped)} > ${formatMb(maxBytes)} limit)` } };
        continue;
      }
      const text = decodeBytes(line.bytes, { html: false }).trim();
      if (text === '') continue;
      records++;
      yield recordItem(text, origin);
    }
  } finally {
    raw.destroy();
  }
  if (records === 0) throw new IngestError('empty file');
}

function recordItem(line: string, origin: string): IngestItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { ok: false, failure: { origin, reason: describeJsonError(err, line) } };
  }
  try {
    return { ok: true, doc: documentFromRecord(value, origin, 'jsonl' satisfies InputFormat) };
  } catch (err) {
    return { ok: false, failure: { origin, reason: err instanceof IngestError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}` } };
  }
}
