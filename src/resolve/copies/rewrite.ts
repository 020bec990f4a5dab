// Rewrite signals. A rewrite (a content spinner's output, or a lazy re-telling) swaps most words, so it
// shares few 5-word shingles with its source, but it keeps the skeleton: the same facts in the same order,
// the same quotes, the same names in the same order. Two independent reports of one launch share the facts
// and many names too, but each outlet orders them its own way and quotes its own sources.
import type { Claim, Extraction, FieldName } from '../../types.js';
import { contentLines, jaccard, normaliseText, shingleHashes } from './shingles.js';
import { REWRITE_SHINGLE_FULL, REWRITE_WEIGHTS } from '../../settings.js';

/** What the rewrite check reads from a document. The extraction may be missing (not a launch report). */
export interface RewriteInput {
  text: string;
  extraction?: Extraction | null;
}

const FACT_LABEL: Record<FieldName, string> = {
  date_local: 'date',
  time_local: 'time',
  site: 'site',
  count_min: 'count',
  count_exact: 'count',
  class: 'class',
  name: 'name',
  distance_km: 'distance',
  apogee_km: 'apogee',
  landing: 'landing',
  eez: 'eez',
};

const slug = (v: string): string =>
  v
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9:]+/g, '-')
    .replace(/^-|-$/g, '');

/** The claims that are launch facts (the direction of flight is not one of the compared facts). */
const isFact = (c: Claim): c is Claim & { field: FieldName } => c.field in FACT_LABEL;

function factToken(c: Claim & { field: FieldName }): string {
  const label = FACT_LABEL[c.field];
  const v = c.value;
  if (c.field === 'count_min') return `${label}:${String(v)}+`;
  if (c.field === 'class') return `${label}:${String(v)}`;
  if (typeof v === 'number') return `${label}:${Math.round(v)}`;
  if (typeof v === 'boolean') return `${label}:${v ? 'yes' : 'no'}`;
  return `${label}:${c.field === 'time_local' || c.field === 'date_local' ? v : slug(v)}`;
}

/**
 * The extracted facts in text order of their evidence (title first, then body), each fact once at its first
 * mention: ["count:2", "class:SRBM", "site:wonsan", "time:08:10", "distance:800", "landing:sea-of-japan"].
 */
export function factSequence(extraction: Extraction | null | undefined): string[] {
  if (!extraction) return [];
  const claims = extraction.claims.filter(isFact).sort(
    (a, b) =>
      (a.evidence.part === b.evidence.part ? 0 : a.evidence.part === 'title' ? -1 : 1) ||
      a.evidence.span.start - b.evidence.span.start ||
      a.evidence.span.end - b.evidence.span.end,
  );
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of claims) {
    const t = factToken(c);
    if (!seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

// Capitalised words that start sentences without naming anything, and calendar words every report shares.
const NOT_ENTITY = new Set(
  (
    'a an the this that these those it its he she they we i you his her their our there here then but and or so yet ' +
    'in on at by for from to of with as after before during while when where if since though although however meanwhile ' +
    'also still earlier later last next some many most several both all no not one two three four five six seven eight nine ten ' +
    'according local officials analysts experts monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december'
  ).split(' '),
);
const CONNECTOR = new Set(['of', 'the', 'and', 'for', 'de', 'al', 'von', 'van', 'du', 'la', 'da']);
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

/**
 * Quoted passages (three words or more, normalised) and named-entity runs — capitalised words joined by
 * "of", "the", "and"… ("Joint Chiefs of Staff", "Sea of Japan"), split at punctuation and possessives,
 * lowercased, months, weekdays and sentence-starting function words left out — each in order of first
 * appearance, without repeats.
 */
export function entityQuotes(text: string): { quotes: string[]; entities: string[] } {
  const body = contentLines(text).join('\n');
  const quotes: string[] = [];
  for (const m of body.matchAll(/["“]([^"“”\n]{8,600})["”]/g)) {
    const q = normaliseText(m[1]);
    if (q.split(' ').length >= 3 && !quotes.includes(q)) quotes.push(q);
  }

  // Runs in text order; a one-word run at a sentence start ("Restaurant owners said…") counts only if the
  // word is also capitalised somewhere inside a sentence.
  const runs: { name: string; startsSentence: boolean }[] = [];
  const midSentence = new Set<string>();
  let run: string[] = [];
  let runStartsSentence = false;
  let pendingConnectors: string[] = [];
  const flush = (): void => {
    while (run.length > 0 && CONNECTOR.has(run[0].toLowerCase())) run.shift();
    if (run.length > 0 && !(run.length === 1 && NOT_ENTITY.has(run[0].toLowerCase()))) {
      const name = run.map((w) => w.toLowerCase().replace(/[.’']/g, '')).join(' ');
      runs.push({ name, startsSentence: runStartsSentence && run.length === 1 });
    }
    run = [];
    pendingConnectors = [];
  };
  let prevEnd = 0;
  for (const m of body.matchAll(WORD)) {
    const start = m.index ?? 0;
    const gap = body.slice(prevEnd, start);
    const sentenceStart = prevEnd === 0 || /[.!?\n]/.test(gap);
    prevEnd = start + m[0].length;
    if (/[^\s]|\n/.test(gap)) flush(); // punctuation or a line break between words ends a run
    let word = m[0];
    const possessive = /['’]s$/i.test(word);
    if (possessive) word = word.slice(0, -2);
    if (/^\p{Lu}/u.test(word)) {
      if (!sentenceStart) midSentence.add(word.toLowerCase());
      const first = run.length === 0;
      // A sentence-initial function word ("In", "But") does not start a name; "The" may lead one.
      if (first && NOT_ENTITY.has(word.toLowerCase()) && word.toLowerCase() !== 'the') {
        flush();
      } else {
        if (first) runStartsSentence = sentenceStart;
        run.push(...pendingConnectors, word);
        pendingConnectors = [];
      }
    } else if (run.length > 0 && CONNECTOR.has(word.toLowerCase()) && pendingConnectors.length < 2) {
      pendingConnectors.push(word);
    } else {
      flush();
    }
    if (possessive) flush();
  }
  flush();

  const entities: string[] = [];
  const seen = new Set<string>();
  for (const r of runs) {
    if (r.startsSentence && !midSentence.has(r.name.replace(/^the /, ''))) continue;
    if (!seen.has(r.name)) {
      seen.add(r.name);
      entities.push(r.name);
    }
  }
  return { quotes, entities };
}

/** Length of the longest common subsequence of two sequences (O(n·m), n and m are small here). */
export function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** LCS over the longer sequence: 1 when one is the other in the same order, low when reordered. */
const lcsRatio = <T>(a: readonly T[], b: readonly T[]): number => lcsLength(a, b) / Math.max(a.length, b.length, 1);

const quoteMatch = (p: string, q: string): boolean => p === q || (p.length >= 20 && q.includes(p)) || (q.length >= 20 && p.includes(q));

export interface RewriteScore {
  /** 0..1; ≥ REWRITE_SCORE (settings.ts) reads as a rewrite. */
  score: number;
  reasons: string[];
  /** The parts, each 0..1 or null when there was nothing to compare. */
  parts: { facts: number | null; entities: number | null; quotes: number | null; shingles: number };
}

/** Precomputed inputs, so linkCopies reads each document once. */
export interface RewriteFeatures {
  facts: string[];
  entities: string[];
  quotes: string[];
  shingles: Uint32Array;
}

export function rewriteFeatures(doc: RewriteInput, shingles?: Uint32Array): RewriteFeatures {
  const { quotes, entities } = entityQuotes(doc.text);
  return { facts: factSequence(doc.extraction), entities, quotes, shingles: shingles ?? shingleHashes(doc.text) };
}

/**
 * How much b looks like a rewrite of a (symmetric): a weighted mean of
 *  - facts: LCS ratio of the fact sequences (needs ≥ 2 facts on both sides),
 *  - entities: LCS ratio of the named-entity sequences (needs ≥ 2 on both sides),
 *  - quotes: share of the fewer side's quotes found on the other (needs quotes on both sides),
 *  - shingles: a low-but-nonzero 5-shingle Jaccard (min(1, J / 0.1)): spun text keeps some phrases.
 * When only a little could be compared (total weight < 0.7), the score is scaled down in proportion.
 */
export function rewriteScore(a: RewriteInput, b: RewriteInput): RewriteScore {
  return rewriteScoreOf(rewriteFeatures(a), rewriteFeatures(b));
}

export function rewriteScoreOf(a: RewriteFeatures, b: RewriteFeatures): RewriteScore {
  const reasons: string[] = [];
  let sum = 0;
  let weight = 0;

  let facts: number | null = null;
  if (a.facts.length >= 2 && b.facts.length >= 2) {
    const common = lcsLength(a.facts, b.facts);
    facts = common / Math.max(a.facts.length, b.facts.length);
    sum += REWRITE_WEIGHTS.facts * facts;
    weight += REWRITE_WEIGHTS.facts;
    reasons.push(`facts in the same order: ${common} of ${Math.max(a.facts.length, b.facts.length)}`);
  }
  let entities: number | null = null;
  if (a.entities.length >= 2 && b.entities.length >= 2) {
    entities = lcsRatio(a.entities, b.entities);
    sum += REWRITE_WEIGHTS.entities * entities;
    weight += REWRITE_WEIGHTS.entities;
    reasons.push(`names in the same order: ${entities.toFixed(2)}`);
  }
  let quotes: number | null = null;
  if (a.quotes.length > 0 && b.quotes.length > 0) {
    const shared = a.quotes.filter((p) => b.quotes.some((q) => quoteMatch(p, q))).length;
    quotes = Math.min(1, shared / Math.min(a.quotes.length, b.quotes.length));
    sum += REWRITE_WEIGHTS.quotes * quotes;
    weight += REWRITE_WEIGHTS.quotes;
    reasons.push(`shared quotes: ${shared}`);
  }
  const j = jaccard(a.shingles, b.shingles);
  const shingles = Math.min(1, j / REWRITE_SHINGLE_FULL);
  sum += REWRITE_WEIGHTS.shingles * shingles;
  weight += REWRITE_WEIGHTS.shingles;
  reasons.push(`shingle Jaccard ${j.toFixed(3)}`);

  const score = (sum / weight) * Math.min(1, weight / 0.7);
  return { score, reasons, parts: { facts, entities, quotes, shingles } };
}
