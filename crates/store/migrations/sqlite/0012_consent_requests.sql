-- An organisation is drawn into a municipality's work only with its consent: adding it as a
-- party to an approach, or letting a facilitator organisation work in a municipality, asks its
-- administrators first. Until one of them accepts, nothing of it exists in approach_parties or
-- municipality_facilitators, so the organisation sees nothing and is told nothing. `details`
-- keeps what the municipality filled in (the party's role and dates), as JSON.
CREATE TABLE consent_requests (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    municipality_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    approach_id INTEGER REFERENCES approaches(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    details TEXT NOT NULL DEFAULT '{}',
    requested_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    requested_at TEXT NOT NULL,
    answer TEXT,
    answered_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    answered_at TEXT
);
CREATE INDEX consent_requests_organisation ON consent_requests(organisation_id, answered_at);
CREATE INDEX consent_requests_approach ON consent_requests(approach_id);
CREATE INDEX consent_requests_municipality ON consent_requests(municipality_id, kind);
