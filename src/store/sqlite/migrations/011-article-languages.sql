-- An event's languages (SqliteStore.queryEvents, the event list and every export) and the language filter read
-- each report's `language`, which migration 006 added at the end of the row, behind the text: reaching it
-- walked the text's overflow pages (22 of the 22 CPU ms of a 50-event page on 100,000 stored articles). This
-- index holds the column beside the article id, so those reads never touch the row.
CREATE INDEX articles_language ON articles(id, language);
