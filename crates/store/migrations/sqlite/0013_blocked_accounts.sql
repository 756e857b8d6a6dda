-- A platform administrator can block an account: its sessions end at once and it cannot log in
-- until unblocked. Nothing of it is deleted.
ALTER TABLE users ADD COLUMN blocked_at TEXT;
