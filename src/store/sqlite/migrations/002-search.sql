-- Full-text search over article title and text (SQLite FTS5), for the HTTP API's /api/search.
-- An external-content table: the words are indexed, the text itself stays in `articles` (no second copy).
-- Triggers keep the index in step with every insert, update and delete of an article. The index refers to
-- articles by rowid: after a VACUUM (which may renumber rowids of a table without an INTEGER PRIMARY KEY) run
-- INSERT INTO articles_fts(articles_fts) VALUES ('rebuild').
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title,
  text,
  content = 'articles',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Articles already stored by schema v1.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- The API lists articles newest first, in pages.
CREATE INDEX articles_by_ingested ON articles(ingested_at, id);

-- The API filters events by class and site, which live in the fields JSON; these indexes use the very
-- expressions of SqliteStore.queryEvents, so a filtered page does not parse every event's JSON.
CREATE INDEX events_by_class ON events(json_extract(fields, '$.class.value'), date_local);
CREATE INDEX events_by_site ON events(json_extract(fields, '$.site.value'), date_local);
