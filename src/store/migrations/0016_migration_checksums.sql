-- The sha256 of each migration's text as applied: a migration edited after it ran is refused at start
-- instead of leaving databases that ran different versions of it. Rows applied before this column
-- existed get their checksum on the first start that finds it empty.
ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text;
