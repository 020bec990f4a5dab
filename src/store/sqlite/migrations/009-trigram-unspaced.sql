-- The trigram index (006-language.sql) holds only the articles whose title or text has a Hangul, kana or Han
-- character. It serves search parts in those scripts alone (SqliteStore.searchArticles), and such a part can
-- only occur in such an article; indexing every three-character sequence of the other articles cost most of an
-- ingest's write (2 of 2.8 CPU ms for a 5 KB English article).

-- 1 when the title or text holds a character of UNSPACED_SCRIPT (src/store/search-text.ts), written by the
-- store with the article; told for articles stored before by the same test, which the store registers as an
-- SQL function on every connection.
ALTER TABLE articles ADD COLUMN unspaced INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET unspaced = salvo_has_unspaced_script(coalesce(title, '') || char(10) || text);

DROP TRIGGER articles_trigram_insert;
DROP TRIGGER articles_trigram_delete;
DROP TRIGGER articles_trigram_update;
DROP TABLE articles_trigram;

CREATE VIRTUAL TABLE articles_trigram USING fts5(
  title,
  text,
  content = 'articles',
  content_rowid = 'rowid',
  tokenize = 'trigram'
);

-- Kept in step for the unspaced articles alone (an external-content index must be told of a row's removal
-- only when it holds the row).
CREATE TRIGGER articles_trigram_insert AFTER INSERT ON articles WHEN new.unspaced = 1 BEGIN
  INSERT INTO articles_trigram (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_trigram_delete AFTER DELETE ON articles WHEN old.unspaced = 1 BEGIN
  INSERT INTO articles_trigram (articles_trigram, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_trigram_update AFTER UPDATE OF title, text, unspaced ON articles BEGIN
  INSERT INTO articles_trigram (articles_trigram, rowid, title, text) SELECT 'delete', old.rowid, old.title, old.text WHERE old.unspaced = 1;
  INSERT INTO articles_trigram (rowid, title, text) SELECT new.rowid, new.title, new.text WHERE new.unspaced = 1;
END;

INSERT INTO articles_trigram (rowid, title, text) SELECT rowid, title, text FROM articles WHERE unspaced = 1;
