-- Change cursors (StoreSession.changesSince): each article row records the transaction that wrote it, so a
-- worker can read what other workers stored since it last looked instead of reloading everything. A cursor is
-- the oldest transaction still running when it was taken (pg_snapshot_xmin): every transaction older than that
-- had finished, so its rows were already visible; rows of younger ones are read again until the cursor passes
-- them. 64-bit transaction ids (xid8) do not wrap around.
ALTER TABLE articles ADD COLUMN written_xact xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX articles_by_written_xact ON articles (written_xact);
