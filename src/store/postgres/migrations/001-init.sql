-- Salvo schema v1 on PostgreSQL: the same tables and columns as SQLite's 001-init.sql, so rows.ts maps both and
-- `salvo db copy` moves rows as they are. Flags stay 0/1 smallints and timestamps ISO-8601 UTC text, as there.
-- Keys and sortable text use the "C" collation: byte order, like SQLite, whatever the database's locale.

CREATE TABLE articles (
  id                TEXT COLLATE "C" PRIMARY KEY,   -- content hash (sha256 hex)
  external_id       TEXT,
  origin            TEXT NOT NULL,
  format            TEXT NOT NULL,
  url               TEXT,
  source            TEXT,
  published_date    TEXT COLLATE "C",               -- YYYY-MM-DD; the three published_* are all null or date is set
  published_instant TEXT,
  published_via     TEXT,
  title             TEXT,
  text              TEXT NOT NULL,
  paragraphs        TEXT NOT NULL,                  -- JSON Span[], only ever read whole
  sentences         TEXT NOT NULL,                  -- JSON Span[]
  removed           TEXT NOT NULL,                  -- JSON RemovedBlock[]
  ingested_at       TEXT COLLATE "C" NOT NULL
);

CREATE TABLE extractions (
  article_id        TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  is_launch_report  SMALLINT NOT NULL CHECK (is_launch_report IN (0, 1)),
  report_confidence DOUBLE PRECISION NOT NULL,
  actor             TEXT,
  weekday           INTEGER,
  fields            TEXT NOT NULL,                  -- JSON {field: claims.idx} of the chosen claim per field
  created_at        TEXT NOT NULL
);

CREATE TABLE claims (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id     TEXT COLLATE "C" NOT NULL REFERENCES extractions(article_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,                  -- position in the extraction's claims array
  field          TEXT NOT NULL,
  value          TEXT NOT NULL,                     -- JSON text, so booleans, numbers and strings keep their type
  surface        TEXT NOT NULL,
  part           TEXT NOT NULL CHECK (part IN ('title', 'text')),
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  sentence       TEXT NOT NULL,
  attribution    TEXT,
  said_by        TEXT,
  confidence     DOUBLE PRECISION NOT NULL,
  parser         TEXT NOT NULL,
  implied        SMALLINT NOT NULL CHECK (implied IN (0, 1))
);
CREATE UNIQUE INDEX claims_by_article ON claims(article_id, idx);

-- `fields` stays JSON text so an event reads back byte for byte; the class and site filters index it as jsonb.
CREATE TABLE events (
  id         TEXT COLLATE "C" PRIMARY KEY,
  actor      TEXT,
  date_local TEXT COLLATE "C",                      -- YYYY-MM-DD or null when undated
  weekday    INTEGER,
  fields     TEXT NOT NULL,                         -- JSON Record<FieldName, EventField>
  updated_at TEXT NOT NULL
);
CREATE INDEX events_by_date ON events(date_local);

CREATE TABLE event_articles (
  event_id   TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,                      -- order of LaunchEvent.articleIds, so it round-trips
  PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_by_article ON event_articles(article_id);

-- Bumped after every committed write, by any process: PostgresStore.dataVersion reads it, so a reader (an API
-- replica's answer cache) can tell its cached answers are stale.
CREATE SEQUENCE data_version;
