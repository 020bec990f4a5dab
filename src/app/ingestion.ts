// The one ingest path of Salvo: documents (from files, a paste, an upload or a feed) are cleaned, extracted,
// grouped into events with the stored ones and saved, one transaction per article (or, batched into a server store,
// per batch of articles that change no event). `salvo ingest`, the HTTP
// API's ingest routes, `salvo watch` and `salvo analyze --events` all store through `Ingester`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundFields, ingestPaths } from '../ingest/index.js';
import { EventResolver } from '../resolve/index.js';
import { copyText, CopyTracker, type CopyCandidate, type CopySketch, type CopyText } from '../resolve/sources.js';
import { EVERY_EVENT_KEY, MEMBERSHIP_LOST, type ArticleSources, type ArticleWrite, type Store, type StoreSession, type StoredEventSummary } from '../store/store.js';
import { displayTitle } from '../headline.js';
import { COPY_PREPARED_CACHE, INGEST_BATCH_ARTICLES } from '../settings.js';
import { summarizeEvent, summaryArticle, type SummaryArticle } from './event-summary.js';
import { refreshResolver, storedReports, withReports } from './resolver-refresh.js';
import { historyOfWrite, type PriorEvent } from './history.js';
import { OverBudgetError, type Prepare } from './prepared.js';
import type { Article, Extraction, IngestItem, LaunchEvent, SourceDocument } from '../types.js';

/** What became of one document given to `ingestDocument`. */
export type IngestOutcome =
  | { status: 'stored'; article: Article; extraction: Extraction; eventId: string | null }
  | { status: 'duplicate'; article: Article };

export interface IngestResult {
  origin: string;
  status: 'stored' | 'duplicate' | 'failed';
  articleId: string | null;
  eventId: string | null;
  isLaunchReport: boolean | null;
  title: string | null;
  /** How to name it: the title, else the first line of its text (null when nothing was read). */
  headline: string | null;
  reason: string | null;
  /** Set when it failed for going over the time budget (a watcher gives such an item up instead of retrying it). */
  overBudget?: true;
}

export interface IngestReport {
  stored: number;
  duplicates: number;
  failed: number;
  /**
   * Each document's result, in order; empty when `ingest` was given `onResult`, which hears them instead (so a
   * batch of 100k articles does not hold 100k results, about 250 bytes each, until it ends).
   */
  results: IngestResult[];
}

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * A resolver primed with the events already stored, so new reports join them, with each report's outlet and
 * copy link, and a copy tracker over the stored signatures.
 */
export async function resolverFromStore(store: StoreSession): Promise<EventResolver> {
  return (await storedState(store)).resolver;
}

/**
 * resolverFromStore, with the ids of every stored article (those it has seen). Given a copy tracker already
 * holding every stored signature, keeps it and reads only what grouping needs — the launch reports with their
 * outlets and copy links, and the events — not every stored article: a rebuild costs what the launch reports
 * weigh, not the whole store.
 */
async function storedState(store: StoreSession, copies?: CopyTracker): Promise<{ resolver: EventResolver; articleIds: string[] }> {
  const resolver = new EventResolver(withReports(await store.listEvents(), await storedReports(store)));
  if (copies) {
    resolver.copies = copies;
    return { resolver, articleIds: [] };
  }
  resolver.copies = new CopyTracker(await store.signatures());
  return { resolver, articleIds: (await store.listArticles()).map((a) => a.id) };
}

/**
 * Where ingest gets the resolver that groups a report into events. Both calls happen under the grouping lock,
 * so a source can check, through the session, that its resolver still matches the store.
 */
export interface ResolverSource {
  /** A resolver holding every stored event the report may join. */
  resolver(session: StoreSession): Promise<EventResolver>;
  /** Told after the report was saved with what the resolver made of it and what copy detection found. */
  saved?(article: Article, extraction: Extraction, sources: ArticleSources): void;
  /** Stored articles as copy detection compares them (`copySketches`), when the source keeps some itself. */
  copyCandidates?(session: StoreSession, ids: string[]): Promise<CopyCandidate[]>;
  /** Stored articles' texts and extractions as copy detection compares them, when the source keeps some itself. */
  copyTexts?(session: StoreSession, ids: string[]): Promise<Map<string, CopyText>>;
}

/**
 * Cleaning and extraction in this thread, for callers without a document pool; loaded on first use, so a process
 * whose documents are cleaned and extracted in the pool's threads does not load them (the date parser and the
 * knowledge tables' readers: about a tenth of a second of CPU per `salvo ingest`).
 */
let here: Promise<{ cleanDocument: (doc: SourceDocument) => Article; extractArticle: (article: Article) => Extraction }> | undefined;
const readHere = (): NonNullable<typeof here> =>
  (here ??= Promise.all([import('../clean/index.js'), import('../extract/index.js')]).then(([c, e]) => ({ cleanDocument: c.cleanDocument, extractArticle: e.extractArticle })));

/**
 * A document cleaned and extracted, with its copy sketch when the pool's thread computed it (else findCopies does).
 */
type Read = { article: Article; extraction: Extraction; sketch?: CopySketch };

/** A document read for ingest: cleaned, looked up in the store and, when not stored yet, extracted. */
type ReadDocument = { status: 'duplicate'; article: Article } | ({ status: 'read' } & Read);

/**
 * The first half of `ingestDocument`, which takes no lock: short fields bounded (boundFields), cleaned, already
 * stored? → extracted. `prepare` cleans and extracts elsewhere (the document pool, with a time budget); without it
 * both run here, the extraction once `extractAfter` has settled (so a caller can run it while a write is sent).
 * `lookUpPrepared` false: a document prepared elsewhere is not looked up (the lookup would save no work; the caller
 * tells duplicates itself).
 */
async function readDocument(store: Store, doc: SourceDocument, prepare?: Prepare, extractAfter?: Promise<void>, lookUpPrepared = true): Promise<ReadDocument> {
  const bounded = boundFields(doc);
  const prepared = prepare ? await prepare(bounded) : null;
  const article = prepared?.article ?? (await readHere()).cleanDocument(bounded);
  if ((!prepared || lookUpPrepared) && (await store.hasArticle(article.id))) return { status: 'duplicate', article };
  if (prepared) return { status: 'read', article, extraction: prepared.extraction, sketch: prepared.sketch };
  await extractAfter;
  return { status: 'read', article, extraction: (await readHere()).extractArticle(article) };
}

/**
 * One document into the store: read (readDocument) → (holding the grouping lock for its actor) resolve (the
 * resolver learns the report) → save the article, its extraction, the events it changed and their versions and
 * alerts in one transaction. Rejects when the article cannot be processed or stored; the resolver may then hold
 * a report the store does not, so the caller should rebuild it from the store (`Ingester` does).
 */
export async function ingestDocument(store: Store, source: ResolverSource, doc: SourceDocument, prepare?: Prepare): Promise<IngestOutcome> {
  const read = await readDocument(store, doc, prepare);
  return read.status === 'duplicate' ? read : storeDocument(store, source, read);
}

/**
 * The second half of `ingestDocument`: a read document grouped and saved under the grouping lock. `onSent` is
 * called once the save has been sent to the store (a server store then works on it while this thread is free).
 */
async function storeDocument(
  store: Store, source: ResolverSource, { article, extraction, sketch }: Read, onSent?: () => void,
): Promise<IngestOutcome> {
  const keys = groupingKeys(extraction);
  return store.withEventLock(keys, async (session): Promise<IngestOutcome> => {
    // Checked again under the lock (another unit may have stored the same document meanwhile), before the
    // resolver learns the report. Without a lock there is nothing to learn; the save itself tells.
    if (keys.length && (await session.hasArticle(article.id))) return { status: 'duplicate', article };
    const resolver = await source.resolver(session);
    const { changed, sources, eventId } = await groupDocument(session, source, resolver, { article, extraction, sketch });
    const summaries = await summariesOf(session, resolver, changed, article);
    const saving = saveWithHistory(session, { article, extraction, events: changed, sources, summaries, at: new Date().toISOString() });
    onSent?.();
    if (!(await saving)) return { status: 'duplicate', article };
    learnSaved(source, resolver, { article, extraction }, sources);
    return { status: 'stored', article, extraction, eventId };
  });
}

/**
 * A read document grouped: the resolver learns the report, copy detection finds its copy links (which may change
 * events too). Resolves to the events changed, the article's sources and the event it joined.
 */
async function groupDocument(
  session: StoreSession, source: ResolverSource, resolver: EventResolver, { article, extraction, sketch }: Read,
): Promise<{ changed: LaunchEvent[]; sources: ArticleSources; eventId: string | null }> {
  const changed = resolver.add({ extraction, published: article.published?.date ?? null, source: article.source });
  const eventId = changed.find((e) => e.articleIds.includes(article.id))?.id ?? null;
  const sources = await findCopies(session, source, resolver, { article, extraction, sketch }, eventId);
  for (const link of sources.copies ?? []) mergeChanges(changed, resolver.setCopyOf(link.articleId, link.originalId));
  return { changed, sources, eventId };
}

/** After an article's save: an original joins the near-duplicate index, and the source hears of it. */
function learnSaved(source: ResolverSource, resolver: EventResolver, { article, extraction }: { article: Article; extraction: Extraction }, sources: ArticleSources): void {
  if (sources.signature && sources.indexed !== false) resolver.copies?.remember(article.id, sources.signature);
  source.saved?.(article, extraction, sources);
}

/**
 * The grouping-lock keys of a report: its actor, since a report can join (or, dated, absorb) any event of its
 * actor, dated or not; a report without an actor may join any event, so it takes the key of every event. Reports
 * that are not launch reports change no event and take no key.
 */
function groupingKeys(extraction: Extraction): string[] {
  if (!extraction.isLaunchReport) return [];
  return extraction.actor ? [`actor:${extraction.actor}`] : [EVERY_EVENT_KEY];
}

/**
 * Saves an article with the events it changed, reading those events' stored state to compute the versions and
 * alerts the write causes (src/app/history.ts). Run it under the grouping lock so the state read is still the
 * stored one when the write lands. Resolves false when the article was already stored (nothing written).
 */
export async function saveWithHistory(
  session: StoreSession,
  write: { article: Article; extraction: Extraction; events: LaunchEvent[]; sources: ArticleSources; summaries?: Record<string, StoredEventSummary>; at: string },
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
 * the reports of the same event. The article's shingles and signature (its sketch, when the pool's thread did not
 * send it) are computed here once and saved with it.
 */
async function findCopies(
  store: StoreSession, source: ResolverSource, resolver: EventResolver, { article, extraction, sketch }: Read, eventId: string | null,
): Promise<ArticleSources> {
  const tracker = resolver.copies;
  if (!tracker) return {};
  const me = tracker.prepare(article, extraction, sketch);
  const ids = new Set(tracker.nearDuplicates(me.signature));
  const members = eventId ? resolver.membersOf(eventId) : [];
  for (const m of members) ids.add(m.extraction.articleId);
  ids.delete(article.id);
  // The copy link an event member has in the resolver is the one this grouping holds; the store's for the rest.
  const copyOf = new Map(members.map((m) => [m.extraction.articleId, m.copyOf ?? null]));
  const stored = source.copyCandidates ? await source.copyCandidates(store, [...ids]) : await store.copySketches([...ids]);
  const candidates = stored.map((c) => (copyOf.has(c.articleId) ? { ...c, copyOf: copyOf.get(c.articleId) ?? null } : c));
  const copies = await tracker.decide(me, candidates, (wanted) => (source.copyTexts ? source.copyTexts(store, wanted) : storedTexts(store, wanted)));
  return { signature: me.signature, shingles: me.shingles, indexed: !copies.some((l) => l.articleId === article.id), copies };
}

/**
 * The summaries of the events a write changes (src/app/event-summary.ts), updated from their stored ones: the
 * new report is compared with the reports of its event, the others keep what they had.
 */
async function summariesOf(
  session: StoreSession, resolver: EventResolver, changed: LaunchEvent[], article: Article,
): Promise<Record<string, StoredEventSummary>> {
  const live = changed.filter((e) => e.articleIds.length > 0);
  if (!live.length) return {};
  const prior = [...(await session.eventSummaries(changed.map((e) => e.id))).values()];
  const mine = summaryArticle(article);
  const articles = async (ids: string[]): Promise<Map<string, SummaryArticle>> => {
    const stored = ids.filter((id) => id !== article.id);
    const found = await session.copyCandidates(stored);
    const out = new Map<string, SummaryArticle>(found.map((c) => [c.article.id, summaryArticle(c.article)]));
    if (ids.includes(article.id)) out.set(article.id, mine);
    return out;
  };
  const out: Record<string, StoredEventSummary> = {};
  for (const ev of live) {
    const extractions = new Map(resolver.membersOf(ev.id).map((r) => [r.extraction.articleId, r.extraction]));
    out[ev.id] = await summarizeEvent(ev, { extractions, prior, articles });
  }
  return out;
}

/** Stored articles' texts and extractions as copy detection compares them, by id. */
async function storedTexts(store: StoreSession, ids: string[]): Promise<Map<string, CopyText>> {
  return new Map((await store.copyCandidates(ids)).map((c) => [c.article.id, { text: copyText(c.article), extraction: c.extraction }]));
}

/** Adds events to a change list, the later version of an event replacing the earlier one. */
function mergeChanges(into: LaunchEvent[], more: LaunchEvent[]): void {
  for (const ev of more) {
    const i = into.findIndex((e) => e.id === ev.id);
    if (i >= 0) into[i] = ev;
    else into.push(ev);
  }
}

/**
 * Stores documents one by one with a resolver kept in step with the store. What other processes (another
 * worker, a `salvo ingest` beside the server) stored since it last looked is read as changes: their signatures
 * join the copy tracker, and when one of them may have regrouped events (a launch report, a copy link to one)
 * the events it may have changed are read again (src/app/resolver-refresh.ts); after a failure, or a rewrite of
 * the event table by another process (`salvo db rebuild`), the resolver is rebuilt from the whole store.
 * `onResult` hears of each document as it is done (the CLI's progress and messages).
 *
 * Batched (`batched`, on a store with `saveArticles`): articles that change no event — nearly every article of a
 * news stream — are grouped in memory as one by one, and written INGEST_BATCH_ARTICLES at a time in one
 * statement, the next ones grouped while it is sent. Copy detection reads the articles of unwritten batches (their
 * sketches, texts and copy links) from memory, so it links exactly what one-by-one ingest links; other processes'
 * writes are read once per batch. A launch report, an article that changes events, a duplicate or a failure first
 * waits for every batch before it to be written, so results are told in order. A batch that fails is written
 * again one article at a time, with the articles grouped after it (which assumed it written) and the resolver
 * read again from the store: one broken article fails alone.
 */
export class Ingester implements ResolverSource {
  /**
   * `known`: the ids of the stored articles it has seen, so its own writes are not read back as changes. It grows
   * with every stored article, about 2.5 MB per 100k (the id strings are those the copy tracker's index holds,
   * except a copy's: about 8 MB more per 100k copies); the resolver grows with the launch reports alone.
   */
  private cached: { resolver: EventResolver; cursor: string; known: Set<string> } | null = null;
  /**
   * Stored articles as copy detection compares them (shingles, date, claim count), by id, oldest use dropped
   * first: the same stored articles are candidates for many new ones and never change, so only their copy
   * links, which later writes may add, are read again.
   */
  private readonly candidates = new Map<string, Omit<CopyCandidate, 'copyOf'>>();
  /**
   * Articles grouped into batches not written yet, by id, in grouping order (see the class comment): at most two
   * batches (the one being written and the one waiting), each article dropped once its batch is written, so
   * nothing of a written batch (document, article, text, write) stays reachable from the ingester (a test checks).
   */
  private readonly unwritten = new Map<string, Unwritten>();

  /**
   * `prepare`: where documents are cleaned and extracted (the document pool); in this thread without it.
   * `batched`: write articles that change no event in batches (see the class comment), for a caller that runs one
   * `ingest` at a time (the CLI); a server answering requests at once does not.
   */
  constructor(
    private readonly store: Store,
    private readonly prepare?: Prepare,
    private readonly options: { batched?: boolean } = {},
  ) {}

  /** Called by ingest under the grouping lock: the resolver, brought up to date with the store. */
  async resolver(session: StoreSession): Promise<EventResolver> {
    let kept: { copies: CopyTracker; known: Set<string> } | undefined;
    if (this.cached) {
      const { cursor, articles, eventsRewritten } = await session.changesSince(this.cached.cursor);
      const fresh = articles.filter((a) => !this.cached?.known.has(a.id));
      for (const a of fresh) {
        this.cached.known.add(a.id);
        if (a.signature) this.cached.resolver.copies?.remember(a.id, a.signature);
      }
      this.cached.cursor = cursor;
      // Only the events these writes may have regrouped are read again (src/app/resolver-refresh.ts). Articles
      // written while they are read come again as changes (the cursor was taken first), and their events then.
      // After a rewrite of the event table on its own (`salvo db rebuild` by another process), which no article
      // tells, every event is read again.
      const regrouped = fresh.filter((a) => a.regroups).map((a) => a.id);
      if (!eventsRewritten && (!regrouped.length || (await refreshResolver(session, this.cached.resolver, regrouped)))) return this.cached.resolver;
      // Else every event is read again; the copy tracker, which now holds the signature of every article it
      // knows, is kept with them.
      const copies = this.cached.resolver.copies;
      if (copies) kept = { copies, known: this.cached.known };
    }
    const cursor = await session.changeCursor(); // before the reads, so nothing written meanwhile is missed
    const { resolver, articleIds } = await storedState(session, kept?.copies);
    this.cached = { resolver, cursor, known: kept?.known ?? new Set(articleIds) };
    return resolver;
  }

  /** Called by ingest after a write this resolver already knows about, so it is not read back as a change. */
  saved(article: Article, extraction: Extraction, sources: ArticleSources): void {
    this.cached?.known.add(article.id);
    if (sources.shingles) {
      this.keepCandidate({ articleId: article.id, published: article.published?.date ?? null, claims: extraction.claims.length, shingles: sources.shingles });
    }
  }

  /**
   * Called by ingest for copy candidates: those kept are not read again, only their copy links; the copy links
   * of unwritten batches replace the stored ones, as they will once written.
   */
  async copyCandidates(session: StoreSession, ids: string[]): Promise<CopyCandidate[]> {
    const keptOf = (id: string): Omit<CopyCandidate, 'copyOf'> | undefined => this.candidates.get(id) ?? this.unwrittenSketch(id);
    const read = new Map((await session.copySketches(ids.filter((id) => !keptOf(id)))).map((c) => [c.articleId, c]));
    const origins = await session.copyOrigins(ids.filter((id) => !read.has(id) && !this.unwritten.has(id) && keptOf(id)));
    const links = this.unwrittenLinks();
    const found = ids.flatMap((id): CopyCandidate[] => {
      const kept = keptOf(id);
      const fresh = read.get(id) ?? (kept && { ...kept, copyOf: origins.get(id) ?? null });
      return fresh ? [{ ...fresh, copyOf: links.get(id) ?? fresh.copyOf }] : [];
    });
    for (const c of found) this.keepCandidate(c); // most recently used goes last
    return found;
  }

  /** Called by copy detection for texts: those of unwritten batches from memory, the rest from the store. */
  async copyTexts(session: StoreSession, ids: string[]): Promise<Map<string, CopyText>> {
    const out = await storedTexts(session, ids.filter((id) => !this.unwritten.has(id)));
    for (const id of ids) {
      const u = this.unwritten.get(id);
      if (u) out.set(id, { text: copyText(u.article), extraction: u.extraction });
    }
    return out;
  }

  private unwrittenSketch(id: string): Omit<CopyCandidate, 'copyOf'> | undefined {
    const u = this.unwritten.get(id);
    const shingles = u?.write.sources?.shingles;
    return u && shingles ? { articleId: id, published: u.article.published?.date ?? null, claims: u.extraction.claims.length, shingles } : undefined;
  }

  /** The copy links unwritten batches will write (copy → original), a later one replacing an earlier one. */
  private unwrittenLinks(): Map<string, string> {
    const links = new Map<string, string>();
    for (const u of this.unwritten.values()) for (const l of u.write.sources?.copies ?? []) links.set(l.articleId, l.originalId);
    return links;
  }

  private keepCandidate(c: Omit<CopyCandidate, 'copyOf'>): void {
    this.candidates.delete(c.articleId);
    this.candidates.set(c.articleId, { articleId: c.articleId, published: c.published, claims: c.claims, shingles: c.shingles });
    if (this.candidates.size > COPY_PREPARED_CACHE) this.candidates.delete(this.candidates.keys().next().value as string);
  }

  /**
   * A read document through `storeDocument`. A save refused because it would have left a launch report in no event
   * (a view of the events gone stale) is tried once more with the resolver read again from the store.
   */
  private async storeOne(read: Read, onSent: () => void): Promise<IngestOutcome> {
    try {
      return await storeDocument(this.store, this, read, onSent);
    } catch (err) {
      if (!reasonOf(err).startsWith(MEMBERSHIP_LOST)) throw err;
      this.cached = null;
      return storeDocument(this.store, this, read);
    }
  }

  /**
   * Documents in order, each read then stored, results told in order. Pipelined one document deep: while one
   * is grouped and written, the next is read (cleaned, looked up) and then, once that write is sent, extracted,
   * so a server store works on the write while this thread extracts. Grouping stays one at a time; batched, a
   * batch is written while the next one is grouped.
   */
  async ingest(items: Iterable<IngestItem> | AsyncIterable<IngestItem>, onResult?: (r: IngestResult) => void): Promise<IngestReport> {
    const report: IngestReport = { stored: 0, duplicates: 0, failed: 0, results: [] };
    const add = onResult ?? ((r: IngestResult): void => void report.results.push(r));
    const batches: Batches | null = this.options.batched && this.store.saveArticles ? { waiting: [], sending: null, report, add } : null;
    let storing: Promise<string | null> = Promise.resolve(null); // the previous document's; resolves to its article id
    let sent: Promise<void> = Promise.resolve(); // settles when the previous document's write was sent, or it ended
    for await (const it of items) {
      const read = it.ok ? settled(readDocument(this.store, it.doc, this.prepare, sent, !batches)) : null;
      const previous = await storing;
      let onSent = (): void => undefined;
      sent = new Promise((resolve) => (onSent = resolve));
      storing = this.storeAndTell(it, read, previous, onSent, report, add, batches).finally(onSent);
    }
    await storing;
    if (batches) await this.settle(batches);
    return report;
  }

  /**
   * Stores one read document (when it was read) and tells its result; resolves to its article id, never rejects.
   * `previous` is the article id of the document stored just before, whose write this one's lookup may have
   * preceded: the same article again is looked up once more. With `batches`, an article that changes no event
   * joins the waiting batch (its result told once the batch is written).
   */
  private async storeAndTell(
    it: IngestItem, read: Promise<Settled<ReadDocument>> | null, previous: string | null, onSent: () => void,
    report: IngestReport, add: (r: IngestResult) => void, batches: Batches | null,
  ): Promise<string | null> {
    if (!it.ok || !read) {
      if (batches) await this.settle(batches);
      if (!it.ok) {
        report.failed++;
        add({ origin: it.failure.origin, status: 'failed', articleId: null, eventId: null, isLaunchReport: null, title: null, headline: null, reason: it.failure.reason });
      }
      return null;
    }
    const doc = it.doc;
    try {
      const r = await read;
      if (!r.ok) throw r.error;
      let value = r.value;
      if (batches && value.status === 'read') {
        // Looked up before a batch holding the same article was written: looked up again once it is.
        if (this.unwritten.has(value.article.id)) {
          await this.settle(batches);
          if (await this.store.hasArticle(value.article.id)) value = { status: 'duplicate', article: value.article };
        } else if (!value.extraction.isLaunchReport) {
          const outcome = await this.batchOne(batches, doc, value);
          if (!outcome) return value.article.id;
          await this.tell(doc, outcome, report, add);
          return outcome.article.id;
        }
      }
      if (batches) await this.settle(batches);
      const again = value.status === 'read' && value.article.id === previous && (await this.store.hasArticle(previous));
      const outcome = value.status === 'duplicate' || again ? { status: 'duplicate' as const, article: value.article } : await this.storeOne(value, onSent);
      await this.tell(doc, outcome, report, add);
      return outcome.article.id;
    } catch (err) {
      if (batches) await this.settle(batches);
      this.cached = null;
      this.tellFailure(doc, err, report, add);
      return null;
    }
  }

  /** Tells what became of a document. */
  private async tell(doc: SourceDocument, outcome: IngestOutcome, report: IngestReport, add: (r: IngestResult) => void): Promise<void> {
    if (outcome.status === 'duplicate') {
      report.duplicates++;
      add({
        origin: doc.origin, status: 'duplicate', articleId: outcome.article.id,
        eventId: await this.store.articleEventId(outcome.article.id), isLaunchReport: null, title: outcome.article.title,
        headline: displayTitle(outcome.article.title, outcome.article.text), reason: 'already stored',
      });
    } else {
      report.stored++;
      add({
        origin: doc.origin, status: 'stored', articleId: outcome.article.id, eventId: outcome.eventId,
        isLaunchReport: outcome.extraction.isLaunchReport, title: outcome.article.title,
        headline: displayTitle(outcome.article.title, outcome.article.text), reason: null,
      });
    }
  }

  private tellFailure(doc: SourceDocument, err: unknown, report: IngestReport, add: (r: IngestResult) => void): void {
    report.failed++;
    add({
      origin: doc.origin, status: 'failed', articleId: null, eventId: null, isLaunchReport: null, title: doc.title, headline: doc.title,
      reason: `not stored: ${reasonOf(err)}`, ...(err instanceof OverBudgetError ? { overBudget: true } : {}),
    });
  }

  /**
   * A read article that is no launch report, grouped without the grouping lock (it takes no key): the resolver is
   * brought up to date with the store when a batch starts. When it changes no event it joins the waiting batch,
   * sent once full, and this resolves to null; one that changes events (its copy link touches a launch report) is
   * saved on its own once every batch before it is written, and this resolves to its outcome.
   */
  private async batchOne(batches: Batches, doc: SourceDocument, read: Read): Promise<IngestOutcome | null> {
    const resolver = batches.waiting.length && this.cached ? this.cached.resolver : await this.resolver(this.store);
    // Not looked up when read (see readDocument): the resolver knows every article stored when the batch started.
    // One stored by another process since then fails its batch's write, and is told a duplicate when stored again.
    if (this.cached?.known.has(read.article.id)) {
      await this.settle(batches);
      return { status: 'duplicate', article: read.article };
    }
    const { changed, sources } = await groupDocument(this.store, this, resolver, read);
    const { article, extraction } = read;
    const at = new Date().toISOString();
    if (changed.length) {
      await this.settle(batches);
      // A failed batch was stored again with the resolver read anew: this article is grouped again too.
      if (this.cached?.resolver !== resolver) return this.storeOne(read, () => undefined);
      const summaries = await summariesOf(this.store, resolver, changed, read.article);
      if (!(await saveWithHistory(this.store, { article, extraction, events: changed, sources, summaries, at }))) return { status: 'duplicate', article };
      learnSaved(this, resolver, read, sources);
      return { status: 'stored', article, extraction, eventId: null };
    }
    const u: Unwritten = { doc, article, extraction, write: { article, extraction, events: [], versions: [], alerts: [], sources, at } };
    learnSaved(this, resolver, read, sources);
    this.unwritten.set(read.article.id, u);
    batches.waiting.push(u);
    if (batches.waiting.length >= INGEST_BATCH_ARTICLES) await this.send(batches);
    return null;
  }

  /** Waits for the batch being written (see `written`), then sends the waiting one without waiting for its write. */
  private async send(batches: Batches): Promise<void> {
    await this.written(batches);
    const save = this.store.saveArticles?.bind(this.store);
    if (!batches.waiting.length || !save) return;
    const batch = batches.waiting.splice(0);
    batches.sending = { batch, done: settled(save(batch.map((u) => u.write))) };
  }

  /**
   * Waits for the batch being written and tells its results. When its write failed, it and the waiting articles
   * (grouped assuming it written) are stored again one by one, the resolver read again from the store.
   */
  private async written(batches: Batches): Promise<void> {
    const sending = batches.sending;
    if (!sending) return;
    batches.sending = null;
    const r = await sending.done;
    const { report, add } = batches;
    if (r.ok) {
      for (const u of sending.batch) {
        this.unwritten.delete(u.article.id);
        await this.tell(u.doc, { status: 'stored', article: u.article, extraction: u.extraction, eventId: null }, report, add);
      }
      return;
    }
    const again = [...sending.batch, ...batches.waiting.splice(0)];
    this.cached = null;
    for (const u of again) {
      this.unwritten.delete(u.article.id);
      this.candidates.delete(u.article.id);
    }
    for (const u of again) {
      try {
        await this.tell(u.doc, await this.storeOne(u, () => undefined), report, add);
      } catch (err) {
        this.cached = null;
        this.tellFailure(u.doc, err, report, add);
      }
    }
  }

  /** Every batch written and its results told. */
  private async settle(batches: Batches): Promise<void> {
    await this.send(batches);
    await this.written(batches);
  }
}

/** An article grouped into a batch and not written yet, with the document it came from and its write. */
interface Unwritten {
  doc: SourceDocument;
  article: Article;
  extraction: Extraction;
  write: ArticleWrite;
}

/** One `ingest` call's batches: the one waiting to be sent, the one being written, and where results are told. */
interface Batches {
  waiting: Unwritten[];
  sending: { batch: Unwritten[]; done: Promise<Settled<void>> } | null;
  report: IngestReport;
  add: (r: IngestResult) => void;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
/** A promise that never rejects (its failure is read when its turn comes, not reported as unhandled meanwhile). */
const settled = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

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
