-- The name trigram indexes write each new patient straight into the index. With GIN's default
-- "fast update", new entries wait in an unsorted pending list that every search reads in full until
-- a VACUUM merges it; PGlite never vacuums and PostgreSQL's autovacuum comes late after a bulk load,
-- so a search over 20,000 freshly loaded patients took 22 ms instead of 1 ms. A registration costs a
-- few index writes more; a search no longer depends on when the database was last vacuumed.
ALTER INDEX patients_family_trigrams SET (fastupdate = off);
ALTER INDEX patients_given_trigrams SET (fastupdate = off);
-- Entries already waiting are merged now.
SELECT gin_clean_pending_list('patients_family_trigrams'::regclass);
SELECT gin_clean_pending_list('patients_given_trigrams'::regclass);
