// Copy detection at ingest (CopyTracker): for a new article, finds which stored articles it copies or rewrites,
// from LSH candidates and the other reports of its event, so copies count once in consensus. Each text is split
// into shingles once, when it arrives; stored articles are compared through their stored shingles, and their
// texts are read only for the few pairs that need the rewrite check.
import type { Article, CopyLink, Extraction } from '../types.js';
import { COPY_GROUP_CANDIDATES, COPY_NEAR_CANDIDATES, COPY_PREPARED_CACHE, LSH_GROWTH } from '../settings.js';
import {
  LshIndex,
  rewriteFeatures,
  rewriteVerdict,
  shingleHashes,
  shingleVerdict,
  signatureFromHashes,
  type PairClass,
  type RewriteFeatures,
} from './copies/index.js';

/** The text the copy detector compares: headline and body as published. */
export const copyText = (article: Pick<Article, 'title' | 'text'>): string => `${article.title ?? ''}\n${article.text}`;

/** A stored article as copy detection compares it: what the store's `copySketches` reads. */
export interface CopyCandidate {
  articleId: string;
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
  /** Claims in its extraction. */
  claims: number;
  /** Its shingle hashes, or null when stored without them (its text is then shingled when compared). */
  shingles: Uint32Array | null;
  /** What this candidate is itself a copy of, when known: links go to the cluster's original. */
  copyOf: string | null;
}

/** The new article, split into shingles and signed once, however many candidates it is compared with. */
export interface NewCopy {
  articleId: string;
  published: string | null;
  extraction: Extraction;
  text: string;
  shingles: Uint32Array;
  signature: Uint32Array;
}

/** A stored article's text and extraction, read for the rewrite check (or to shingle an old row). */
export interface CopyText {
  /** Headline and body, joined as `copyText` joins them. */
  text: string;
  extraction: Extraction | null;
}

/** Reads stored articles' texts, by id (ids not stored left out). */
export type CopyTextReader = (ids: string[]) => Promise<Map<string, CopyText>>;

/** Shingles of a text (headline and body) as copy detection splits it. */
export const copyShingles = (text: string): Uint32Array => shingleHashes(text);

/** An article's shingles and MinHash signature, as copy detection compares it. */
export interface CopySketch {
  shingles: Uint32Array;
  signature: Uint32Array;
}

/**
 * The sketch of an article's copy text. A pure function of the cleaned article, so the document pool's thread that
 * cleaned it computes it too and sends it with the article (the main thread then neither normalises nor signs it).
 */
export function copySketch(article: Pick<Article, 'title' | 'text'>): CopySketch {
  const shingles = copyShingles(copyText(article));
  return { shingles, signature: signatureFromHashes(shingles) };
}

/**
 * Finds which stored article a new one copies or rewrites. Near-duplicates are looked up in an LSH index of the
 * stored originals' signatures (a copy is found through its original); rewrites (reworded, so few shared
 * shingles) are looked for among the reports of the same launch event, which the caller passes in. The older of
 * a pair is the original (ties: the more complete); a copy of a copy is linked to the first original.
 */
export class CopyTracker {
  private readonly index: LshIndex;
  /**
   * Rewrite features (names, quotes, facts) of stored articles, by id, oldest use dropped first: a launch
   * report is compared with every later report of its event, and its text and extraction never change.
   */
  private readonly features = new Map<string, RewriteFeatures>();
  /** Shingles of stored articles that were stored without them, computed once from their text. */
  private readonly shingled = new Map<string, Uint32Array>();

  constructor(signatures: { articleId: string; signature: Uint32Array }[] = []) {
    // Room for half as many again before the arrays grow (doubling it left half of them unused after a restart).
    this.index = new LshIndex({ capacity: Math.max(1024, Math.ceil(signatures.length * LSH_GROWTH)) });
    for (const s of signatures) this.index.add(s.articleId, s.signature);
  }

  /** The new article's shingles and signature, computed once (or given: `copySketch` of it, made elsewhere). */
  prepare(article: Pick<Article, 'id' | 'title' | 'text' | 'published'>, extraction: Extraction, sketch: CopySketch = copySketch(article)): NewCopy {
    return { articleId: article.id, published: article.published?.date ?? null, extraction, text: copyText(article), shingles: sketch.shingles, signature: sketch.signature };
  }

  /** The stored originals whose signature is closest to this one (at most COPY_NEAR_CANDIDATES, to be verified). */
  nearDuplicates(sig: Uint32Array): string[] {
    return this.index.queryRanked(sig, COPY_NEAR_CANDIDATES);
  }

  /** Adds a stored original's signature to the near-duplicate index. */
  remember(articleId: string, sig: Uint32Array): void {
    this.index.add(articleId, sig);
  }

  /**
   * The links a new article creates: at most one for itself (it copies an older one), or one for an older-dated
   * stored copy when the new article is its original. Every candidate is checked on shingles; the pairs only
   * the rewrite check can tell (at most COPY_GROUP_CANDIDATES, those sharing the most shingles) read the texts.
   */
  async decide(me: NewCopy, candidates: CopyCandidate[], readTexts: CopyTextReader): Promise<CopyLink[]> {
    const others = candidates.filter((c) => c.articleId !== me.articleId);
    const unshingled = others.filter((c) => !c.shingles && !this.shingled.has(c.articleId)).map((c) => c.articleId);
    if (unshingled.length) {
      for (const [id, t] of await readTexts(unshingled)) this.keep(this.shingled, id, copyShingles(t.text));
    }
    const verdicts = new Map<string, PairClass>();
    const open: { cand: CopyCandidate; jaccard: number }[] = [];
    for (const cand of others) {
      const shingles = cand.shingles ?? this.shingled.get(cand.articleId);
      if (!shingles) continue; // not stored (any more)
      const s = shingleVerdict(me.shingles, shingles);
      if (s.verdict) verdicts.set(cand.articleId, s.verdict);
      else open.push({ cand, jaccard: s.jaccard });
    }
    const checked = [...open].sort((a, b) => b.jaccard - a.jaccard).slice(0, COPY_GROUP_CANDIDATES);
    if (checked.length) {
      const mine = rewriteFeatures({ text: me.text, extraction: me.extraction }, me.shingles);
      this.keep(this.features, me.articleId, mine); // it will be a candidate for the later reports of its event
      const missing = checked.map((o) => o.cand.articleId).filter((id) => !this.features.has(id));
      const texts = missing.length ? await readTexts(missing) : new Map<string, CopyText>();
      for (const o of checked) {
        const id = o.cand.articleId;
        let theirs = this.features.get(id);
        if (!theirs) {
          const t = texts.get(id);
          if (!t) continue;
          theirs = rewriteFeatures(t, o.cand.shingles ?? this.shingled.get(id));
        }
        this.keep(this.features, id, theirs);
        verdicts.set(id, rewriteVerdict(o.jaccard, mine, theirs));
      }
    }

    let best: { cand: CopyCandidate; kind: 'duplicate' | 'rewrite'; similarity: number; reason: string } | null = null;
    for (const cand of others) {
      const v = verdicts.get(cand.articleId);
      if (!v || v.kind === 'independent') continue;
      // Duplicates beat rewrites; among equals the closer one.
      const rank = (k: string): number => (k === 'duplicate' ? 1 : 0);
      if (!best || rank(v.kind) > rank(best.kind) || (rank(v.kind) === rank(best.kind) && v.similarity > best.similarity)) {
        best = { cand, kind: v.kind, similarity: v.similarity, reason: v.reason };
      }
    }
    if (!best) return [];
    const other = best.cand;
    if (isOlder(me, other) && !other.copyOf) {
      return [{ articleId: other.articleId, originalId: me.articleId, kind: best.kind, similarity: best.similarity, reason: best.reason }];
    }
    return [{ articleId: me.articleId, originalId: other.copyOf ?? other.articleId, kind: best.kind, similarity: best.similarity, reason: best.reason }];
  }

  /** Keeps a computed value, most recently used last, dropping the oldest past COPY_PREPARED_CACHE. */
  private keep<T>(cache: Map<string, T>, id: string, value: T): void {
    cache.delete(id);
    cache.set(id, value);
    if (cache.size > COPY_PREPARED_CACHE) cache.delete(cache.keys().next().value as string);
  }
}

/** The original of two copies: the earlier published (unknown dates last), then the one with more claims. */
function isOlder(a: NewCopy, b: CopyCandidate): boolean {
  const pa = a.published;
  const pb = b.published;
  if (pa !== pb) {
    if (pa === null) return false;
    if (pb === null) return true;
    return pa < pb;
  }
  return a.extraction.claims.length > b.claims;
}
