-- Search parts of one or two Hangul, kana or Han characters (a particle, 北, 정부) are below what the trigram
-- index (009) can match, and were found by LIKE over every unspaced article, newest or not, however rare or
-- common the part (SqliteStore.searchArticles). This index holds, for each unspaced article, every such
-- character and every pair of adjacent letters or digits with one of them (unspacedGrams in
-- src/store/search-text.ts, registered as an SQL function on every connection), once each: a part of one or two
-- characters is one of its tokens, matched without reading an article. Contentless with detail=none (which
-- articles hold a gram is all a search asks): nothing is stored twice, and a deleted article's grams are
-- removed by rowid (contentless_delete, SQLite 3.43).
CREATE VIRTUAL TABLE articles_grams USING fts5(
  grams,
  content = '',
  contentless_delete = 1,
  detail = none,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER articles_grams_insert AFTER INSERT ON articles WHEN new.unspaced = 1 BEGIN
  INSERT INTO articles_grams (rowid, grams) VALUES (new.rowid, salvo_unspaced_grams(new.title, new.text));
END;
CREATE TRIGGER articles_grams_delete AFTER DELETE ON articles WHEN old.unspaced = 1 BEGIN
  DELETE FROM articles_grams WHERE rowid = old.rowid;
END;
CREATE TRIGGER articles_grams_update AFTER UPDATE OF title, text, unspaced ON articles BEGIN
  DELETE FROM articles_grams WHERE rowid = old.rowid AND old.unspaced = 1;
  INSERT INTO articles_grams (rowid, grams) SELECT new.rowid, salvo_unspaced_grams(new.title, new.text) WHERE new.unspaced = 1;
END;

INSERT INTO articles_grams (rowid, grams) SELECT rowid, salvo_unspaced_grams(title, text) FROM articles WHERE unspaced = 1;

-- How many articles hold each gram, and each trigram of the trigram index, read from the indexes themselves
-- (fts5vocab): a search part found in most articles tells "about N results" without counting them.
CREATE VIRTUAL TABLE articles_grams_words USING fts5vocab(articles_grams, 'row');
CREATE VIRTUAL TABLE articles_trigram_words USING fts5vocab(articles_trigram, 'row');
