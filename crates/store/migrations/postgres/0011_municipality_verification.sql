-- A municipality someone adds is pending until a platform administrator verifies it: until
-- then it holds no CBS code, appears in no one else's lists, starts no approaches and asks no
-- organisation to take part. Organisations of other kinds, and those that exist already, are
-- verified. Two verified municipalities never share a name; where they did, the later one
-- waits for a new decision.
ALTER TABLE organisations ADD COLUMN verification TEXT NOT NULL DEFAULT 'verified';
ALTER TABLE organisations ADD COLUMN verification_note TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN verified_at TIMESTAMPTZ;
ALTER TABLE organisations ADD COLUMN verified_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
UPDATE organisations SET verification = 'pending'
 WHERE kind = 'municipality'
   AND id NOT IN (SELECT MIN(id) FROM organisations WHERE kind = 'municipality' GROUP BY lower(name));
CREATE UNIQUE INDEX organisations_verified_municipality_name ON organisations(lower(name))
 WHERE kind = 'municipality' AND verification = 'verified';
CREATE INDEX organisations_pending ON organisations(verification, created_at)
 WHERE verification <> 'verified';
