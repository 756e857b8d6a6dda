-- The initiative registry: profiles of initiatives (organisations of kind 'initiative') in a
-- municipality's registry, their themes, areas and track record, and the facilitator
-- organisations that work in a municipality (and so see its registry).

CREATE TABLE municipality_facilitators (
    municipality_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    facilitator_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    since TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (municipality_id, facilitator_id)
);
CREATE INDEX municipality_facilitators_facilitator ON municipality_facilitators(facilitator_id);

CREATE TABLE initiative_profiles (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    municipality_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    description TEXT NOT NULL DEFAULT '',
    legal_form TEXT NOT NULL,
    character TEXT NOT NULL,
    has_volunteers BOOLEAN NOT NULL DEFAULT FALSE,
    has_paid_staff BOOLEAN NOT NULL DEFAULT FALSE,
    member_count INTEGER,
    core_roles TEXT NOT NULL DEFAULT '',
    support_needed TEXT NOT NULL DEFAULT '',
    support_note TEXT NOT NULL DEFAULT '',
    does_not_do TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    founded_year INTEGER,
    is_public BOOLEAN NOT NULL DEFAULT FALSE,
    mapped_by BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    verified_by BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    verified_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX initiative_profiles_municipality ON initiative_profiles(municipality_id);

CREATE TABLE initiative_themes (
    initiative_id BIGINT NOT NULL REFERENCES initiative_profiles(organisation_id) ON DELETE CASCADE,
    theme TEXT NOT NULL,
    PRIMARY KEY (initiative_id, theme)
);
CREATE INDEX initiative_themes_theme ON initiative_themes(theme, initiative_id);

CREATE TABLE initiative_areas (
    initiative_id BIGINT NOT NULL REFERENCES initiative_profiles(organisation_id) ON DELETE CASCADE,
    area_id BIGINT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, area_id)
);
CREATE INDEX initiative_areas_area ON initiative_areas(area_id, initiative_id);

CREATE TABLE initiative_projects (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiative_profiles(organisation_id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX initiative_projects_initiative ON initiative_projects(initiative_id, year);
