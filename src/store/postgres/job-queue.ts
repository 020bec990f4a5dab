// The job queue on PostgreSQL (table `jobs`, migration 007): claimed with SELECT … FOR UPDATE SKIP LOCKED, so
// any number of workers on any number of machines each take a different job without waiting on each other;
// leases and backoff delays run on the server's clock. The rules are those of src/store/job-queue.ts.
import type { ClaimQuery, Job, JobQueue, JobSpec } from '../job-queue.js';
import { workerName } from '../job-queue.js';
import type { Connection } from './connection.js';

interface JobRow {
  id: number;
  kind: string;
  key: string;
  grp: string;
  payload: Record<string, string>;
  attempts: number;
}

const toJob = (r: JobRow): Job => ({ id: String(r.id), kind: r.kind, key: r.key, group: r.grp, payload: r.payload, attempts: r.attempts });

export class PostgresJobQueue implements JobQueue {
  readonly worker = workerName();

  constructor(private readonly db: Connection) {}

  async enqueue(jobs: JobSpec[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const r = await this.db.query(
      `INSERT INTO jobs (kind, key, grp, payload, status)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS j(kind, key, grp, payload), (VALUES ('pending')) AS s(status)
       ON CONFLICT (kind, key) DO NOTHING`,
      [jobs.map((j) => j.kind), jobs.map((j) => j.key), jobs.map((j) => j.group ?? ''), jobs.map((j) => JSON.stringify(j.payload ?? {}))],
    );
    return r.rowCount;
  }

  async claim(q: ClaimQuery): Promise<Job | null> {
    const { rows } = await this.db.query<JobRow>(
      `UPDATE jobs SET status = 'running', locked_by = $1, locked_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
       WHERE id = (
         SELECT id FROM jobs
         WHERE kind = $3 AND ($4::text IS NULL OR grp = $4) AND ($5::text[] IS NULL OR key = ANY($5)) AND NOT (id = ANY($6::bigint[]))
           AND ((status = 'pending' AND ($7 OR run_at <= now())) OR (status = 'running' AND locked_until < now()))
         ORDER BY run_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, key, grp, payload, attempts`,
      [this.worker, q.leaseMs, q.kind, q.group ?? null, q.keys ?? null, q.except ?? [], q.early === true],
    );
    return rows.length ? toJob(rows[0]) : null;
  }

  async renew(job: Job, leaseMs: number): Promise<boolean> {
    return this.update(job, `locked_until = now() + $3 * interval '1 millisecond'`, [leaseMs]);
  }

  async complete(job: Job): Promise<boolean> {
    return this.update(job, `status = 'done', locked_by = NULL, locked_until = NULL, last_error = NULL, finished_at = now()`, []);
  }

  async later(job: Job, delayMs: number, error: string | null): Promise<boolean> {
    return this.update(job, `status = 'pending', locked_by = NULL, locked_until = NULL, run_at = now() + $3 * interval '1 millisecond', last_error = $4`, [delayMs, error]);
  }

  async fail(job: Job, error: string): Promise<boolean> {
    return this.update(job, `status = 'failed', locked_by = NULL, locked_until = NULL, last_error = $3, finished_at = now()`, [error]);
  }

  /** Changes a job this worker still holds; `set` uses $3… for `params`. */
  private async update(job: Job, set: string, params: unknown[]): Promise<boolean> {
    const r = await this.db.query(`UPDATE jobs SET ${set} WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [job.id, this.worker, ...params]);
    return r.rowCount === 1;
  }
}
