-- The logbook of an approach: meetings, decisions, actions and links in one table (the columns
-- of one kind are empty for the others), the parties and knooppunten an entry concerns, and the
-- words the logbook's search finds an entry by.

CREATE TABLE log_entries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- The party that recorded the entry; "own organisation" visibility means its members.
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    visibility TEXT NOT NULL,
    title TEXT NOT NULL,
    -- Minutes of a meeting, rationale of a decision, description of an action, note of a link.
    body TEXT NOT NULL DEFAULT '',
    -- Where the entry stands on the timeline: a meeting's start, a decision's date, when an
    -- action or link was recorded.
    happened_at TIMESTAMPTZ NOT NULL,
    meeting_kind TEXT,
    ends_at TIMESTAMPTZ,
    place TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    -- Attendees without an account or organisation in Samenspel, one per line.
    attendee_names TEXT NOT NULL DEFAULT '',
    review_on DATE,
    supersedes_id BIGINT REFERENCES log_entries(id),
    owner_org_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    owner_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    due_on DATE,
    action_status TEXT,
    url TEXT NOT NULL DEFAULT '',
    meeting_id BIGINT REFERENCES log_entries(id) ON DELETE SET NULL,
    decision_id BIGINT REFERENCES log_entries(id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX log_entries_timeline ON log_entries(approach_id, happened_at, id);
CREATE INDEX log_entries_kind ON log_entries(approach_id, kind, happened_at);
-- A decision is superseded by at most one later decision.
CREATE UNIQUE INDEX log_entries_supersedes ON log_entries(supersedes_id);
CREATE INDEX log_entries_owner ON log_entries(owner_user_id, action_status);

-- The parties that attended a meeting or took a decision.
CREATE TABLE log_entry_parties (
    entry_id BIGINT NOT NULL REFERENCES log_entries(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, organisation_id)
);
CREATE INDEX log_entry_parties_organisation ON log_entry_parties(organisation_id);

CREATE TABLE log_entry_nodes (
    entry_id BIGINT NOT NULL REFERENCES log_entries(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    PRIMARY KEY (entry_id, node_key)
);
CREATE INDEX log_entry_nodes_node ON log_entry_nodes(node_key);

-- What each person is told: an entry they may see was added or changed, an action moved.
-- Whether they may still see it is checked again when the notification is read.
CREATE TABLE notifications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    entry_id BIGINT NOT NULL REFERENCES log_entries(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    actor_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);

-- Backend-specific: the words of each entry (see samenspel_domain::logbook::search_document)
-- with a text-search index; SQLite has an FTS5 table with the same columns.
CREATE TABLE log_search (
    entry_id BIGINT PRIMARY KEY REFERENCES log_entries(id) ON DELETE CASCADE,
    document TEXT NOT NULL
);
CREATE INDEX log_search_words ON log_search USING GIN (to_tsvector('simple', document));

-- Whether the approach has a public page (with its public decisions and meetings and an Atom feed).
ALTER TABLE approaches ADD COLUMN public_page BOOLEAN NOT NULL DEFAULT FALSE;

-- Secret addresses of calendar feeds of meetings: one person's, for one approach or for all
-- the approaches they take part in (approach_id empty). Only the token's SHA-256 is kept.
CREATE TABLE calendar_links (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    approach_id BIGINT REFERENCES approaches(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX calendar_links_user ON calendar_links(user_id);

-- When a notification went out by e-mail (empty: not yet, or not to be).
ALTER TABLE notifications ADD COLUMN mailed_at TIMESTAMPTZ;

-- How often each person gets e-mail about each approach (no row: a daily digest), and the
-- token of the one-click unsubscribe link in that e-mail.
CREATE TABLE mail_settings (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    frequency TEXT NOT NULL,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    PRIMARY KEY (user_id, approach_id)
);
CREATE INDEX notifications_unmailed ON notifications(mailed_at, created_at);

-- An uploaded document: where the file is kept (a random key in the upload store), the name
-- it came with, its size in bytes and its type.
ALTER TABLE log_entries ADD COLUMN file_key TEXT;
ALTER TABLE log_entries ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE log_entries ADD COLUMN file_size BIGINT;
ALTER TABLE log_entries ADD COLUMN file_type TEXT NOT NULL DEFAULT '';

-- The day the owners of an overdue action, or the parties of a decision due for review, were
-- reminded (once).
ALTER TABLE log_entries ADD COLUMN reminded_on DATE;
