// Threads for the CPU-bound part of ingest (reading pastes and uploads, cleaning, extracting), so the server's
// event loop keeps answering while a large paste is processed. One thread per core (piscina); each task has a
// time budget, and a task over it has its thread ended and fails with that reason: one document never stalls
// a batch or holds a thread for good.
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { PACKAGE_ROOT } from '../paths.js';
import type { IngestItem, SourceDocument } from '../types.js';
import type { PastedReport } from './ingestion.js';
import type { Prepared } from './prepared.js';
import type { PoolTask, TaskBody } from './worker.js';
import { DOCUMENT_BUDGET_MS, POOL_IDLE_MS } from '../settings.js';

// Always the built worker: the same module runs from src/ under the tests, and a thread cannot load TypeScript.
const WORKER = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'app', 'worker.js')).href;

/** A task given up on for taking longer than the budget. */
export class OverBudgetError extends Error {}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

export class DocumentPool {
  private readonly piscina: Piscina<PoolTask, IngestItem[] | Prepared>;

  constructor(private readonly budgetMs: number = DOCUMENT_BUDGET_MS, threads: number = availableParallelism()) {
    this.piscina = new Piscina({ filename: WORKER, minThreads: 0, maxThreads: Math.max(1, threads), idleTimeout: POOL_IDLE_MS });
  }

  /**
   * Runs a task in a thread. The budget starts when the thread starts the task (it says so on a port), so the time
   * a task waits for a free or a starting thread is not charged to it.
   */
  private async run<T extends IngestItem[] | Prepared>(task: TaskBody, what: string): Promise<T> {
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => abort.abort(), this.budgetMs);
    });
    try {
      return (await this.piscina.run({ ...task, started: port2 } as PoolTask, { signal: abort.signal, transferList: [port2] })) as T;
    } catch (err) {
      if (abort.signal.aborted) throw new OverBudgetError(`${what} took longer than the ${seconds(this.budgetMs)} budget per document`);
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
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

  /** Cleans and extracts one document in a thread; rejects with OverBudgetError past the budget. */
  prepare = (doc: SourceDocument): Promise<Prepared> => this.run<Prepared>({ kind: 'prepare', doc }, 'processing it');

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
