-- Full-text search over article title and text with PostgreSQL's own means:
-- * an English tsvector (stemmed, title weighted above text) kept by the database as a generated column,
--   for words of space-separated scripts;
-- * a trigram index (pg_trgm) over the same text, for Korean and Japanese words, which the English parser
--   cannot cut out of a sentence (no spaces in Japanese; particles glued to Korean nouns): those are found by
--   substring (ILIKE), which the trigram index serves.
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. It goes in `public` so
-- every Salvo schema in the database shares one copy.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

ALTER TABLE articles ADD COLUMN search_en tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, text), 'B')
) STORED;
CREATE INDEX articles_search_en ON articles USING gin (search_en);
CREATE INDEX articles_search_trgm ON articles USING gin ((coalesce(title, '') || ' ' || text) public.gin_trgm_ops);

-- The API lists articles newest first, in pages.
CREATE INDEX articles_by_ingested ON articles(ingested_at, id);

-- The API filters events by class and site; these indexes use the very expressions of PostgresStore's filters.
CREATE INDEX events_by_class ON events(((fields::jsonb) -> 'class' ->> 'value'), date_local);
CREATE INDEX events_by_site ON events(((fields::jsonb) -> 'site' ->> 'value'), date_local);
