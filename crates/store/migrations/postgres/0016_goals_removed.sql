-- A goal removed by mistake, or no longer pursued, is set aside rather than deleted: its progress
-- reports stay, the approach page lists it under "removed goals" and it can be put back.
ALTER TABLE goals ADD COLUMN removed_at TIMESTAMPTZ;
