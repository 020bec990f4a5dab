-- Search parts of one or two Hangul, kana or Han characters (a particle, 北, 정부) are shorter than a trigram, so
-- the trigram index (011) cannot serve them: a rare one was looked for by ILIKE in every unspaced article (1–1.7 s
-- at 100,000 articles). `grams` holds, for each unspaced article, every character of its title and text and every
-- pair of adjacent characters, lower-cased (as ILIKE compares), once each: a part of one or two letters or digits
-- (src/store/search-text.ts) occurs in the article exactly when it is an element of the array, which the GIN index
-- finds without reading an article. The PostgreSQL counterpart of the SQLite gram index (its migration 012).
-- Unlike SQLite's, it keeps the characters and pairs of every script, and pairs with a space or a mark: choosing
-- the Hangul, kana and Han ones with a pattern per element tripled the cost of making the array, while the few
-- hundred extra elements cost little, and no part asks for them.

-- The grams of a document (each once), or null when it holds no character of the blocks of migration 011's
-- `unspaced` test, so an article holds grams exactly when it is flagged unspaced. The pairs are cut in two
-- passes, from the first character and from the second, two characters at a time, with a separator (U+0001) the
-- cleaned text does not hold; were it there, it could only split a pair holding it, which no search asks for.
-- The column compares bytes (COLLATE "C"): the index only tests equality, and sorting its entries by the
-- language's rules cost time for nothing (8% of an insert's time with this column).
CREATE FUNCTION salvo_unspaced_grams(doc text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN doc ~ '[\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF\U00016FE0-\U00016FFF\U0001AFF0-\U0001B2FF\U0001F200-\U0001F2FF\U00020000-\U0003FFFF]' THEN ARRAY(
    SELECT g FROM unnest(array_remove(
      string_to_array(s, NULL)
      || string_to_array(regexp_replace(s, '(..)', E'\\1\x01', 'g'), E'\x01')
      || string_to_array(regexp_replace(substr(s, 2), '(..)', E'\\1\x01', 'g'), E'\x01'),
    '')) AS g GROUP BY g
  ) END
  FROM (SELECT lower(doc) AS s) d
$$;

ALTER TABLE articles ADD COLUMN grams text[] COLLATE "C" GENERATED ALWAYS AS (salvo_unspaced_grams(coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_grams ON articles USING gin (grams) WHERE unspaced;
