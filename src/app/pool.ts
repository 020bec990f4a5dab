// Threads for the CPU-bound part of ingest (reading pastes, uploads and HTML pages, cleaning, extracting), so the server's
// event loop keeps answering while a large paste is processed, and so every command (serve, ingest, analyze,
// watch) can give up on a document that takes too long: JavaScript running on the main thread cannot be stopped
// from outside, a worker thread can. At most one thread per core (piscina), started when work needs one; each
// task has a time budget (DOCUMENT_BUDGET_MS), and a task over it has its thread ended and fails with that
// reason: one document never stalls a batch or holds a thread for good.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { PACKAGE_ROOT } from '../paths.js';
import type { DocumentAnalysis } from '../pipeline.js';
import { IngestError } from '../ingest/errors.js';
import type { ReadHtml } from '../ingest/read-html.js';
import type { IngestItem, SourceDocument } from '../types.js';
import type { PastedReport } from './paste.js';
import { OverBudgetError, type Prepared } from './prepared.js';
import { newStartCell, readStart, threadCpuMs } from './thread-cpu.js';
import type { HtmlRead, PoolTask, TaskBody } from './worker.js';
import { CPU_CHECK_MIN_MS, DOCUMENT_BUDGET_ENV, DOCUMENT_BUDGET_MS, POOL_IDLE_MS, POOL_YOUNG_GENERATION_MB } from '../settings.js';
import { GrowthRule } from './pool-growth.js';

// Always the built worker: the same module runs from src/ under the tests, and a thread cannot load TypeScript.
const WORKER = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'app', 'worker.js')).href;

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

/** The per-document budget: DOCUMENT_BUDGET_MS, or the whole milliseconds in DOCUMENT_BUDGET_ENV when it holds some. */
export function documentBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const given = env[DOCUMENT_BUDGET_ENV]?.trim() ?? '';
  return /^[1-9]\d*$/.test(given) ? Number(given) : DOCUMENT_BUDGET_MS;
}

type Result = IngestItem[] | HtmlRead | Prepared | DocumentAnalysis;

export class DocumentPool {
  private readonly piscina: Piscina<PoolTask, Result>;
  /** Tasks finished, tasks in a thread, tasks that found no room when sent, and those waiting for room now (see `room`). */
  private done = 0;
  private running = 0;
  private waited = 0;
  private readonly waiting: (() => void)[] = [];
  /** Whether the pool runs one task per thread yet. */
  private grown: boolean;
  /** When a pool that starts with one thread grows; none for a pool that has every thread from the start. */
  private readonly growth: GrowthRule | null;

  /**
   * `growth`: the pool runs one task at a time (one thread) until the rule says otherwise (src/app/pool-growth.ts:
   * the batch has shown its size, its documents wait for the thread, and a core is idle), then one per thread:
   * each new thread loads the modules and compiles the knowledge tables itself (about a second of CPU), which a
   * small batch does not repay, nor a busy machine. null, for a server whose requests must not wait for each
   * other, gives every thread at once.
   */
  constructor(
    private readonly budgetMs: number = documentBudgetMs(),
    private readonly threads: number = availableParallelism(),
    growth: GrowthRule | null = null,
  ) {
    this.growth = growth;
    this.grown = growth === null;
    this.piscina = new Piscina({
      filename: WORKER, minThreads: 0, maxThreads: Math.max(1, threads), idleTimeout: POOL_IDLE_MS,
      // The young generation only (see POOL_YOUNG_GENERATION_MB): a smaller one means more frequent scavenges, never a
      // thread ended for a large document, as a cap on the old generation would be.
      resourceLimits: { maxYoungGenerationSizeMb: POOL_YOUNG_GENERATION_MB },
    });
  }

  /** A pool for a command that works through a batch (ingest, analyze): one thread until the batch shows its size and its need. */
  static forBatch(): DocumentPool {
    return new DocumentPool(documentBudgetMs(), availableParallelism(), new GrowthRule());
  }

  /** How many documents it works on at once by now (a batch pool: one until it grows). */
  get parallelism(): number {
    return this.room();
  }

  /** How many tasks may be in the threads at once. */
  private room(): number {
    return this.grown ? Math.max(1, this.threads) : 1;
  }

  /** Resolves when a task may go to a thread (the wait is not charged to its budget). */
  private async enter(): Promise<void> {
    if (this.running < this.room()) {
      this.running++;
      return;
    }
    this.waited++;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    this.running--;
    this.done++;
    this.grown ||= this.growth?.grows(this.done, this.waited) ?? true;
    while (this.waiting.length && this.running < this.room()) {
      this.running++;
      (this.waiting.shift() as () => void)();
    }
  }

  /**
   * Runs a task in a thread. The budget starts when the thread starts the task (it notes so in the task's start cell), so the time
   * a task waits for a free or a starting thread (which first compiles the knowledge tables) is not charged to it.
   * It is counted in the thread's CPU time where the system tells it (Linux), else in wall-clock time: on a
   * machine with more busy threads than cores a thread gets a share of one, and an ordinary report that needs a
   * second of CPU (the first in a thread compiles patterns) took over 15 s on a two-core machine running 15
   * others; by CPU time it fails only for its own cost, so the output does not depend on the machine's load.
   */
  private async run<T extends Result>(task: TaskBody, what: string): Promise<T> {
    await this.enter();
    try {
      return await this.runNow<T>(task, what);
    } finally {
      this.leave();
    }
  }

  private async runNow<T extends Result>(task: TaskBody, what: string): Promise<T> {
    const cell = newStartCell();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Looked at once the budget's time has passed since the task was sent: a task not started yet (waiting for a
    // starting thread) has spent nothing and is looked at again a tenth of the budget later; a started one is
    // looked at again when the rest of its budget could be spent.
    const check = (): void => {
      const start = readStart(cell);
      if (start === null) {
        timer = setTimeout(check, Math.max(CPU_CHECK_MIN_MS, this.budgetMs / 10));
        return;
      }
      let spent = this.budgetMs; // a thread whose clock can no longer be read has ended
      if ('wallMs' in start) spent = Date.now() - start.wallMs;
      else {
        const now = threadCpuMs(start.clock.tid);
        if (now !== null) spent = now - start.clock.cpuMs;
      }
      if (spent >= this.budgetMs) abort.abort();
      else timer = setTimeout(check, Math.max(CPU_CHECK_MIN_MS, this.budgetMs - spent));
    };
    timer = setTimeout(check, this.budgetMs);
    try {
      return (await this.piscina.run({ ...task, started: cell } as PoolTask, { signal: abort.signal })) as T;
    } catch (err) {
      if (abort.signal.aborted) throw new OverBudgetError(`over the time budget of ${seconds(this.budgetMs)} per document (${what})`);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * `work` on each item, several at once in the pool's threads, the results in the items' order (so output that
   * follows them is the same however the threads interleave). One item more than the pool has room for is in
   * work while the results wait their turn, so a thread never waits for the next item, and the pool sees that
   * items wait for it (in a pool `forBatch`, room for one until the batch has shown its size: starting every
   * thread at once, `salvo analyze` on five files took 8 s of CPU instead of 5 s on two cores).
   */
  async *inOrder<I, O>(items: AsyncIterable<I>, work: (item: I) => Promise<O>): AsyncGenerator<O> {
    const waiting: Promise<O>[] = [];
    for await (const item of items) {
      waiting.push(work(item));
      while (waiting.length > this.room()) yield await (waiting.shift() as Promise<O>);
    }
    while (waiting.length) yield await (waiting.shift() as Promise<O>);
  }

  /** The documents in a paste (documentsFromPaste, in a thread); over the budget, one failure for the paste. */
  async readPaste(paste: PastedReport, origin: string): Promise<IngestItem[]> {
    try {
      return await this.run<IngestItem[]>({ kind: 'paste', paste, origin }, 'reading it');
    } catch (err) {
      return [{ ok: false, failure: { origin, reason: err instanceof Error ? err.message : String(err) } }];
    }
  }

  /** The documents in uploaded files (documentsFromUploads, in a thread); over the budget, one failure. */
  async readUploads(files: { name: string; bytes: Uint8Array }[]): Promise<IngestItem[]> {
    try {
      return await this.run<IngestItem[]>({ kind: 'uploads', files }, 'reading the upload');
    } catch (err) {
      return [{ ok: false, failure: { origin: 'upload', reason: err instanceof Error ? err.message : String(err) } }];
    }
  }

  /**
   * An HTML page read into a document in a thread (documentFromHtml), for the commands that stream files and
   * fetch pages in this one: rejects with IngestError for a page with no article text or one over the budget
   * (so the page fails with that reason, like a file that cannot be read, and the batch goes on).
   */
  readHtml: ReadHtml = async (html, origin, urlHint) => {
    let read: HtmlRead;
    try {
      read = await this.run<HtmlRead>({ kind: 'html', html, origin, urlHint }, 'reading it');
    } catch (err) {
      throw err instanceof OverBudgetError ? new IngestError(err.message) : err;
    }
    if (!read.ok) throw new IngestError(read.reason);
    return read.doc;
  };

  /** Cleans and extracts one document in a thread; rejects with OverBudgetError past the budget. */
  prepare = (doc: SourceDocument): Promise<Prepared> => this.run<Prepared>({ kind: 'prepare', doc }, 'cleaning and extracting it');

  /** One document's analysis for `salvo analyze` (analyzeDocument, in a thread); past the budget (or if the thread died), its failure. */
  async analyze(doc: SourceDocument): Promise<DocumentAnalysis> {
    try {
      return await this.run<DocumentAnalysis>({ kind: 'analyze', doc }, 'analysing it');
    } catch (err) {
      const reason = err instanceof OverBudgetError ? err.message : `could not be processed: ${err instanceof Error ? err.message : String(err)}`;
      return { ok: false, failure: { origin: doc.origin, reason } };
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
