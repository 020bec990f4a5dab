-- Rewrites of the event table on their own (StoreSession.writeEvents: `salvo db rebuild`, `salvo db check
-- --repair`) store no article, so the change cursor (changesSince), which follows the transactions that wrote
-- article rows, did not tell other workers: they kept grouping against the events they held before the rewrite.
-- Each such write bumps this generation in its own transaction (the row lock orders the bumps as their commits);
-- a change cursor carries the generation it was taken at, and changesSince tells when it has moved (a worker then
-- reads every event again). The PostgreSQL counterpart of SQLite's migration 013. One row.
CREATE TABLE event_rewrites (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  generation   BIGINT NOT NULL,
  rewritten_at TEXT
);
INSERT INTO event_rewrites (id, generation, rewritten_at) VALUES (1, 0, NULL);
