// `salvo watch`: polls the configured feeds and sitemaps, fetches and ingests the articles they list, and sends
// the alerts that the new reports cause. Everything it must remember lives in the database (watch_sources,
// watch_items, alerts, webhook_deliveries), so it can be stopped and started, or run from cron with --once.
//
// Work goes through a job queue (src/store/job-queue.ts), so several watchers on one PostgreSQL database share
// it: each source has one poll job, leased to one watcher at a time (two watchers never poll a source at
// once), and each item one fetch job, ever (it is fetched once). A watcher that dies loses its jobs when their
// leases run out, and another takes them over.
//
// Per poll of a source: fetch the feed (conditional GET), record its items (each once, ever), then fetch and
// ingest every item still pending: done when stored (or already stored), failed for good on a permanent error
// (404, not HTML, no article text, over the time budget…), else left pending and tried again after a backoff (up to
// MAX_ITEM_ATTEMPTS; `--once` retries at its next run). Each failure is logged once per poll and the source's
// last error shown in the app; one source failing never stops the others (they are polled independently).
import { Fetcher, FetchError } from '../ingest/fetch.js';
import { documentFromText, IngestError, readHtmlHere, type ReadHtml } from '../ingest/index.js';
import { Ingester } from '../app/ingestion.js';
import type { Prepare } from '../app/prepared.js';
import { whileLeased, type Job, type JobQueue } from '../store/job-queue.js';
import { openJobQueue } from '../app/job-queue.js';
import type { Store, WatchItem, WatchSourceState } from '../store/store.js';
import type { SourceDocument } from '../types.js';
import { AlertDispatcher } from './alerts.js';
import type { JobOptions, WatchConfig } from './config.js';
import { FeedError, parseFeed, type FeedItem } from './feeds.js';
import { MAX_CHILD_SITEMAPS, MAX_ITEM_ATTEMPTS, ONCE_RETRY_WINDOW_MS, WATCH_MAX_NAP_MS, WATCH_MIN_NAP_MS } from '../settings.js';

export interface PollReport {
  source: string;
  /** Another watcher was polling the source: this one did nothing. */
  skipped: boolean;
  /** The feed's own error (fetch or parse), or null. */
  error: string | null;
  notModified: boolean;
  newItems: number;
  stored: number;
  duplicates: number;
  /** Item failures of this poll: url and reason. */
  failures: { url: string; reason: string; final: boolean }[];
}

export interface WatcherOptions {
  /** Where log lines go (default stderr, prefixed "salvo watch: "). */
  log?: (line: string) => void;
  now?: () => Date;
  fetcher?: Fetcher;
  /** Where polls and fetches are claimed (default: the store's shared queue, or one in memory for SQLite). */
  queue?: JobQueue;
  /**
   * Where fetched articles are cleaned and extracted: `salvo watch` passes the document pool's (each within the
   * time budget; an item over it fails for good with that reason); in this thread without it.
   */
  prepare?: Prepare;
  /**
   * Where fetched pages are read into documents: `salvo watch` passes the document pool's (within the time
   * budget; a page over it fails for good with that reason); in this thread without it.
   */
  readHtml?: ReadHtml;
}

const POLL = 'poll';
const FETCH = 'fetch';
/** A fetch job's key: the source, then the item's key (a URL holds no line break). */
const fetchKey = (source: string, itemKey: string): string => `${source}\n${itemKey}`;

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(done, Math.max(0, ms));
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export class Watcher {
  readonly fetcher: Fetcher;
  readonly alerts: AlertDispatcher;
  readonly queue: JobQueue;
  private readonly jobs: JobOptions;
  private readonly ingester: Ingester;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;
  private readonly readHtml: ReadHtml;
  private readonly polling = new Set<string>();
  /** Wakes the run loop early (a poll finished). */
  private kick: (() => void) | null = null;
  /** The configured sources recorded and the new webhooks' starting point set; every poll waits for it. */
  private readonly ready: Promise<void>;

  constructor(
    private readonly store: Store,
    config: WatchConfig,
    opts: WatcherOptions = {},
  ) {
    this.log = opts.log ?? ((line) => process.stderr.write(`salvo watch: ${line}\n`));
    this.now = opts.now ?? (() => new Date());
    this.readHtml = opts.readHtml ?? readHtmlHere;
    this.fetcher = opts.fetcher ?? new Fetcher(config.fetch);
    this.ingester = new Ingester(store, opts.prepare);
    const queue = opts.queue ?? openJobQueue(store);
    this.queue = queue;
    this.jobs = config.jobs;
    const alerts = new AlertDispatcher(store, config.webhooks, config.alerts, this.log, this.now);
    this.alerts = alerts;
    this.ready = (async () => {
      await store.syncWatchSources(config.sources);
      await queue.enqueue(config.sources.map((src) => ({ kind: POLL, key: src.url })));
      // Webhooks seen for the first time start from here: they get what happens from now on, not the backlog.
      await alerts.enqueue();
    })();
    // Reported by the first poll that waits for it, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** The items a source lists now (a sitemap index's newest child sitemaps included), or the not-modified mark. */
  private async readSource(src: WatchSourceState): Promise<{ items: FeedItem[]; etag: string | null; lastModified: string | null } | 'not-modified'> {
    const res = await this.fetcher.fetch(src.url, { expect: 'feed', etag: src.etag, lastModified: src.lastModified });
    if (res.status === 'not-modified') return 'not-modified';
    const feed = parseFeed(res.text, res.url);
    if (src.kind === 'sitemap' && !feed.kind.startsWith('sitemap')) throw new FeedError(`expected a sitemap, got ${feed.kind === 'atom' ? 'an Atom' : 'an RSS'} feed`);
    if (src.kind === 'feed' && feed.kind.startsWith('sitemap')) throw new FeedError('expected an RSS or Atom feed, got a sitemap');
    const items = [...feed.items];
    for (const child of feed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
      const c = await this.fetcher.fetch(child, { expect: 'feed' });
      if (c.status === 'ok') items.push(...parseFeed(c.text, c.url).items);
    }
    return { items, etag: res.etag, lastModified: res.lastModified };
  }

  /** Fetches one article page as a document. */
  private async fetchArticle(url: string): Promise<SourceDocument> {
    const res = await this.fetcher.fetch(url, { expect: 'html' });
    if (res.status !== 'ok') throw new FetchError('not modified', true);
    if (res.contentType === 'text/plain' && !/^\s*</.test(res.text)) {
      return { ...documentFromText(res.text, url), url: res.url, source: new URL(res.url).hostname };
    }
    const doc = await this.readHtml(res.text, url, res.url);
    return { ...doc, url: doc.url ?? res.url };
  }

  /**
   * Polls one source now, its schedule notwithstanding: the feed, then every pending item. Does nothing
   * (`skipped`) while another watcher is polling it. Never throws.
   */
  async pollSource(src: WatchSourceState): Promise<PollReport> {
    await this.ready;
    await this.queue.enqueue([{ kind: POLL, key: src.url }]);
    const job = await this.queue.claim({ kind: POLL, keys: [src.url], early: true, leaseMs: this.jobs.leaseMs });
    if (!job) {
      this.log(`${src.url}: being polled by another watcher`);
      return { ...emptyReport(src.url), skipped: true };
    }
    return this.pollClaimed(src, job, true);
  }

  /** Polls a source whose poll job this watcher holds; `early` also retries items before their backoff ran out. */
  private async pollClaimed(src: WatchSourceState, job: Job, early: boolean): Promise<PollReport> {
    const report = emptyReport(src.url);
    this.polling.add(src.url);
    let validators: { etag?: string | null; lastModified?: string | null } = {};
    try {
      await whileLeased(this.queue, job, this.jobs.leaseMs, async () => {
        try {
          const read = await this.readSource(src);
          if (read === 'not-modified') report.notModified = true;
          else {
            // Feeds list newest first: record (and so ingest) oldest first, so history reads in order.
            const items = [...read.items].reverse();
            const unique = [...new Map(items.map((i) => [i.key, { key: i.key, url: i.url }])).values()];
            report.newItems = await this.store.addWatchItems(src.url, unique, this.stamp());
            validators = { etag: read.etag, lastModified: read.lastModified };
          }
        } catch (err) {
          report.error = err instanceof FetchError || err instanceof FeedError ? err.message : `unexpected error: ${reasonOf(err)}`;
          this.log(`${src.url}: ${report.error}`);
        }
        // Pending items are tried even when the feed failed this time: they were listed before.
        await this.fetchPending(src.url, early, report);
      });
    } finally {
      const error =
        report.error ??
        (report.failures.length
          ? `${report.failures.length} item${report.failures.length === 1 ? '' : 's'} failed: ${report.failures[0].url}: ${report.failures[0].reason}`
          : null);
      await this.store.recordPoll(src.url, { at: this.stamp(), error, ...validators });
      await this.queue.later(job, src.intervalS * 1000, error);
      this.polling.delete(src.url);
    }
    if (report.stored || report.newItems) this.log(`${src.url}: ${report.newItems} new item${report.newItems === 1 ? '' : 's'}, ${report.stored} stored`);
    return report;
  }

  /**
   * Queues a fetch job for every pending item of the source (an item has one, ever), then claims and runs them
   * one by one, each at most once in this poll: those due, and with `early` also those waiting out a backoff.
   * A job whose worker died is among the claimable ones; its item is fetched again unless it was finished.
   */
  private async fetchPending(source: string, early: boolean, report: PollReport): Promise<void> {
    const pending = new Map((await this.store.pendingWatchItems(source)).map((i) => [i.key, i]));
    await this.queue.enqueue([...pending.values()].map((i) => ({ kind: FETCH, key: fetchKey(source, i.key), group: source, payload: { key: i.key } })));
    const tried: string[] = [];
    for (;;) {
      const job = await this.queue.claim({ kind: FETCH, group: source, except: tried, early, leaseMs: this.jobs.leaseMs });
      if (!job) return;
      tried.push(job.id);
      const item = pending.get(job.payload.key);
      if (!item) {
        // Finished by a worker that died before it could mark its job done.
        await this.queue.complete(job);
        continue;
      }
      await whileLeased(this.queue, job, this.jobs.leaseMs, () => this.fetchItem(item, job, report));
    }
  }

  /** Fetches and ingests one item, recording the outcome on the item and its job. */
  private async fetchItem(item: WatchItem, job: Job, report: PollReport): Promise<void> {
    const at = (): string => this.stamp();
    try {
      const doc = await this.fetchArticle(item.url);
      const r = (await this.ingester.ingest([{ ok: true, doc }])).results[0];
      // Over the time budget it would be again (and hold a thread as long): given up like a page with no text.
      if (r.status === 'failed') throw r.overBudget ? new IngestError(r.reason ?? 'over the time budget') : new Error(r.reason ?? 'not stored');
      await this.store.finishWatchItem(item.sourceUrl, item.key, { status: 'done', error: null, articleId: r.articleId, at: at() });
      await this.queue.complete(job);
      if (r.status === 'stored') {
        report.stored++;
        // Alert now, not after the rest of the poll's items (each may wait its turn at the host).
        this.deliverAlerts().catch((err: unknown) => this.log(`alerts: unexpected error: ${reasonOf(err)}`));
      } else report.duplicates++;
    } catch (err) {
      const permanent = (err instanceof FetchError && !err.transient) || err instanceof IngestError;
      const final = permanent || item.attempts + 1 >= MAX_ITEM_ATTEMPTS;
      const reason = reasonOf(err);
      await this.store.finishWatchItem(item.sourceUrl, item.key, { status: final ? 'failed' : 'pending', error: reason, articleId: null, at: at() });
      if (final) await this.queue.fail(job, reason);
      else await this.queue.later(job, this.jobs.retryBackoffMs * 2 ** item.attempts, reason);
      report.failures.push({ url: item.url, reason, final });
      this.log(`${item.sourceUrl}: ${item.url}: ${reason}${final ? '' : ' (will retry)'}`);
    }
  }

  /** Queues and sends the alerts the last ingests caused (one attempt per due delivery). */
  async deliverAlerts(): Promise<number> {
    await this.ready;
    await this.alerts.enqueue();
    return this.alerts.deliverDue();
  }

  /**
   * Polls every active source once, all at the same time, then delivers alerts; failed deliveries are retried
   * (with backoff) while their next try falls within `retryWindowMs`. For `salvo watch --once` and cron.
   */
  async pollOnce(retryWindowMs = ONCE_RETRY_WINDOW_MS): Promise<PollReport[]> {
    await this.ready;
    const sources = (await this.store.listWatchSources()).filter((s) => s.active);
    const reports = await Promise.all(sources.map((s) => this.pollSource(s)));
    await this.deliverAlerts();
    const until = Date.now() + retryWindowMs;
    for (;;) {
      const wait = await this.alerts.msUntilNext();
      if (wait === null || Date.now() + wait > until) break;
      await sleep(wait);
      await this.alerts.deliverDue();
    }
    return reports;
  }

  /**
   * Polls each source when its poll job is due (its interval after the last poll, by whichever watcher) until
   * the signal aborts; alerts go out as soon as a poll ingests.
   */
  async run(signal: AbortSignal): Promise<void> {
    const running = new Map<string, Promise<void>>();
    await this.ready;
    while (!signal.aborted) {
      const sources = new Map((await this.store.listWatchSources()).filter((s) => s.active && !running.has(s.url)).map((s) => [s.url, s]));
      for (;;) {
        const job = sources.size ? await this.queue.claim({ kind: POLL, keys: [...sources.keys()], leaseMs: this.jobs.leaseMs }) : null;
        const s = job ? sources.get(job.key) : undefined;
        if (!job || !s) break;
        sources.delete(s.url);
        const p = this.pollClaimed(s, job, false)
          .then(async (r) => {
            if (r.stored) await this.deliverAlerts();
          })
          .catch((err: unknown) => this.log(`${s.url}: unexpected error: ${reasonOf(err)}`))
          .finally(() => {
            running.delete(s.url);
            this.kick?.();
          });
        running.set(s.url, p);
      }
      // Alerts from reports added by other processes (`salvo ingest`, the web app), and retries that are due.
      try {
        await this.deliverAlerts();
      } catch (err) {
        this.log(`alerts: unexpected error: ${reasonOf(err)}`);
      }
      let wake = this.now().getTime() + WATCH_MAX_NAP_MS;
      const next = await this.alerts.msUntilNext();
      if (next !== null) wake = Math.min(wake, this.now().getTime() + next);
      // Wake at the next retry, and at least every second to claim the polls that came due (here or after
      // another watcher's poll) and those whose watcher died.
      const nap = new AbortController();
      this.kick = () => nap.abort();
      const stop = (): void => nap.abort();
      signal.addEventListener('abort', stop, { once: true });
      await sleep(Math.min(Math.max(wake - this.now().getTime(), WATCH_MIN_NAP_MS), WATCH_MAX_NAP_MS), nap.signal);
      signal.removeEventListener('abort', stop);
      this.kick = null;
    }
    await Promise.allSettled(running.values());
  }
}

function emptyReport(source: string): PollReport {
  return { source, skipped: false, error: null, notModified: false, newItems: 0, stored: 0, duplicates: 0, failures: [] };
}
