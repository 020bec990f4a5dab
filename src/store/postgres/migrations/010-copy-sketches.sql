-- Copy detection reads each stored text's shingles instead of splitting the text again, and looks up
-- near-duplicates among originals only (an article stored as a copy is found through its original).

-- The sorted distinct 32-bit hashes of the text's word shingles (little-endian), NULL for articles stored
-- before this column (their text is shingled when they are compared).
ALTER TABLE article_signatures ADD COLUMN shingles BYTEA;
-- True when the signature belongs in the near-duplicate index: the article was not a copy when stored.
ALTER TABLE article_signatures ADD COLUMN indexed BOOLEAN NOT NULL DEFAULT true;
UPDATE article_signatures SET indexed = false WHERE article_id IN (SELECT article_id FROM copy_links);
