-- Patient search finds a name by any fragment of three letters or more, not only by its start.
-- Trigram indexes (pg_trgm, shipped with PostgreSQL and loaded by PGlite as a contrib extension)
-- serve both the fragment match (LIKE '%ann%') and the prefix match (LIKE 'ann%') on the
-- lower-cased names the search compares; the btree prefix indexes of 0001 stay for one- and
-- two-letter prefixes, which no trigram covers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX patients_family_trigrams ON patients USING gin (lower(family_name) gin_trgm_ops);
CREATE INDEX patients_given_trigrams ON patients USING gin (lower(given_name) gin_trgm_ops);
