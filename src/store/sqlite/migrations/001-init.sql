-- Salvo schema v1. Structured columns for what an HTTP API filters or sorts on; JSON text for nested values
-- that are only ever read whole. Timestamps are ISO-8601 UTC strings.

CREATE TABLE articles (
  id                TEXT PRIMARY KEY,          -- content hash (sha256 hex)
  external_id       TEXT,
  origin            TEXT NOT NULL,
  format            TEXT NOT NULL,
  url               TEXT,
  source            TEXT,
  published_date    TEXT,                      -- YYYY-MM-DD; the three published_* are all null or date is set
  published_instant TEXT,
  published_via     TEXT,
  title             TEXT,
  text              TEXT NOT NULL,             -- kept as a plain column so an FTS5 index can use it as content
  paragraphs        TEXT NOT NULL,             -- JSON Span[]
  sentences         TEXT NOT NULL,             -- JSON Span[]
  removed           TEXT NOT NULL,             -- JSON RemovedBlock[]
  ingested_at       TEXT NOT NULL
);

CREATE TABLE extractions (
  article_id        TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  is_launch_report  INTEGER NOT NULL CHECK (is_launch_report IN (0, 1)),
  report_confidence REAL NOT NULL,
  actor             TEXT,
  weekday           INTEGER,
  fields            TEXT NOT NULL,             -- JSON {field: claims.idx} of the chosen claim per field
  created_at        TEXT NOT NULL
);

CREATE TABLE claims (
  id             INTEGER PRIMARY KEY,
  article_id     TEXT NOT NULL REFERENCES extractions(article_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,             -- position in the extraction's claims array
  field          TEXT NOT NULL,
  value          TEXT NOT NULL,                -- JSON, so booleans, numbers and strings keep their type
  surface        TEXT NOT NULL,
  part           TEXT NOT NULL CHECK (part IN ('title', 'text')),
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  sentence       TEXT NOT NULL,
  attribution    TEXT,
  said_by        TEXT,
  confidence     REAL NOT NULL,
  parser         TEXT NOT NULL,
  implied        INTEGER NOT NULL CHECK (implied IN (0, 1))
);
-- Serves lookups by article (its leading column) and keeps claim positions unique.
CREATE UNIQUE INDEX claims_by_article ON claims(article_id, idx);

CREATE TABLE events (
  id         TEXT PRIMARY KEY,
  actor      TEXT,
  date_local TEXT,                             -- YYYY-MM-DD or null when undated
  weekday    INTEGER,
  fields     TEXT NOT NULL,                    -- JSON Record<FieldName, EventField>
  updated_at TEXT NOT NULL
);
CREATE INDEX events_by_date ON events(date_local);

CREATE TABLE event_articles (
  event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,                 -- order of LaunchEvent.articleIds, so it round-trips
  PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_by_article ON event_articles(article_id);
