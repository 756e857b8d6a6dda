-- Browsers in which a person has logged in before. Wrong passwords from anywhere else lock the
-- account for unknown browsers only, so someone elsewhere cannot keep a person locked out of the
-- browsers they use; a known browser has its own counter and lock.
CREATE TABLE login_devices (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_devices_user ON login_devices(user_id);
