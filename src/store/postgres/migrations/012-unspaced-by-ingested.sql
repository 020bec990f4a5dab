-- The articles holding Hangul, kana or Han, newest first: a search of a Korean or Japanese part reads these
-- first, stopping once it has found enough matches (PostgresSession.searchArticles, SEARCH_PROBE_ROWS), without
-- walking the English articles between them.
CREATE INDEX articles_unspaced_by_ingested ON articles(ingested_at, id) WHERE unspaced;
