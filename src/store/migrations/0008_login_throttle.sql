-- Sign-in attempts, counted per key in a fixed window: one row per key, so an attempt is counted
-- by one atomic upsert before its password is checked and parallel attempts cannot slip past the
-- limit. Keys: an account from an address, an address, an account (failures only, for slowing
-- down guessing spread over many addresses). Sign-in comes before any organisation is known,
-- so this table has no org_id.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX login_throttle_window ON login_throttle (window_start);
