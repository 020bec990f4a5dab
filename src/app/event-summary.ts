// Event summaries made at ingest time (StoredEventSummary): each report's closest other report of its event and
// the event's estimated impact, written with the event so the event page, `salvo show` and the CSV read them
// instead of comparing every pair of reports and reloading every extraction. Kept up to date pair by pair: a
// report keeps the closest it had among the reports it was already compared with, and is compared only with
// those new to it, so an arriving report costs one comparison per report of its event, not one per pair. With
// them, how each report is named and cited (ReportFacts: outlet, headline, address, who it quotes), kept from the
// prior summary for the reports it had, so the event page and the CSV read no article text.
import { classifyPrepared, prepare, type CopyDoc, type Prepared } from '../resolve/copies/index.js';
import { estimateImpact } from '../resolve/impact.js';
import { copyText } from '../resolve/sources.js';
import { displayTitle } from '../headline.js';
import type { ClosestSibling, ReportFacts, StoredEventSummary } from '../store/store.js';
import type { Article, Extraction, LaunchEvent } from '../types.js';
import { CLOSEST_SIBLING_MAX_REPORTS } from '../settings.js';

/** An article as the summary compares and names it. */
export type SummaryArticle = Pick<Article, 'id' | 'title' | 'text' | 'origin' | 'source' | 'url' | 'language'> & { published: string | null };

/** An article as an event summary compares and names it. */
export const summaryArticle = (a: Article): SummaryArticle => ({
  id: a.id, title: a.title, text: a.text, origin: a.origin, source: a.source, url: a.url, language: a.language, published: a.published?.date ?? null,
});

/** How a report is named and cited (see ReportFacts). */
export function reportFacts(a: SummaryArticle, extraction: Extraction | null): ReportFacts {
  return {
    origin: a.origin, source: a.source, url: a.url, title: a.title, headline: displayTitle(a.title, a.text), language: a.language, published: a.published,
    saidBy: [...new Set((extraction?.claims ?? []).map((c) => c.saidBy ?? '').filter(Boolean))],
  };
}

const rankOf = (kind: string): number => (kind === 'duplicate' ? 2 : kind === 'rewrite' ? 1 : 0);

/**
 * The closer of two siblings of a report: the stronger kind (duplicate, rewrite, independent), then the higher
 * similarity, then the one earlier in the event's order (`position`). One rule for a full comparison and for an
 * update, so both pick the same.
 */
export function closerSibling(a: ClosestSibling | null, b: ClosestSibling | null, position: (id: string) => number): ClosestSibling | null {
  if (!a || !b) return a ?? b;
  if (rankOf(a.kind) !== rankOf(b.kind)) return rankOf(a.kind) > rankOf(b.kind) ? a : b;
  if (a.similarity !== b.similarity) return a.similarity > b.similarity ? a : b;
  return position(a.articleId) <= position(b.articleId) ? a : b;
}

/** Prepared texts by article object, so a stored article a caller keeps is shingled once however often it is compared. */
const preparedCache = new WeakMap<object, Prepared>();

function preparedOf(article: SummaryArticle, extraction: Extraction | null): Prepared {
  let p = preparedCache.get(article);
  if (!p) {
    const doc: CopyDoc = { id: article.id, text: copyText(article), published: article.published, extraction };
    p = prepare(doc);
    preparedCache.set(article, p);
  }
  return p;
}

/** What building a summary needs beside the event. */
export interface SummaryInputs {
  /** The extraction of each report of the event, by article id. */
  extractions: Map<string, Extraction | null>;
  /** Stored summaries of the event and of the events merged into it, as they were before this write. */
  prior: StoredEventSummary[];
  /** Loads the articles with these ids (those a comparison needs). */
  articles: (ids: string[]) => Promise<Map<string, SummaryArticle>>;
}

/**
 * The summary of an event: each report's closest sibling (kept from the prior summaries for the reports they
 * covered, compared only with reports new to it) and the impact estimate.
 */
export async function summarizeEvent(ev: LaunchEvent, inputs: SummaryInputs): Promise<StoredEventSummary> {
  const members = ev.articleIds;
  const impact = estimateImpact(ev, members.map((id) => inputs.extractions.get(id) ?? null));
  const closest: Record<string, ClosestSibling | null> = {};
  // Facts kept from a prior summary; the other reports' articles are loaded with those the comparisons need.
  const knownFacts = new Map<string, ReportFacts>();
  for (const s of inputs.prior) for (const [id, f] of Object.entries(s.reports ?? {})) knownFacts.set(id, f);
  const factsOf = (loaded: Map<string, SummaryArticle>): Record<string, ReportFacts> => {
    const out: Record<string, ReportFacts> = {};
    for (const id of members) {
      const a = loaded.get(id);
      const f = knownFacts.get(id) ?? (a && reportFacts(a, inputs.extractions.get(id) ?? null));
      if (f) out[id] = f;
    }
    return out;
  };
  const unnamed = members.filter((id) => !knownFacts.has(id));
  if (members.length > CLOSEST_SIBLING_MAX_REPORTS) {
    for (const id of members) closest[id] = null;
    return { members: [...members], closest, impact, reports: factsOf(unnamed.length ? await inputs.articles(unnamed) : new Map()) };
  }
  const index = new Map(members.map((id, i) => [id, i]));
  const position = (id: string): number => index.get(id) ?? Infinity;
  // The prior summary each report was compared in, when that comparison still holds (its closest is still here).
  const priorOf = new Map<string, StoredEventSummary>();
  for (const s of inputs.prior) {
    if (s.members.length > CLOSEST_SIBLING_MAX_REPORTS) continue;
    for (const id of s.members) {
      const c = s.closest[id];
      if (index.has(id) && (c === null || c === undefined ? true : index.has(c.articleId))) priorOf.set(id, s);
    }
  }
  const todo = members.map((id) => {
    const s = priorOf.get(id);
    const seen = new Set(s ? s.members : [id]);
    return { id, kept: s?.closest[id] ?? null, others: members.filter((o) => !seen.has(o)) };
  });
  const needed = new Set([...todo.flatMap((t) => (t.others.length ? [t.id, ...t.others] : [])), ...unnamed]);
  const loaded = needed.size ? await inputs.articles([...needed]) : new Map<string, SummaryArticle>();
  const prepared = (id: string): Prepared | null => {
    const a = loaded.get(id);
    return a ? preparedOf(a, inputs.extractions.get(id) ?? null) : null;
  };
  for (const t of todo) {
    let best = t.kept;
    const me = t.others.length ? prepared(t.id) : null;
    for (const o of t.others) {
      const other = me && prepared(o);
      if (!me || !other) continue;
      const v = classifyPrepared(me, other);
      best = closerSibling(best, { articleId: o, kind: v.kind, similarity: v.similarity, reason: v.reason }, position);
    }
    closest[t.id] = best;
  }
  return { members: [...members], closest, impact, reports: factsOf(loaded) };
}
