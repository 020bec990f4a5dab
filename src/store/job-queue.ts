// The job queue through which several `salvo watch` processes share their work, a storage contract beside Store
// with an in-memory implementation for SQLite: a job is claimed by one worker at a time under a lease, renewed
// while it runs, and claimed again by another worker once the lease runs out (its worker died). Failed jobs go back to the queue with a delay (backoff).
//
// On PostgreSQL the queue is a table in Salvo's own schema claimed with SELECT … FOR UPDATE SKIP LOCKED
// (src/store/postgres/job-queue.ts) rather than a library such as pg-boss: the two operations needed (claim
// one due job under a lease, finish it) are one statement each; jobs live in the same schema as the data, so
// a schema per test run, `salvo db migrate` and backups cover them with nothing else to install, create or
// maintain; and leases use the server's clock. With SQLite (one process) the same interface is kept in memory
// (`MemoryJobQueue`): a restarted watcher rebuilds its jobs from the items the database still holds pending.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A job to add: `kind` and `key` name it (adding the same one again adds nothing). */
export interface JobSpec {
  kind: string;
  key: string;
  /** Jobs claimed together (say, one source's fetches); '' by default. */
  group?: string;
  payload?: Record<string, string>;
}

export interface Job {
  id: string;
  kind: string;
  key: string;
  group: string;
  payload: Record<string, string>;
  /** How many times the job has been claimed, this claim included. */
  attempts: number;
}

export interface ClaimQuery {
  kind: string;
  group?: string;
  /** Only a job with one of these keys. */
  keys?: string[];
  /** Jobs already claimed by the caller in this round, not to be claimed again. */
  except?: string[];
  /** Claim a pending job even when its time has not come (a poll asked for now, `--once`). */
  early?: boolean;
  leaseMs: number;
}

/**
 * Where jobs wait. Every method that finishes or renews a job resolves false when the caller no longer holds
 * it (its lease ran out and another worker took the job over), and changes nothing then.
 */
export interface JobQueue {
  /** Who claims: unique per queue (host, process, random part). */
  readonly worker: string;
  /** Adds the jobs not already queued; resolves to how many were added. */
  enqueue(jobs: JobSpec[]): Promise<number>;
  /** The next claimable job (pending and due, or running with its lease run out), leased to this worker. */
  claim(query: ClaimQuery): Promise<Job | null>;
  /** Extends the lease of a job this worker holds. */
  renew(job: Job, leaseMs: number): Promise<boolean>;
  /** The job is done for good. */
  complete(job: Job): Promise<boolean>;
  /** Back to pending, claimable again after `delayMs` (a retry's backoff, or a poll's interval). */
  later(job: Job, delayMs: number, error: string | null): Promise<boolean>;
  /** The job failed for good. */
  fail(job: Job, error: string): Promise<boolean>;
}

/** A worker name for messages and lease owners: host, process id and a random part. */
export function workerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Runs `fn` while renewing the job's lease every third of its length, so a live worker keeps its job however
 * long it takes and a dead one loses it after one lease.
 */
export async function whileLeased<T>(queue: JobQueue, job: Job, leaseMs: number, fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    queue.renew(job, leaseMs).catch(() => undefined);
  }, Math.max(1, Math.floor(leaseMs / 3)));
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

interface MemoryJob extends Job {
  status: 'pending' | 'running';
  runAt: number;
  lockedBy: string | null;
  lockedUntil: number;
  lastError: string | null;
}

/**
 * The queue of one process (the embedded SQLite store): the same rules, kept in memory. A finished job is
 * forgotten, so memory holds only the work still to do; what must never be done twice (an item's fetch) is
 * remembered by the database, which enqueues only items still pending.
 */
export class MemoryJobQueue implements JobQueue {
  readonly worker = workerName();
  /** By kind and key. */
  private readonly jobs = new Map<string, MemoryJob>();
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  async enqueue(jobs: JobSpec[]): Promise<number> {
    let added = 0;
    for (const spec of jobs) {
      const name = `${spec.kind}\u0000${spec.key}`;
      if (this.jobs.has(name)) continue;
      const id = String(this.nextId++);
      this.jobs.set(name, {
        id, kind: spec.kind, key: spec.key, group: spec.group ?? '', payload: spec.payload ?? {}, attempts: 0,
        status: 'pending', runAt: this.now(), lockedBy: null, lockedUntil: 0, lastError: null,
      });
      added++;
    }
    return added;
  }

  async claim(q: ClaimQuery): Promise<Job | null> {
    const now = this.now();
    const except = new Set(q.except ?? []);
    const candidates = [...this.jobs.values()]
      .filter((j) => j.kind === q.kind && (q.group === undefined || j.group === q.group) && (!q.keys || q.keys.includes(j.key)) && !except.has(j.id))
      .filter((j) => (j.status === 'pending' && (q.early || j.runAt <= now)) || (j.status === 'running' && j.lockedUntil < now))
      .sort((a, b) => a.runAt - b.runAt || Number(a.id) - Number(b.id));
    const job = candidates[0];
    if (!job) return null;
    Object.assign(job, { status: 'running', lockedBy: this.worker, lockedUntil: now + q.leaseMs, attempts: job.attempts + 1 });
    return { id: job.id, kind: job.kind, key: job.key, group: job.group, payload: job.payload, attempts: job.attempts };
  }

  private held(job: Job): MemoryJob | null {
    const j = this.jobs.get(`${job.kind}\u0000${job.key}`);
    return j && j.id === job.id && j.status === 'running' && j.lockedBy === this.worker ? j : null;
  }

  async renew(job: Job, leaseMs: number): Promise<boolean> {
    const j = this.held(job);
    if (j) j.lockedUntil = this.now() + leaseMs;
    return j !== null;
  }

  async complete(job: Job): Promise<boolean> {
    return this.forget(job);
  }

  async later(job: Job, delayMs: number, error: string | null): Promise<boolean> {
    const j = this.held(job);
    if (j) Object.assign(j, { status: 'pending', runAt: this.now() + delayMs, lockedBy: null, lockedUntil: 0, lastError: error });
    return j !== null;
  }

  async fail(job: Job): Promise<boolean> {
    return this.forget(job);
  }

  private forget(job: Job): boolean {
    const j = this.held(job);
    if (j) this.jobs.delete(`${job.kind}\u0000${job.key}`);
    return j !== null;
  }
}
