// The stages chained: ingest → clean → extract → resolve, in memory. `analyze` uses this directly;
// `ingest` adds the store around it.
import { cleanDocument } from './clean/index.js';
import { extractArticle } from './extract/index.js';
import { ingestPaths } from './ingest/index.js';
import { EventResolver } from './resolve/index.js';
import { historyOfWrite, type PriorEvent } from './app/history.js';
import type { ArticleSources, Store, StoreSession } from './store/store.js';
import type { CopyCandidate } from './resolve/sources.js';
import type { Article, Claim, Extraction, FieldName, FieldValue, IngestFailure, LaunchEvent, Prediction, SourceDocument } from './types.js';
import { FIELD_NAMES } from './types.js';

export interface Processed {
  article: Article;
  extraction: Extraction;
}

/** Runs clean and extract on every readable input; failures are collected, never thrown. */
export async function processPaths(
  paths: string[],
  onItem?: (origin: string, ok: boolean) => void,
): Promise<{ processed: Processed[]; failures: IngestFailure[] }> {
  const processed: Processed[] = [];
  const failures: IngestFailure[] = [];
  for await (const item of ingestPaths(paths)) {
    if (!item.ok) {
      failures.push(item.failure);
      onItem?.(item.failure.origin, false);
      continue;
    }
    try {
      const article = cleanDocument(item.doc);
      processed.push({ article, extraction: extractArticle(article) });
      onItem?.(item.doc.origin, true);
    } catch (err) {
      failures.push({ origin: item.doc.origin, reason: `could not be processed: ${err instanceof Error ? err.message : String(err)}` });
      onItem?.(item.doc.origin, false);
    }
  }
  return { processed, failures };
}

/** Groups processed articles into events; reports with a date go first so undated ones can join them. */
export function resolveAll(items: Processed[]): EventResolver {
  const resolver = new EventResolver();
  const dated = (p: Processed): boolean => p.extraction.fields.date_local !== undefined;
  const order = [...items.filter(dated), ...items.filter((p) => !dated(p))];
  for (const p of order) resolver.add({ extraction: p.extraction, published: p.article.published?.date ?? null, source: p.article.source });
  return resolver;
}

/**
 * Below this confidence a value is left out of predictions: a wrong value costs more than a missing one.
 * (The claim is still stored and shown, with its confidence.)
 */
export const MIN_CONFIDENCE = 0.45;
const confident = (c: Claim | undefined): FieldValue | null => (c && c.confidence >= MIN_CONFIDENCE ? c.value : null);

/** One article's prediction in the scorer's format (../shared/eval/score.mjs). */
export function toPrediction(p: Processed, eventId: string | null): Prediction {
  const e = p.extraction;
  const event = e.isLaunchReport
    ? (Object.fromEntries(FIELD_NAMES.map((f: FieldName) => [f, confident(e.fields[f])])) as Prediction['event'])
    : null;
  return {
    id: p.article.externalId ?? p.article.id,
    is_launch_report: e.isLaunchReport,
    actor: e.actor,
    event,
    event_id: e.isLaunchReport ? eventId : null,
  };
}

/** What became of one document given to `ingestDocument`. */
export type IngestOutcome =
  | { status: 'stored'; article: Article; extraction: Extraction; eventId: string | null }
  | { status: 'duplicate'; article: Article };

/**
 * Where ingest gets the resolver that groups a report into events. Both calls happen under the grouping lock,
 * so a source can check, through the session, that its resolver still matches the store.
 */
export interface ResolverSource {
  /** A resolver holding every stored event the report may join. */
  resolver(session: StoreSession): Promise<EventResolver>;
  /** Told after the report was saved with what the resolver made of it. */
  saved?(session: StoreSession): Promise<void>;
}

/**
 * One document into the store: clean → already stored? → extract → (holding the grouping lock for its actor)
 * resolve (the resolver learns the report) → save the article, its extraction, the events it changed and their
 * versions and alerts in one transaction. Used by `salvo ingest` and by the HTTP API's ingest routes alike.
 * Rejects when the article cannot be processed or stored; the resolver may then hold a report the store does
 * not, so the caller should rebuild it from the store.
 */
export async function ingestDocument(store: Store, source: ResolverSource, doc: SourceDocument): Promise<IngestOutcome> {
  const article = cleanDocument(doc);
  if (await store.hasArticle(article.id)) return { status: 'duplicate', article };
  const extraction = extractArticle(article);
  return store.withEventLock(groupingKeys(extraction), async (session): Promise<IngestOutcome> => {
    // Checked again under the lock: another unit may have stored the same document meanwhile.
    if (await session.hasArticle(article.id)) return { status: 'duplicate', article };
    const resolver = await source.resolver(session);
    const published = article.published?.date ?? null;
    const changed = resolver.add({ extraction, published, source: article.source });
    const eventId = changed.find((e) => e.articleIds.includes(article.id))?.id ?? null;
    const sources = await findCopies(session, resolver, article, extraction, eventId);
    for (const link of sources.copies ?? []) mergeChanges(changed, resolver.setCopyOf(link.articleId, link.originalId));
    await saveWithHistory(session, { article, extraction, events: changed, sources, at: new Date().toISOString() });
    if (sources.signature) resolver.copies?.remember(article.id, sources.signature);
    await source.saved?.(session);
    return { status: 'stored', article, extraction, eventId };
  });
}

/**
 * The grouping-lock keys of a report: its actor, since a report can join (or, dated, absorb) any event of its
 * actor, dated or not. Reports that are not launch reports change no event and take no key.
 */
function groupingKeys(extraction: Extraction): string[] {
  return extraction.isLaunchReport ? [`actor:${extraction.actor ?? ''}`] : [];
}

/**
 * Saves an article with the events it changed, reading those events' stored state to compute the versions and
 * alerts the write causes (src/app/history.ts). Run it under the grouping lock so the state read is still the
 * stored one when the write lands. Resolves false when the article was already stored (nothing written).
 */
export async function saveWithHistory(
  session: StoreSession,
  write: { article: Article; extraction: Extraction; events: LaunchEvent[]; sources: ArticleSources; at: string },
): Promise<boolean> {
  const prior = new Map<string, PriorEvent>();
  for (const ev of write.events) {
    if (ev.articleIds.length === 0 || prior.has(ev.id)) continue;
    prior.set(ev.id, { event: await session.getEvent(ev.id), lastVersion: await session.lastVersion(ev.id) });
  }
  const { versions, alerts } = historyOfWrite({ prior, events: write.events, extraction: write.extraction, at: write.at });
  return session.saveArticle({ ...write, versions, alerts });
}

/**
 * Copies and rewrites of the new article among stored ones: near-duplicates from the LSH index, rewrites among
 * the reports of the same event.
 */
async function findCopies(store: StoreSession, resolver: EventResolver, article: Article, extraction: Extraction, eventId: string | null): Promise<ArticleSources> {
  const tracker = resolver.copies;
  if (!tracker) return {};
  const sig = tracker.signatureOf(article);
  const ids = new Set(tracker.nearDuplicates(sig));
  const members = eventId ? resolver.membersOf(eventId) : [];
  for (const m of members) ids.add(m.extraction.articleId);
  ids.delete(article.id);
  const copyOf = new Map(members.map((m) => [m.extraction.articleId, m.copyOf ?? null]));
  const candidates: CopyCandidate[] = [];
  for (const id of ids) {
    const a = await store.getArticle(id);
    if (!a) continue;
    const stored = copyOf.has(id) ? (copyOf.get(id) ?? null) : ((await store.copyLinks(id)).find((l) => l.articleId === id)?.originalId ?? null);
    candidates.push({ article: { id: a.id, title: a.title, text: a.text, published: a.published?.date ?? null }, extraction: await store.getExtraction(id), copyOf: stored });
  }
  const me: CopyCandidate = { article: { id: article.id, title: article.title, text: article.text, published: article.published?.date ?? null }, extraction, copyOf: null };
  return { signature: sig, copies: tracker.decide(me, candidates) };
}

/** Adds events to a change list, the later version of an event replacing the earlier one. */
function mergeChanges(into: LaunchEvent[], more: LaunchEvent[]): void {
  for (const ev of more) {
    const i = into.findIndex((e) => e.id === ev.id);
    if (i >= 0) into[i] = ev;
    else into.push(ev);
  }
}
