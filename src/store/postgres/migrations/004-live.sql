-- Live: the sources `salvo watch` polls, the items it has seen, the alerts derived from event versions, and
-- the log of their deliveries to webhooks.

CREATE TABLE watch_sources (
  url           TEXT COLLATE "C" PRIMARY KEY,
  kind          TEXT NOT NULL,                      -- 'feed' (RSS or Atom) | 'sitemap' | 'auto'
  interval_s    DOUBLE PRECISION NOT NULL,
  active        SMALLINT NOT NULL DEFAULT 1,        -- 0 once it is no longer in the config
  last_poll     TEXT,
  last_success  TEXT,
  last_error    TEXT,                               -- NULL when the last poll went well
  etag          TEXT,
  last_modified TEXT,
  added_at      TEXT NOT NULL
);

-- Every item a source has listed, once. `seq` keeps the order items were first recorded (SQLite's rowid).
CREATE TABLE watch_items (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY,
  source_url TEXT COLLATE "C" NOT NULL,
  item_key   TEXT COLLATE "C" NOT NULL,             -- guid / Atom id / link / sitemap loc
  url        TEXT NOT NULL,
  first_seen TEXT COLLATE "C" NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  article_id TEXT,
  done_at    TEXT,
  PRIMARY KEY (source_url, item_key)
);
CREATE INDEX watch_items_pending ON watch_items(source_url, status);

-- What an analyst is told: an event appeared, a value changed, or independent sources started to disagree.
CREATE TABLE alerts (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id         TEXT COLLATE "C" NOT NULL UNIQUE,       -- EVENT#VERSION, or EVENT#VERSION:disputed:FIELDS
  kind       TEXT NOT NULL CHECK (kind IN ('new-event', 'field-changed', 'disputed')),
  event_id   TEXT COLLATE "C" NOT NULL,
  version    INTEGER NOT NULL,
  payload    TEXT NOT NULL,                         -- the JSON sent to webhooks
  created_at TEXT NOT NULL
);
CREATE INDEX alerts_by_event ON alerts(event_id, version);

-- Per webhook, the last alert queued for it: a webhook added later gets alerts from then on, not the backlog.
CREATE TABLE webhooks (
  url      TEXT COLLATE "C" PRIMARY KEY,
  cursor   BIGINT NOT NULL,
  added_at TEXT NOT NULL
);

-- One row per alert and webhook: delivered once, retried with backoff until then.
CREATE TABLE webhook_deliveries (
  alert_id     TEXT COLLATE "C" NOT NULL REFERENCES alerts(id),
  webhook_url  TEXT COLLATE "C" NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  next_attempt TEXT COLLATE "C",
  last_error   TEXT,
  delivered_at TEXT,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (alert_id, webhook_url)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt);
