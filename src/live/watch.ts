// `salvo watch`: polls the configured feeds and sitemaps, fetches and ingests the articles they list, and sends
// the alerts that the new reports cause. Everything it must remember lives in the database (watch_sources,
// watch_items, alerts, webhook_deliveries), so it can be stopped and started, or run from cron with --once.
//
// Per poll of a source: fetch the feed (conditional GET), record its items (each once, ever), then fetch and
// ingest every item still pending: done when stored (or already stored), failed for good on a permanent error
// (404, not HTML, no article text…), else left pending and tried again next poll (up to MAX_ITEM_ATTEMPTS).
// Each failure is logged once per poll and the source's last error shown in the app; one source failing never
// stops the others (they are polled independently).
import { Fetcher, FetchError } from '../ingest/fetch.js';
import { documentFromHtml, documentFromText, IngestError } from '../ingest/index.js';
import { Ingester } from '../app/ingestion.js';
import type { Store, WatchSourceState } from '../store/store.js';
import type { SourceDocument } from '../types.js';
import { AlertDispatcher } from './alerts.js';
import type { WatchConfig } from './config.js';
import { FeedError, parseFeed, type FeedItem } from './feeds.js';
import { MAX_CHILD_SITEMAPS, MAX_ITEM_ATTEMPTS, ONCE_RETRY_WINDOW_MS, WATCH_IDLE_MS, WATCH_MAX_NAP_MS, WATCH_MIN_NAP_MS } from '../settings.js';

export interface PollReport {
  source: string;
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
}

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
  private readonly ingester: Ingester;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;
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
    this.fetcher = opts.fetcher ?? new Fetcher(config.fetch);
    this.ingester = new Ingester(store);
    const alerts = new AlertDispatcher(store, config.webhooks, config.alerts, this.log, this.now);
    this.alerts = alerts;
    this.ready = (async () => {
      await store.syncWatchSources(config.sources);
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
    const doc = documentFromHtml(res.text, url, res.url);
    return { ...doc, url: doc.url ?? res.url };
  }

  /** Polls one source now: the feed, then every pending item. Never throws. */
  async pollSource(src: WatchSourceState): Promise<PollReport> {
    await this.ready;
    const report: PollReport = { source: src.url, error: null, notModified: false, newItems: 0, stored: 0, duplicates: 0, failures: [] };
    this.polling.add(src.url);
    let validators: { etag?: string | null; lastModified?: string | null } = {};
    try {
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
      for (const item of await this.store.pendingWatchItems(src.url)) {
        const at = (): string => this.stamp();
        try {
          const doc = await this.fetchArticle(item.url);
          const r = (await this.ingester.ingest([{ ok: true, doc }])).results[0];
          if (r.status === 'failed') throw new Error(r.reason ?? 'not stored');
          await this.store.finishWatchItem(src.url, item.key, { status: 'done', error: null, articleId: r.articleId, at: at() });
          if (r.status === 'stored') {
            report.stored++;
            // Alert now, not after the rest of the poll's items (each may wait its turn at the host).
            this.deliverAlerts().catch((err: unknown) => this.log(`alerts: unexpected error: ${reasonOf(err)}`));
          } else report.duplicates++;
        } catch (err) {
          const permanent = (err instanceof FetchError && !err.transient) || err instanceof IngestError;
          const final = permanent || item.attempts + 1 >= MAX_ITEM_ATTEMPTS;
          const reason = reasonOf(err);
          await this.store.finishWatchItem(src.url, item.key, { status: final ? 'failed' : 'pending', error: reason, articleId: null, at: at() });
          report.failures.push({ url: item.url, reason, final });
          this.log(`${src.url}: ${item.url}: ${reason}${final ? '' : ' (will retry)'}`);
        }
      }
    } finally {
      const error =
        report.error ??
        (report.failures.length
          ? `${report.failures.length} item${report.failures.length === 1 ? '' : 's'} failed: ${report.failures[0].url}: ${report.failures[0].reason}`
          : null);
      await this.store.recordPoll(src.url, { at: this.stamp(), error, ...validators });
      this.polling.delete(src.url);
    }
    if (report.stored || report.newItems) this.log(`${src.url}: ${report.newItems} new item${report.newItems === 1 ? '' : 's'}, ${report.stored} stored`);
    return report;
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

  /** Polls each source at its interval until the signal aborts; alerts go out as soon as a poll ingests. */
  async run(signal: AbortSignal): Promise<void> {
    const running = new Map<string, Promise<void>>();
    await this.ready;
    while (!signal.aborted) {
      const sources = (await this.store.listWatchSources()).filter((s) => s.active);
      const nowMs = this.now().getTime();
      let wake = nowMs + WATCH_IDLE_MS;
      for (const s of sources) {
        const due = s.lastPoll ? Date.parse(s.lastPoll) + s.intervalS * 1000 : nowMs;
        if (due <= nowMs && !running.has(s.url)) {
          const p = this.pollSource(s)
            .then(async (r) => {
              if (r.stored) await this.deliverAlerts();
            })
            .catch((err: unknown) => this.log(`${s.url}: unexpected error: ${reasonOf(err)}`))
            .finally(() => {
              running.delete(s.url);
              this.kick?.();
            });
          running.set(s.url, p);
        } else if (!running.has(s.url)) wake = Math.min(wake, due);
      }
      // Alerts from reports added by other processes (`salvo ingest`, the web app), and retries that are due.
      try {
        await this.deliverAlerts();
      } catch (err) {
        this.log(`alerts: unexpected error: ${reasonOf(err)}`);
      }
      const next = await this.alerts.msUntilNext();
      if (next !== null) wake = Math.min(wake, this.now().getTime() + next);
      // Wake at the next due poll or retry, and at least every second (running polls finish in between).
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
