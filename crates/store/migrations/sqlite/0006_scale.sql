-- A person's newest notifications, read or not, without sorting all of them (the list page
-- shows the newest first; the unread count keeps using notifications_user).
CREATE INDEX notifications_newest ON notifications(user_id, id);

-- The logbook's search index gets a column with the approach (see `search_scope` in the store),
-- so that a search is narrowed to one approach inside the index. FTS5 tables cannot gain a
-- column: a new one is filled from the old one.
CREATE VIRTUAL TABLE log_search_scoped USING fts5(entry_id UNINDEXED, scope, document, tokenize = 'unicode61');
INSERT INTO log_search_scoped (rowid, entry_id, scope, document)
    SELECT s.rowid, s.entry_id, 'aanpak' || e.approach_id, s.document
    FROM log_search s JOIN log_entries e ON e.id = s.rowid;
DROP TABLE log_search;
ALTER TABLE log_search_scoped RENAME TO log_search;
