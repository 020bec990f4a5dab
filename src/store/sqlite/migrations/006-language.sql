-- Languages: the language each article is written in, and a second full-text index for Korean and Japanese.

-- 'en', 'ko' or 'ja' (src/types.ts LANGUAGES). No CHECK: SQLite cannot drop one without rebuilding the table,
-- and the store writes only known languages.
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
-- Articles stored before: told by the very detector ingest uses (src/ingest/language.ts), which the store
-- registers as an SQL function on every connection.
UPDATE articles SET language = salvo_detect_language(coalesce(title, '') || char(10) || text);
-- The API lists articles of one language newest first.
CREATE INDEX articles_by_language ON articles(language, ingested_at, id);

-- The unicode61 index (002-search.sql) cuts text at spaces and punctuation, so a Korean noun with its particle
-- ("북한이") or a Japanese sentence (no spaces at all) is one token there, and a word inside it is never found.
-- The trigram tokenizer indexes every three-character sequence instead: any substring of three or more
-- characters is found. SqliteStore.searchArticles uses it for query words in Hangul, kana or Han characters.
-- External content, kept in step by triggers, as articles_fts is.
CREATE VIRTUAL TABLE articles_trigram USING fts5(
  title,
  text,
  content = 'articles',
  content_rowid = 'rowid',
  tokenize = 'trigram'
);

CREATE TRIGGER articles_trigram_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_trigram (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_trigram_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_trigram (articles_trigram, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_trigram_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_trigram (articles_trigram, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
  INSERT INTO articles_trigram (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- Articles already stored.
INSERT INTO articles_trigram (articles_trigram) VALUES ('rebuild');
