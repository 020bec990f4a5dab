// Copy detection at ingest (CopyTracker): for a new article, finds which stored articles it copies or rewrites,
// from LSH candidates and the other reports of its event, so copies count once in consensus.
import type { Article, CopyLink, Extraction } from '../types.js';
import { COPY_PREPARED_CACHE } from '../settings.js';
import { classifyPrepared, LshIndex, prepare, signature, type CopyDoc, type Prepared } from './copies/index.js';

/** The text the copy detector compares: headline and body as published. */
export const copyText = (article: Pick<Article, 'title' | 'text'>): string => `${article.title ?? ''}\n${article.text}`;

export interface CopyCandidate {
  article: Pick<Article, 'id' | 'title' | 'text'> & { published: string | null };
  extraction: Extraction | null;
  /** What this candidate is itself a copy of, when known: links go to the cluster's original. */
  copyOf: string | null;
}

/**
 * Finds which stored article a new one copies or rewrites. Near-duplicates are looked up in an LSH index of all
 * stored signatures; rewrites (reworded, so few shared shingles) are looked for among the reports of the same
 * launch event, which the caller passes in. The older of a pair is the original (ties: the more complete); a
 * copy of a copy is linked to the first original.
 */
export class CopyTracker {
  private readonly index: LshIndex;
  /**
   * Stored articles already split into shingles (and, once compared as rewrites, their features), by id, oldest
   * use dropped first: a stored article is a candidate for many new ones, and its text and extraction never change.
   */
  private readonly prepared = new Map<string, Prepared>();

  constructor(signatures: { articleId: string; signature: Uint32Array }[] = []) {
    this.index = new LshIndex({ capacity: Math.max(1024, signatures.length * 2) });
    for (const s of signatures) this.index.add(s.articleId, s.signature);
  }

  signatureOf(article: Pick<Article, 'title' | 'text'>): Uint32Array {
    return signature(copyText(article));
  }

  /** Stored articles whose signature is close to this one (candidates, to be verified). */
  nearDuplicates(sig: Uint32Array): string[] {
    return this.index.query(sig);
  }

  remember(articleId: string, sig: Uint32Array): void {
    this.index.add(articleId, sig);
  }

  private preparedOf(id: string, make: () => Prepared): Prepared {
    const hit = this.prepared.get(id);
    if (hit) {
      this.prepared.delete(id); // most recently used goes last
      this.prepared.set(id, hit);
      return hit;
    }
    return this.keep(id, make());
  }

  private keep(id: string, p: Prepared): Prepared {
    this.prepared.set(id, p);
    if (this.prepared.size > COPY_PREPARED_CACHE) this.prepared.delete(this.prepared.keys().next().value as string);
    return p;
  }

  /**
   * The links a new article creates: at most one for itself (it copies an older one), or links for older-dated
   * stored copies when the new article is their original. Verified pair by pair with classifyPair.
   */
  decide(article: CopyCandidate, candidates: CopyCandidate[]): CopyLink[] {
    const doc = (c: CopyCandidate): CopyDoc => ({ id: c.article.id, text: copyText(c.article), published: c.article.published, extraction: c.extraction });
    const me = prepare(doc(article)); // once, however many candidates it is compared with
    this.keep(article.article.id, me);
    let best: { cand: CopyCandidate; kind: 'duplicate' | 'rewrite'; similarity: number; reason: string } | null = null;
    for (const cand of candidates) {
      if (cand.article.id === article.article.id) continue;
      const v = classifyPrepared(me, this.preparedOf(cand.article.id, () => prepare(doc(cand))));
      if (v.kind === 'independent') continue;
      // Duplicates beat rewrites; among equals the closer one.
      const rank = (k: string): number => (k === 'duplicate' ? 1 : 0);
      if (!best || rank(v.kind) > rank(best.kind) || (rank(v.kind) === rank(best.kind) && v.similarity > best.similarity)) {
        best = { cand, kind: v.kind, similarity: v.similarity, reason: v.reason };
      }
    }
    if (!best) return [];
    const other = best.cand;
    const newIsOlder = isOlder(article, other);
    if (newIsOlder && !other.copyOf) {
      return [{ articleId: other.article.id, originalId: article.article.id, kind: best.kind, similarity: best.similarity, reason: best.reason }];
    }
    return [{ articleId: article.article.id, originalId: other.copyOf ?? other.article.id, kind: best.kind, similarity: best.similarity, reason: best.reason }];
  }
}

/** The original of two copies: the earlier published (unknown dates last), then the one with more claims. */
function isOlder(a: CopyCandidate, b: CopyCandidate): boolean {
  const pa = a.article.published;
  const pb = b.article.published;
  if (pa !== pb) {
    if (pa === null) return false;
    if (pb === null) return true;
    return pa < pb;
  }
  return (a.extraction?.claims.length ?? 0) > (b.extraction?.claims.length ?? 0);
}
