-- Live: the sources `salvo watch` polls, the items it has seen, the alerts derived from event
-- versions, and the log of their deliveries to webhooks.

-- A feed or sitemap from the watch config, with what the last poll found.
CREATE TABLE watch_sources (
  url TEXT PRIMARY KEY,
  kind TEXT NOT NULL,                  -- 'feed' (RSS or Atom) | 'sitemap' | 'auto'
  interval_s REAL NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,   -- 0 once it is no longer in the config
  last_poll TEXT,
  last_success TEXT,
  last_error TEXT,                     -- NULL when the last poll went well
  etag TEXT,
  last_modified TEXT,
  added_at TEXT NOT NULL
);

-- Every item a source has listed, once: the watcher fetches and ingests an item until it is done or has
-- failed for good, so a restart neither ingests it twice nor loses it.
CREATE TABLE watch_items (
  source_url TEXT NOT NULL,
  item_key TEXT NOT NULL,              -- guid / Atom id / link / sitemap loc
  url TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  article_id TEXT,
  done_at TEXT,
  PRIMARY KEY (source_url, item_key)
);
CREATE INDEX watch_items_pending ON watch_items(source_url, status);

-- What an analyst is told: an event appeared (version 1), a value changed (a later version), or independent
-- sources started to disagree on a field. Written with the event version, in the same transaction.
CREATE TABLE alerts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,             -- EVENT#VERSION, or EVENT#VERSION:disputed:FIELDS
  kind TEXT NOT NULL CHECK (kind IN ('new-event', 'field-changed', 'disputed')),
  event_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload TEXT NOT NULL,               -- the JSON sent to webhooks
  created_at TEXT NOT NULL
);
CREATE INDEX alerts_by_event ON alerts(event_id, version);

-- Per webhook, the last alert queued for it: a webhook added later gets alerts from then on, not the backlog.
CREATE TABLE webhooks (
  url TEXT PRIMARY KEY,
  cursor INTEGER NOT NULL,
  added_at TEXT NOT NULL
);

-- One row per alert and webhook: delivered once, retried with backoff until then.
CREATE TABLE webhook_deliveries (
  alert_id TEXT NOT NULL REFERENCES alerts(id),
  webhook_url TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt TEXT,
  last_error TEXT,
  delivered_at TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (alert_id, webhook_url)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt);
