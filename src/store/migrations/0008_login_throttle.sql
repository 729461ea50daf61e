-- Sign-in attempts, counted per key in a fixed window: one row per key, so an attempt is counted
-- by one atomic upsert before its password is checked and parallel attempts cannot slip past the
-- limit. Keys: an account from an address, an address, an account (failures only, for slowing
-- down guessing spread over many addresses). org_id is the account's organisation, null for an
-- address and for an email that matches no account.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  org_id uuid,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 0)
);
CREATE INDEX login_throttle_window ON login_throttle (window_start);
