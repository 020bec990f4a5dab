-- The words of the full-text index with the number of articles holding each (fts5vocab, read from the index
-- itself: nothing is stored twice), so a search for a word found in most articles tells "about N results"
-- without counting them (SqliteStore.searchArticles, SEARCH_RANKED_MAX).
CREATE VIRTUAL TABLE articles_fts_words USING fts5vocab(articles_fts, 'row');
