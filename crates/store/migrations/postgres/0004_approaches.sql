-- The wijkaanpak workspace: method packs (versions of the method's content), approaches with
-- their areas, parties and sub-projects, the status of each knooppunt with its history, lead
-- and involved parties, needs and notes, each party's perspective and position, the shared
-- ambition, goals with their progress, and when someone last looked at an approach.

CREATE TABLE method_packs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    pack_key TEXT NOT NULL,
    version TEXT NOT NULL,
    contents TEXT NOT NULL,
    installed_at TIMESTAMPTZ NOT NULL
);

-- A pack's nodes and their tracks as rows, so that progress can be counted in SQL.
CREATE TABLE method_nodes (
    pack_id BIGINT NOT NULL REFERENCES method_packs(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    phase_key TEXT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (pack_id, node_key)
);

CREATE TABLE method_node_tracks (
    pack_id BIGINT NOT NULL,
    node_key TEXT NOT NULL,
    track_key TEXT NOT NULL,
    PRIMARY KEY (pack_id, node_key, track_key),
    FOREIGN KEY (pack_id, node_key) REFERENCES method_nodes(pack_id, node_key) ON DELETE CASCADE
);

CREATE TABLE approaches (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    pack_id BIGINT NOT NULL REFERENCES method_packs(id),
    phase_key TEXT NOT NULL,
    steering_form TEXT,
    director_role TEXT,
    intensity TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT NOT NULL DEFAULT '',
    ended_together BOOLEAN NOT NULL DEFAULT FALSE,
    contact_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    contact_phone TEXT NOT NULL DEFAULT '',
    ambition TEXT NOT NULL DEFAULT '',
    ambition_version BIGINT NOT NULL DEFAULT 0,
    ambition_updated_at TIMESTAMPTZ,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX approaches_municipality ON approaches(municipality_id, name);

CREATE TABLE approach_areas (
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    area_id BIGINT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
    PRIMARY KEY (approach_id, area_id)
);
CREATE INDEX approach_areas_area ON approach_areas(area_id);

CREATE TABLE subprojects (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    lead_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX subprojects_approach ON subprojects(approach_id);

-- One row per organisation and approach; a party that leaves gets an end date, and one that
-- comes back gets new dates. The perspective columns are the party's own view of the kompas.
CREATE TABLE approach_parties (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    subproject_id BIGINT REFERENCES subprojects(id) ON DELETE SET NULL,
    since DATE,
    until DATE,
    tracks TEXT NOT NULL DEFAULT '',
    believed_phase TEXT,
    next_year TEXT NOT NULL DEFAULT '',
    perspective_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (approach_id, organisation_id)
);
CREATE INDEX approach_parties_organisation ON approach_parties(organisation_id);

CREATE TABLE node_progress (
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    status TEXT NOT NULL,
    lead_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (approach_id, node_key)
);

CREATE TABLE node_status_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX node_status_changes_node ON node_status_changes(approach_id, node_key, id);

CREATE TABLE node_involved (
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (approach_id, node_key, organisation_id)
);

CREATE TABLE node_needs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    from_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    to_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX node_needs_node ON node_needs(approach_id, node_key);

CREATE TABLE node_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    node_key TEXT NOT NULL,
    body TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX node_notes_node ON node_notes(approach_id, node_key, id);

-- A party's goals, wishes, interests and expectations, one item per row; other parties can
-- say they share an item, which is how the overlap becomes visible.
CREATE TABLE position_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX position_items_approach ON position_items(approach_id, kind, id);

CREATE TABLE position_shares (
    item_id BIGINT NOT NULL REFERENCES position_items(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, organisation_id)
);

-- Which party agreed to which version of the shared ambition.
CREATE TABLE ambition_agreements (
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    agreed_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    agreed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (approach_id, organisation_id)
);

CREATE TABLE goals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    horizon TEXT NOT NULL,
    title TEXT NOT NULL,
    indicator TEXT NOT NULL DEFAULT '',
    target_value TEXT NOT NULL DEFAULT '',
    target_date DATE,
    owner_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    achieved_on DATE,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX goals_approach ON goals(approach_id, horizon);

CREATE TABLE goal_updates (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    goal_id BIGINT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX goal_updates_goal ON goal_updates(goal_id, id);

CREATE TABLE approach_visits (
    approach_id BIGINT NOT NULL REFERENCES approaches(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (approach_id, user_id)
);

-- "What changed since your last visit" reads the audit log by subject.
CREATE INDEX audit_events_subject ON audit_events(subject_kind, subject_id, id);

-- Choosing a party from the partners and facilitators.
CREATE INDEX organisations_kind ON organisations(kind, name);
