-- Rewrites of the event table on their own (StoreSession.writeEvents: `salvo db rebuild`, `salvo db check
-- --repair`) store no article, so the change cursor (changesSince), which follows article rows, did not tell other
-- processes: an ingest worker kept grouping against the events it held before the rewrite. Each such write bumps
-- this generation in its own transaction; a change cursor carries the generation it was taken at, and
-- changesSince tells when it has moved (the holder of a resolver then reads every event again). One row.
CREATE TABLE event_rewrites (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  generation   INTEGER NOT NULL,
  rewritten_at TEXT
);
INSERT INTO event_rewrites (id, generation, rewritten_at) VALUES (1, 0, NULL);
