-- The organisation's own clock: calendar dates that belong to no site (today for a chart, a
-- credential's expiry, an audit search by date) are read in this IANA zone. Sites keep their own
-- zone for opening hours and availability. Existing organisations were run on Pacific time.
-- The service layer checks the name against the runtime's IANA list; the CHECK keeps the shape.
ALTER TABLE organizations
  ADD COLUMN time_zone text NOT NULL DEFAULT 'America/Los_Angeles'
  CHECK (time_zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$' AND length(time_zone) <= 64);
