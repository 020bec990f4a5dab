-- For a launch report with no launch date: the dates it can have been written in, from the office-holders it
-- names (JSON {from, to, by}), or NULL.
ALTER TABLE extractions ADD COLUMN date_window TEXT;
