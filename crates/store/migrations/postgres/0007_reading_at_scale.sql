-- The audit log is listed newest first by time, filtered by any combination of who, what and
-- when. Each combination of who and what has an index ending in (at, id): it bounds the period
-- and yields the rows in the listed order, so no query sorts or skips over events outside the
-- period.
DROP INDEX audit_events_actor;
DROP INDEX audit_events_action;
CREATE INDEX audit_events_actor_at ON audit_events(actor_id, at, id);
CREATE INDEX audit_events_action_at ON audit_events(action, at, id);
CREATE INDEX audit_events_actor_action_at ON audit_events(actor_id, action, at, id);

-- The logbook search reads the words of the approach's own entries (ADR 0009) instead of a
-- text-search index over the whole country: `log_search` keeps each entry's words only.
DROP INDEX log_search_words;
ALTER TABLE log_search DROP COLUMN scope;
