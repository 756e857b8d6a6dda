-- A person's newest notifications, read or not, without sorting all of them (the list page
-- shows the newest first; the unread count keeps using notifications_user).
CREATE INDEX notifications_newest ON notifications(user_id, id);

-- The logbook's search index gets the approach (see `search_scope` in the store), indexed with
-- the words, so that a search is narrowed to one approach inside the index.
ALTER TABLE log_search ADD COLUMN scope TEXT NOT NULL DEFAULT '';
UPDATE log_search s SET scope = '/aanpak/' || e.approach_id FROM log_entries e WHERE e.id = s.entry_id;
DROP INDEX log_search_words;
CREATE INDEX log_search_words ON log_search USING GIN (to_tsvector('simple', scope || ' ' || document));
