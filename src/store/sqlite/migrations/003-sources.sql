-- Sources: how an event lines up with the reference list, which articles copy which, and the
-- history of every event.

-- The event's match in the bundled reference list (JSON ReferenceAlignment), or NULL.
ALTER TABLE events ADD COLUMN reference TEXT;

-- MinHash signature of each article's text (128 × uint32, little-endian), to find copies of later reports.
CREATE TABLE article_signatures (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  minhash BLOB NOT NULL
);

-- An article that copies (syndicated duplicate) or rewrites another: it adds no independent support.
CREATE TABLE copy_links (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('duplicate', 'rewrite')),
  similarity REAL NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX copy_links_by_original ON copy_links(original_id);

-- Every change of an event: version 1 when it appears, a new version whenever a report changes a field.
-- Kept when an event is merged away, so the record of what was believed stays.
CREATE TABLE event_versions (
  event_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  article_id TEXT,
  changes TEXT NOT NULL,
  PRIMARY KEY (event_id, version)
);
