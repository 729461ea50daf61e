-- Many organisations on one database, and later on several: every primary and unique key of an
-- organisation's table now includes org_id, so the schema can be distributed by organisation
-- (Citus requires a distributed table's keys to contain its distribution column). See "When one
-- PostgreSQL is not enough" in docs/architecture.md.
--
-- Left as they are, because they belong to no organisation: schema_migrations and
-- installation_secrets (the installation's bookkeeping), organizations (the tenants themselves; a
-- slug names one organisation across the installation), jobs (the installation's work queue, with
-- sweeps of no organisation) and login_throttle (counts for addresses and unknown emails).

-- Keys found from a token: the token comes before its organisation is known, so it leads the key,
-- and the key still answers the lookup.
ALTER TABLE sessions DROP CONSTRAINT sessions_token_hash_key,
  ADD CONSTRAINT sessions_token_hash_org_id_key UNIQUE (token_hash, org_id);
ALTER TABLE calendar_feeds DROP CONSTRAINT calendar_feeds_token_hash_key,
  ADD CONSTRAINT calendar_feeds_token_hash_org_id_key UNIQUE (token_hash, org_id);

-- A message is sent once per organisation and key.
ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_dedupe_key_key,
  DROP CONSTRAINT outbox_messages_message_id_key,
  ADD CONSTRAINT outbox_messages_org_id_dedupe_key_key UNIQUE (org_id, dedupe_key),
  ADD CONSTRAINT outbox_messages_org_id_message_id_key UNIQUE (org_id, message_id);

-- Primary keys: (id) becomes (org_id, id) on every table whose org_id is required. The unique
-- (org_id, id) that foreign keys referenced until now becomes that primary key, so each foreign key
-- leaning on either is dropped and put back against it; one that referenced the id alone from a
-- table with org_id is put back as (org_id, …), so a row never points into another organisation.
-- Found from the catalog rather than listed, so tables added by migrations before this one are
-- covered as well.
DO $$
DECLARE
  t record;
  fk record;
  fk_tables regclass[];
  fk_names text[];
  fk_defs text[];
  def text;
  i integer;
BEGIN
  FOR t IN
    SELECT c.oid::regclass AS rel, pk.conname AS pk_name, pk.conindid AS pk_index, pk.conkey AS pk_key,
           o.attnum AS org_attnum,
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
              FROM unnest(pk.conkey) WITH ORDINALITY AS k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS pk_columns
      FROM pg_class c
      JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = current_schema()
      JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
      JOIN pg_attribute o ON o.attrelid = c.oid AND o.attname = 'org_id' AND o.attnotnull
                         AND o.attgenerated = '' AND NOT o.attisdropped
     WHERE c.relkind = 'r' AND NOT (o.attnum = ANY (pk.conkey))
     ORDER BY c.relname
  LOOP
    fk_tables := '{}';
    fk_names := '{}';
    fk_defs := '{}';
    -- The unique keys that become the primary key: exactly org_id and the old key's columns.
    FOR fk IN
      SELECT f.oid, f.conrelid::regclass AS rel, f.conname, f.conindid = t.pk_index AS on_old_key,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = f.conrelid AND a.attname = 'org_id'
                        AND NOT a.attisdropped) AS has_org,
             (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = f.conrelid AND a.attnum = f.conkey[1])
               = 'org_id' AS leads_with_org
        FROM pg_constraint f
       WHERE f.contype = 'f' AND f.confrelid = t.rel
         AND (f.conindid = t.pk_index OR f.conindid IN (
               SELECT u.conindid FROM pg_constraint u
                WHERE u.conrelid = t.rel AND u.contype = 'u'
                  AND u.conkey @> (t.pk_key || t.org_attnum) AND u.conkey <@ (t.pk_key || t.org_attnum)))
    LOOP
      def := pg_get_constraintdef(fk.oid);
      IF fk.on_old_key AND fk.has_org AND NOT fk.leads_with_org THEN
        -- FOREIGN KEY (x) REFERENCES t(id) … becomes FOREIGN KEY (org_id, x) REFERENCES t(org_id, id);
        -- SET NULL and SET DEFAULT then name x alone, never the row's organisation.
        def := regexp_replace(def, '^FOREIGN KEY \(([^)]*)\) REFERENCES ([^(]+)\(([^)]*)\)',
                              'FOREIGN KEY (org_id, \1) REFERENCES \2(org_id, \3)');
        def := regexp_replace(def, 'ON DELETE (SET NULL|SET DEFAULT)(?! \()',
                              'ON DELETE \1 (' || substring(def from '^FOREIGN KEY \(org_id, ([^)]*)\)') || ')');
      ELSIF fk.on_old_key AND NOT fk.leads_with_org THEN
        RAISE EXCEPTION 'The foreign key % on % references % without an org_id of its own',
          fk.conname, fk.rel, t.rel;
      END IF;
      fk_tables := fk_tables || fk.rel;
      fk_names := fk_names || fk.conname::text;
      fk_defs := fk_defs || def;
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
    END LOOP;

    FOR fk IN
      SELECT u.conname FROM pg_constraint u
       WHERE u.conrelid = t.rel AND u.contype = 'u'
         AND u.conkey @> (t.pk_key || t.org_attnum) AND u.conkey <@ (t.pk_key || t.org_attnum)
    LOOP
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', t.rel, fk.conname);
    END LOOP;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I, ADD CONSTRAINT %I PRIMARY KEY (org_id, %s)',
                   t.rel, t.pk_name, t.pk_name, t.pk_columns);

    FOR i IN 1 .. coalesce(array_length(fk_names, 1), 0) LOOP
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk_tables[i], fk_names[i], fk_defs[i]);
    END LOOP;
  END LOOP;
END $$;
