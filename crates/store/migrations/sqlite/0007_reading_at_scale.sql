-- The audit log is listed newest first by time, filtered by any combination of who, what and
-- when. Each combination of who and what has an index ending in `at`: it bounds the period and
-- yields the rows in the listed order (the rowid, last in every index, breaks ties), so no
-- query sorts or skips over events outside the period.
DROP INDEX audit_events_actor;
DROP INDEX audit_events_action;
CREATE INDEX audit_events_actor_at ON audit_events(actor_id, at);
CREATE INDEX audit_events_action_at ON audit_events(action, at);
CREATE INDEX audit_events_actor_action_at ON audit_events(actor_id, action, at);

-- The logbook search reads the words of the approach's own entries (ADR 0009) instead of a
-- full-text index over the whole country: `log_search` becomes a plain table of each entry's
-- words, kept beside `log_entries` so that the timeline's rows stay small.
CREATE TABLE log_words (
    entry_id INTEGER PRIMARY KEY REFERENCES log_entries(id) ON DELETE CASCADE,
    document TEXT NOT NULL
);
INSERT INTO log_words (entry_id, document) SELECT rowid, document FROM log_search;
DROP TABLE log_search;
ALTER TABLE log_words RENAME TO log_search;
