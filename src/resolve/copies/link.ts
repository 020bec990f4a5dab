// Pair classification and copy clustering.
import type { Extraction } from '../../types.js';
import { LshIndex } from './lsh.js';
import { signatureFromHashes } from './minhash.js';
import { type RewriteFeatures, rewriteFeatures, rewriteScoreOf } from './rewrite.js';
import { containment, jaccard, normalisedWords, shingleHashesOfWords } from './shingles.js';
import { CONTAINMENT_MIN_SHINGLES, DUPLICATE_CONTAINMENT, DUPLICATE_JACCARD, REWRITE_MIN_JACCARD, REWRITE_SCORE } from '../../settings.js';

/** A document as the copies module sees it. */
export interface CopyDoc {
  id: string;
  /** Headline and body, as the outlet published them (boilerplate is ignored when shingling). */
  text: string;
  /** Publication date YYYY-MM-DD, or null when unknown (sorts after every date). */
  published: string | null;
  extraction?: Extraction | null;
  /**
   * Optional grouping key, e.g. the launch event or launch date the caller assigned. Every pair inside a
   * group is compared in full, which is how rewrites (too few shared shingles to meet in LSH) are found.
   */
  group?: string | null;
}

export type CopyKind = 'duplicate' | 'rewrite';

export interface PairClass {
  kind: CopyKind | 'independent';
  /** Shingle Jaccard for duplicates and independents; the rewrite score for rewrites. */
  similarity: number;
  reason: string;
}

export interface CopyLink {
  id: string;
  originalId: string;
  kind: CopyKind;
  similarity: number;
  reason: string;
}

/** A document with its shingles counted, ready to be compared with many others. */
export interface Prepared {
  doc: CopyDoc;
  shingles: Uint32Array;
  words: number;
  features: RewriteFeatures | null;
}

export function prepare(doc: CopyDoc): Prepared {
  const words = normalisedWords(doc.text);
  return { doc, shingles: shingleHashesOfWords(words), words: words.length, features: null };
}

const featuresOf = (p: Prepared): RewriteFeatures => (p.features ??= rewriteFeatures(p.doc, p.shingles));

/**
 * The part of the pair classification that reads shingles alone: 'duplicate' (Jaccard or containment over its
 * threshold), 'independent' (too few shared shingles even for a rewrite), or null when only the rewrite check
 * (`rewriteVerdict`, which reads the texts and extractions) can tell; with the Jaccard it measured.
 */
export function shingleVerdict(a: Uint32Array, b: Uint32Array): { verdict: PairClass | null; jaccard: number } {
  const j = jaccard(a, b);
  if (j >= DUPLICATE_JACCARD) return { verdict: { kind: 'duplicate', similarity: j, reason: `shingle Jaccard ${j.toFixed(2)} ≥ ${DUPLICATE_JACCARD}` }, jaccard: j };
  const small = Math.min(a.length, b.length);
  if (small >= CONTAINMENT_MIN_SHINGLES) {
    const c = containment(a, b);
    if (c >= DUPLICATE_CONTAINMENT) {
      return {
        verdict: {
          kind: 'duplicate',
          similarity: j,
          reason: `${Math.round(c * 100)}% of the shorter text's shingles are in the longer (truncated or extended copy; Jaccard ${j.toFixed(2)})`,
        },
        jaccard: j,
      };
    }
  }
  return { verdict: j >= REWRITE_MIN_JACCARD ? null : independent(j), jaccard: j };
}

const independent = (j: number): PairClass => ({ kind: 'independent', similarity: j, reason: `shingle Jaccard ${j.toFixed(2)}, not a rewrite` });

/** The rest of the pair classification, for a pair `shingleVerdict` left open: 'rewrite' or 'independent'. */
export function rewriteVerdict(j: number, a: RewriteFeatures, b: RewriteFeatures): PairClass {
  const r = rewriteScoreOf(a, b);
  if (r.score >= REWRITE_SCORE) return { kind: 'rewrite', similarity: r.score, reason: `rewrite score ${r.score.toFixed(2)}: ${r.reasons.join('; ')}` };
  return independent(j);
}

/** classifyPair on prepared documents. */
export function classifyPrepared(a: Prepared, b: Prepared): PairClass {
  const s = shingleVerdict(a.shingles, b.shingles);
  return s.verdict ?? rewriteVerdict(s.jaccard, featuresOf(a), featuresOf(b));
}

/** Is b a copy of a (or a of b)? Symmetric; which one is the original is linkCopies' business. */
export function classifyPair(a: CopyDoc, b: CopyDoc): PairClass {
  return classifyPrepared(prepare(a), prepare(b));
}

/** Original first: earliest published (unknown last), then most claims, then most words, then id. */
function moreOriginal(a: Prepared, b: Prepared): number {
  const pa = a.doc.published;
  const pb = b.doc.published;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pa < pb ? -1 : 1;
  }
  const ca = a.doc.extraction?.claims.length ?? 0;
  const cb = b.doc.extraction?.claims.length ?? 0;
  if (ca !== cb) return cb - ca;
  if (a.words !== b.words) return b.words - a.words;
  return a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n).map((_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Finds copies among `docs` and links each to its cluster's likely original. Candidate pairs are the LSH
 * candidates (near-duplicates across the whole set) plus every pair within a `group` (where rewrites are
 * looked for); each candidate pair is verified with classifyPair. Pairs that are copies are merged
 * transitively into clusters; the original is the earliest published, then the most complete (most claims,
 * then most words). Every other member is returned with its kind relative to the original: the direct
 * classification when the pair itself qualifies, else 'duplicate' when a chain of duplicates connects them
 * and 'rewrite' when the chain passes through a rewrite. Originals and unlinked documents are not returned.
 * Output follows input order.
 */
export function linkCopies(docs: readonly CopyDoc[]): CopyLink[] {
  const n = docs.length;
  const prepared = docs.map(prepare);
  const pairs = new Set<number>();
  const addPair = (i: number, j: number): void => {
    if (i !== j) pairs.add(Math.min(i, j) * n + Math.max(i, j));
  };

  const index = new LshIndex({ capacity: n });
  const sigs = prepared.map((p) => signatureFromHashes(p.shingles));
  prepared.forEach((p, i) => {
    if (p.shingles.length > 0) index.add(String(i), sigs[i]);
  });
  prepared.forEach((p, i) => {
    if (p.shingles.length === 0) return;
    for (const c of index.query(sigs[i])) addPair(i, Number(c));
  });
  const groups = new Map<string, number[]>();
  docs.forEach((d, i) => {
    if (d.group == null) return;
    const g = groups.get(d.group);
    if (g) g.push(i);
    else groups.set(d.group, [i]);
  });
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) addPair(members[x], members[y]);
  }

  const all = new UnionFind(n);
  const dups = new UnionFind(n);
  const verdicts = new Map<number, PairClass>();
  /** Per document, its strongest copy edge (for the reason when the link to the original is indirect). */
  const best: ({ other: number; verdict: PairClass } | undefined)[] = new Array(n);
  for (const key of pairs) {
    const i = Math.floor(key / n);
    const j = key % n;
    const v = classifyPrepared(prepared[i], prepared[j]);
    verdicts.set(key, v);
    if (v.kind === 'independent') continue;
    all.union(i, j);
    if (v.kind === 'duplicate') dups.union(i, j);
    for (const [me, other] of [[i, j], [j, i]] as const) {
      const cur = best[me];
      if (!cur || v.similarity > cur.verdict.similarity) best[me] = { other, verdict: v };
    }
  }

  const clusters = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!best[i]) continue;
    const r = all.find(i);
    const c = clusters.get(r);
    if (c) c.push(i);
    else clusters.set(r, [i]);
  }
  const links: CopyLink[] = [];
  for (const members of clusters.values()) {
    const original = members.reduce((o, m) => (moreOriginal(prepared[m], prepared[o]) < 0 ? m : o));
    for (const m of members) {
      if (m === original) continue;
      const key = Math.min(m, original) * n + Math.max(m, original);
      let direct = verdicts.get(key);
      if (!direct) {
        direct = classifyPrepared(prepared[m], prepared[original]);
        verdicts.set(key, direct);
      }
      const link = { id: docs[m].id, originalId: docs[original].id };
      if (direct.kind !== 'independent') {
        links.push({ ...link, kind: direct.kind, similarity: direct.similarity, reason: direct.reason });
      } else {
        const via = best[m];
        const kind: CopyKind = dups.find(m) === dups.find(original) ? 'duplicate' : 'rewrite';
        links.push({
          ...link,
          kind,
          similarity: via ? via.verdict.similarity : direct.similarity,
          reason: `copy of ${via ? docs[via.other].id : 'a cluster member'} (${via ? via.verdict.reason : ''}), which is linked to the original`,
        });
      }
    }
  }
  const order = new Map(docs.map((d, i) => [d.id, i]));
  return links.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
