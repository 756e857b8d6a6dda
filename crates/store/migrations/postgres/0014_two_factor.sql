-- Two-factor login with a time-based code (TOTP). The secret is kept while enrolment waits for
-- its first code (pending), then as the account's; `totp_last_step` is the 30-second step of
-- the last code accepted, so a code works once. Recovery codes are stored as SHA-256 only.
-- A login that passed the password but still needs its code is a challenge, with its own
-- counter of wrong codes.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
CREATE TABLE recovery_codes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMPTZ
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);
CREATE TABLE login_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    next TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ NOT NULL
);
-- An organisation's administrators can require two-step login of all its members.
ALTER TABLE organisations ADD COLUMN require_two_factor BOOLEAN NOT NULL DEFAULT FALSE;
