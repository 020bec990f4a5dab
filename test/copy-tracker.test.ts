// Copy detection at ingest, linear in the database: each text is shingled once and its shingles stored, stored
// articles are compared through those (their texts read only for the rewrite check, or when stored without
// shingles), only originals go into the near-duplicate index, and the candidates checked per article are
// bounded. Fixtures are the made-up stories of test/fixtures/copies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDocument, resolverFromStore } from '../src/app/ingestion.js';
import { documentFromRecord } from '../src/ingest/index.js';
import { LshIndex, signatureFromHashes } from '../src/resolve/copies/index.js';
import { mulberry32 } from '../src/resolve/copies/hash.js';
import { copyShingles, copyText, CopyTracker, type CopyCandidate, type CopyText } from '../src/resolve/sources.js';
import { COPY_NEAR_CANDIDATES } from '../src/settings.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import type { Article, Extraction } from '../src/types.js';
import { extract } from './helpers/article.js';

const DIR = join(import.meta.dirname, 'fixtures/copies');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Record<string, string>;
const fixtureText = (name: string): string => readFileSync(join(DIR, `${name}.txt`), 'utf8');

function record(name: string, text = fixtureText(name), published: string | null = manifest[name] ?? null) {
  const [title, ...rest] = text.split('\n');
  return documentFromRecord({ id: name, url: `https://${name}.example.org/story`, source: `${name}.example.org`, published, title, text: rest.join('\n') }, name);
}

async function ingestAll(store: Store, docs: ReturnType<typeof record>[]): Promise<Map<string, string>> {
  const resolver = await resolverFromStore(store);
  const ids = new Map<string, string>();
  for (const d of docs) ids.set(d.externalId ?? d.origin, (await ingestDocument(store, { resolver: async () => resolver }, d)).article.id);
  return ids;
}

const randomSet = (rnd: () => number, size: number): Uint32Array => Uint32Array.from({ length: size }, () => rnd()).sort();
/** The first `share` of a set's elements plus fresh ones up to its size: Jaccard ≈ share / (2 − share). */
function nearCopy(rnd: () => number, set: Uint32Array, share: number): Uint32Array {
  const kept = Math.round(set.length * share);
  return Uint32Array.from([...set.subarray(0, kept), ...randomSet(rnd, set.length - kept)]).sort();
}

describe('LshIndex.queryRanked', () => {
  it('puts the candidates sharing the most bands first and returns at most the limit', () => {
    const rnd = mulberry32(0x5eed);
    const index = new LshIndex({ capacity: 64 });
    const query = randomSet(rnd, 400);
    for (let i = 0; i < 50; i++) index.add(`other-${i}`, signatureFromHashes(randomSet(rnd, 400)));
    index.add('half', signatureFromHashes(nearCopy(rnd, query, 0.7)));
    index.add('close', signatureFromHashes(nearCopy(rnd, query, 0.97)));
    const sig = signatureFromHashes(query);
    expect(index.queryRanked(sig, 10)).toEqual(['close', 'half']);
    expect(index.queryRanked(sig, 1)).toEqual(['close']);
    expect(index.queryRanked(sig, 0)).toEqual([]);
    expect(new Set(index.queryRanked(sig, 10))).toEqual(new Set(index.query(sig)));
  });
});

describe('LshIndex memory layout', () => {
  /**
   * The index's answers as the band rows say they should be: per band in order, the stored signatures whose rows
   * of that band equal the query's, newest first (an id counted once per band), ranked by bands shared, ties
   * in the order first met. Random 32-bit values make band-key collisions between unequal rows vanishingly rare.
   */
  function expected(stored: { id: string; sig: Uint32Array }[], sig: Uint32Array, limit: number, bands: number, rows: number): string[] {
    const shared = new Map<string, number>();
    for (let b = 0; b < bands; b++) {
      const seen = new Set<string>();
      for (let d = stored.length - 1; d >= 0; d--) {
        const { id, sig: other } = stored[d];
        let same = true;
        for (let r = b * rows; r < (b + 1) * rows; r++) same &&= other[r] === sig[r];
        if (!same || seen.has(id)) continue;
        seen.add(id);
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    return [...shared].sort((x, y) => y[1] - x[1]).slice(0, limit).map(([id]) => id);
  }

  it('answers the same however small it started and however often it grew (bucket count and growth change no answer)', () => {
    const rnd = mulberry32(0x1eaf);
    const bands = 8;
    const rows = 2;
    // Signatures drawn from a few values per position, so many share bands and ranks tie; some ids added twice.
    const draw = (): Uint32Array => Uint32Array.from({ length: bands * rows }, () => rnd() % 3);
    const stored = Array.from({ length: 600 }, (_, i) => ({ id: `doc-${i % 550}`, sig: draw() }));
    const indexes = [1, 16, 100, 5000].map((capacity) => new LshIndex({ bands, rows, capacity }));
    for (const { id, sig } of stored) for (const index of indexes) index.add(id, sig);
    for (let q = 0; q < 40; q++) {
      const sig = draw();
      const want = expected(stored, sig, 12, bands, rows);
      expect(want.length).toBe(12); // the draw makes every query meet many signatures
      for (const index of indexes) {
        expect(index.queryRanked(sig, 12)).toEqual(want);
        expect(new Set(index.query(sig))).toEqual(new Set(expected(stored, sig, Infinity, bands, rows)));
      }
    }
  });
});

describe('CopyTracker', () => {
  const stored = (name: string, over: Partial<Article> = {}): { article: Article; ex: Extraction } => {
    const [title, ...rest] = fixtureText(name).split('\n');
    const { article, ex } = extract({ title, text: rest.join('\n'), published: manifest[name] });
    return { article: { ...article, ...over }, ex };
  };
  const sketch = (s: { article: Article; ex: Extraction }, shingles: boolean): CopyCandidate => ({
    articleId: s.article.id,
    published: s.article.published?.date ?? null,
    claims: s.ex.claims.length,
    shingles: shingles ? copyShingles(copyText(s.article)) : null,
    copyOf: null,
  });
  const reader = (docs: { article: Article; ex: Extraction }[], asked: string[][]) => async (ids: string[]): Promise<Map<string, CopyText>> => {
    asked.push(ids);
    return new Map(docs.filter((d) => ids.includes(d.article.id)).map((d) => [d.article.id, { text: copyText(d.article), extraction: d.ex }]));
  };

  it('finds a duplicate from stored shingles without reading any text', async () => {
    const wire = stored('wire');
    const copy = stored('copy-headline');
    const tracker = new CopyTracker();
    const asked: string[][] = [];
    const links = await tracker.decide(tracker.prepare(copy.article, copy.ex), [sketch(wire, true)], reader([wire], asked));
    expect(links).toEqual([expect.objectContaining({ articleId: copy.article.id, originalId: wire.article.id, kind: 'duplicate' })]);
    expect(asked).toEqual([]);
  });

  it('shingles an article stored without shingles once, from its text', async () => {
    const wire = stored('wire');
    const tracker = new CopyTracker();
    const asked: string[][] = [];
    for (const name of ['copy-headline', 'copy-local']) {
      const copy = stored(name);
      const links = await tracker.decide(tracker.prepare(copy.article, copy.ex), [sketch(wire, false)], reader([wire], asked));
      expect(links).toEqual([expect.objectContaining({ originalId: wire.article.id, kind: 'duplicate' })]);
    }
    expect(asked).toEqual([[wire.article.id]]);
  });

  it('reads the texts only for the pairs the rewrite check has to tell', async () => {
    const wire = stored('wire');
    const rewrite = stored('rewrite');
    const unrelated = stored('unrelated-harvest');
    const tracker = new CopyTracker();
    const asked: string[][] = [];
    const links = await tracker.decide(tracker.prepare(rewrite.article, rewrite.ex), [sketch(unrelated, true), sketch(wire, true)], reader([wire, unrelated], asked));
    expect(links).toEqual([expect.objectContaining({ articleId: rewrite.article.id, originalId: wire.article.id, kind: 'rewrite' })]);
    expect(asked).toEqual([[wire.article.id]]);
  });

  it('returns at most COPY_NEAR_CANDIDATES near-duplicate candidates however many stored signatures match', () => {
    const rnd = mulberry32(7);
    const set = randomSet(rnd, 300);
    const tracker = new CopyTracker(Array.from({ length: COPY_NEAR_CANDIDATES * 3 }, (_, i) => ({ articleId: `a${i}`, signature: signatureFromHashes(nearCopy(rnd, set, 0.9)) })));
    expect(tracker.nearDuplicates(signatureFromHashes(set))).toHaveLength(COPY_NEAR_CANDIDATES);
  });
});

describe('copies at ingest, linear in the database', () => {
  it('stores each text’s shingles, indexes only originals and links a copy of a copy to the first original', async () => {
    const store = await openStore(':memory:');
    const wire = fixtureText('wire');
    const again = `${wire.split('\n')[0]} (updated)\n${wire.split('\n').slice(1).join('\n')}\nBy Jane Roe, Wirepress`;
    const ids = await ingestAll(store, [record('wire'), record('copy-headline'), { ...record('again', again), externalId: 'again' }]);
    const links = new Map((await store.copyLinks()).map((l) => [l.articleId, l.originalId]));
    expect(links.get(ids.get('copy-headline')!)).toBe(ids.get('wire'));
    expect(links.get(ids.get('again')!)).toBe(ids.get('wire'));
    expect((await store.signatures()).map((s) => s.articleId)).toEqual([ids.get('wire')]);
    for (const id of ids.values()) {
      const [sk] = await store.copySketches([id]);
      const article = await store.getArticle(id);
      expect(sk.shingles).toEqual(copyShingles(copyText(article!)));
    }
    await store.close();
  });
});
