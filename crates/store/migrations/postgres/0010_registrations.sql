-- Registrations waiting for the address to be confirmed. The account is created only when the
-- link in the mail is opened, with the name and password of that registration, so a stranger
-- who registers someone else's address first cannot end up owning the account. A row with an
-- empty password_hash records that the owner of an existing account was told someone tried
-- (to send that mail at most once in a while).
CREATE TABLE registrations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    next TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX registrations_email ON registrations(email, created_at);
