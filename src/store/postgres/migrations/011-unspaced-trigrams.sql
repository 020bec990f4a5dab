-- The trigram index serves one kind of search only: Korean, Japanese and Chinese words looked for as
-- substrings (src/store/postgres/search.ts). A text can hold such a word only if it holds a character of
-- those scripts, yet the index took the trigrams of every article: thousands per 5 KB English text, about
-- half of the server's time per ingested article. It now keeps only the articles flagged `unspaced`, and the
-- search asks for the flag beside its substrings, so the planner uses the partial index and the answers stay
-- the same.
-- `unspaced`: the title or text holds a character of the Unicode blocks of Hangul, kana and Han (Jamo,
-- CJK radicals to unified ideographs, Hangul syllables, compatibility ideographs, half- and full-width forms,
-- kana supplements, enclosed ideographs, planes 2 and 3). The blocks hold every character of the scripts
-- that UNSPACED_SCRIPT (src/store/search-text.ts) names and a few more (CJK punctuation, full-width Latin),
-- which only flag an article that needs no flag; test/search-text.test.ts checks they cover the scripts.
ALTER TABLE articles ADD COLUMN unspaced BOOLEAN GENERATED ALWAYS AS (
  (coalesce(title, '') || ' ' || text) ~ '[\u1100-\u11FF\u2E80-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFF00-\uFFEF\U00016FE0-\U00016FFF\U0001AFF0-\U0001B2FF\U0001F200-\U0001F2FF\U00020000-\U0003FFFF]'
) STORED;
DROP INDEX articles_search_trgm;
CREATE INDEX articles_search_trgm ON articles USING gin ((coalesce(title, '') || ' ' || text) public.gin_trgm_ops) WHERE unspaced;
