-- Languages: the language each article is written in ('en', 'ko' or 'ja', src/types.ts LANGUAGES). Korean and
-- Japanese search needs nothing new here: the trigram index of 002-search.sql already finds words inside
-- longer runs of those scripts.
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
-- Articles stored before, by their headline's script: a Korean headline is written in Hangul, a Japanese one
-- holds kana. (Ingest tells languages apart by counting every letter, src/ingest/language.ts; a database
-- copied from SQLite with `salvo db copy` gets those values.)
UPDATE articles SET language = CASE
  WHEN coalesce(title, '') ~ '[가-힣]' THEN 'ko'
  WHEN coalesce(title, '') ~ '[ぁ-ヿ]' THEN 'ja'
  ELSE 'en'
END;
-- The API lists articles of one language newest first.
CREATE INDEX articles_by_language ON articles(language, ingested_at, id);
