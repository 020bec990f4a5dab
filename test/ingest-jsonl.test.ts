// JSON Lines read as a stream: the size limit applies to each record, not the file; a record over it is one failure
// and the lines after it are still read; .jsonl.gz is unpacked on the fly. Records are invented.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../src/ingest/index.js';
import type { IngestItem } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'salvo-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = (i: number, words: number): string =>
  JSON.stringify({ id: `r${i}`, title: `Harbour notice ${i}`, text: `The ferry timetable changes on Monday. ${'Boats run later in summer. '.repeat(words)}` });

async function collect(path: string, maxBytes: number): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const it of ingestPaths([path], { maxBytes })) items.push(it);
  return items;
}

describe('JSON Lines as a stream', () => {
  it('reads a file larger than the limit when each record is under it', async () => {
    const path = join(dir, 'many.jsonl');
    const lines = Array.from({ length: 30 }, (_, i) => record(i, 10));
    writeFileSync(path, `${lines.join('\n')}\n`);
    const limit = Math.max(...lines.map((l) => Buffer.byteLength(l))) + 10;
    expect(lines.join('\n').length).toBeGreaterThan(limit * 10);
    const items = await collect(path, limit);
    expect(items.map((it) => (it.ok ? it.doc.externalId : null))).toEqual(lines.map((_, i) => `r${i}`));
    expect(items.map((it) => (it.ok ? it.doc.origin : ''))).toEqual(lines.map((_, i) => `${path}:${i + 1}`));
  });

  it('skips a record over the limit with one failure and reads on', async () => {
    const path = join(dir, 'one-big.jsonl');
    writeFileSync(path, [record(1, 5), record(2, 400), '', record(3, 5)].join('\r\n'));
    const items = await collect(path, 2000);
    expect(items).toHaveLength(3);
    expect(items[0].ok && items[0].doc.externalId).toBe('r1');
    expect(items[1].ok).toBe(false);
    if (!items[1].ok) {
      expect(items[1].failure.origin).toBe(`${path}:2`);
      expect(items[1].failure.reason).toMatch(/^record too large/);
    }
    expect(items[2].ok && items[2].doc.origin).toBe(`${path}:4`);
  });

  it('unpacks .jsonl.gz as it reads', async () => {
    const path = join(dir, 'packed.jsonl.gz');
    writeFileSync(path, gzipSync(`${[record(1, 3), record(2, 3)].join('\n')}\n`));
    const items = await collect(path, 100_000);
    expect(items.map((it) => (it.ok ? it.doc.externalId : null))).toEqual(['r1', 'r2']);
  });

  it('gives one failure for an empty or binary file', async () => {
    writeFileSync(join(dir, 'empty.jsonl'), '\n  \n');
    writeFileSync(join(dir, 'binary.jsonl'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    const empty = await collect(join(dir, 'empty.jsonl'), 1000);
    const binary = await collect(join(dir, 'binary.jsonl'), 1000);
    expect(empty).toEqual([{ ok: false, failure: { origin: join(dir, 'empty.jsonl'), reason: 'empty file' } }]);
    expect(binary).toHaveLength(1);
    expect(!binary[0].ok && binary[0].failure.reason).toMatch(/^binary file/);
  });
});
