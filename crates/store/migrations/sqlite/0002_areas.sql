-- Areas: a municipality's wijken (districts) and buurten (neighbourhoods) with their CBS codes.
-- The municipality itself is an organisation of kind 'municipality' with its GM code.

ALTER TABLE organisations ADD COLUMN cbs_code TEXT;
CREATE UNIQUE INDEX organisations_cbs_code ON organisations(cbs_code);

CREATE TABLE areas (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES areas(id) ON DELETE CASCADE,
    geometry TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX areas_municipality ON areas(municipality_id, code);
CREATE INDEX areas_parent ON areas(parent_id);
