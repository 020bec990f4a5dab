-- Event summaries: what the event page, `salvo show` and the CSV show beside an event (each report's closest
-- other report, the estimated impact), computed when ingest writes the event so reading it compares nothing.
-- JSON StoredEventSummary (src/store/store.ts); a summary whose members differ from the event's is stale and
-- ignored; writing an event without a summary deletes its old one.
CREATE TABLE event_summaries (
  event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  summary  TEXT NOT NULL                          -- JSON text, read back as written
);
