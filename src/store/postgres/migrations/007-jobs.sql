-- The job queue shared by every salvo process on the database (src/store/postgres/job-queue.ts): feed polls
-- (one permanent job per source, rescheduled after each poll) and article fetches (one job per feed item,
-- ever). A worker claims a job with SELECT … FOR UPDATE SKIP LOCKED and leases it until `locked_until`; a job
-- still 'running' after its lease ran out belongs to a worker that died and is claimed again. Times are the
-- server's clock (now()), so workers on machines whose clocks differ agree on when a lease ran out.

CREATE TABLE jobs (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         TEXT COLLATE "C" NOT NULL,             -- 'poll' | 'fetch'
  key          TEXT COLLATE "C" NOT NULL,             -- what the job is about: enqueueing the same one twice adds nothing
  grp          TEXT COLLATE "C" NOT NULL DEFAULT '',  -- the jobs claimed together (a source's fetches)
  payload      JSONB NOT NULL DEFAULT '{}',
  status       TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,            -- claims so far
  run_at       TIMESTAMPTZ NOT NULL DEFAULT now(),    -- not claimed before (a retry's backoff, a poll's interval)
  locked_by    TEXT,
  locked_until TIMESTAMPTZ,
  last_error   TEXT,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at  TIMESTAMPTZ,
  UNIQUE (kind, key)
);
CREATE INDEX jobs_claimable ON jobs(kind, grp, status, run_at);
