// The job queue that goes with a store: on PostgreSQL the one every process on the database shares, on the
// embedded store (one process) a queue in memory. Apart from open.ts so that commands that only read do not load
// the queue (and node:crypto and node:os with it).
import type { Store } from '../store/store.js';
import { MemoryJobQueue, type JobQueue } from '../store/job-queue.js';

/**
 * A job queue for a worker on `store`: on PostgreSQL the one every process on the database shares, on the
 * embedded store (one process) a queue in memory.
 */
export function openJobQueue(store: Store): JobQueue {
  return sharesQueue(store) ? store.jobQueue() : new MemoryJobQueue();
}

/** A store with a job queue of its own (PostgreSQL's), told apart without loading the PostgreSQL driver. */
const sharesQueue = (store: Store): store is Store & { jobQueue(): JobQueue } => typeof (store as { jobQueue?: unknown }).jobQueue === 'function';
