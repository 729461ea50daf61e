-- One word for the person who treats: "therapist", as the clinic says it. Tables, columns,
-- constraints and indexes named "practitioner" take the new word; constraint and index bodies
-- follow a column rename by themselves, and no function, trigger or view names the old words in
-- its body (the trigger on the table keeps working under the new name).
ALTER TABLE practitioners RENAME TO therapists;
ALTER TABLE practitioner_locations RENAME TO therapist_locations;

DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT c.table_name, c.column_name FROM information_schema.columns c
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name LIKE '%practitioner%'
  LOOP
    EXECUTE format('ALTER TABLE %I RENAME COLUMN %I TO %I', r.table_name, r.column_name,
                   replace(r.column_name, 'practitioner', 'therapist'));
  END LOOP;
  -- Renaming a primary key, unique or exclusion constraint renames its index too.
  FOR r IN SELECT k.conname, t.relname FROM pg_constraint k
             JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND k.conname LIKE '%practitioner%'
  LOOP
    EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', r.relname, r.conname,
                   replace(r.conname, 'practitioner', 'therapist'));
  END LOOP;
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('i', 'S') AND c.relname LIKE '%practitioner%'
  LOOP
    EXECUTE format('ALTER %s %I RENAME TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'INDEX' END,
                   r.relname, replace(r.relname, 'practitioner', 'therapist'));
  END LOOP;
END $$;

-- Stored words follow: the audit log's actions and record types ("practitioner.create" is now
-- "therapist.create", so a search by action finds old and new events alike), and the field names
-- kept in audit details, queued jobs and the replayed answers of retried creates. Words a person
-- typed (a reason, a note) are values and stay as written.
CREATE FUNCTION therapist_names_0018(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF jsonb_typeof(j) = 'object' THEN
    RETURN coalesce((SELECT jsonb_object_agg(replace(replace(e.key, 'practitioner', 'therapist'), 'Practitioner', 'Therapist'),
                                             therapist_names_0018(e.value))
                       FROM jsonb_each(j) AS e), '{}'::jsonb);
  ELSIF jsonb_typeof(j) = 'array' THEN
    RETURN coalesce((SELECT jsonb_agg(therapist_names_0018(a.value) ORDER BY a.n)
                       FROM jsonb_array_elements(j) WITH ORDINALITY AS a(value, n)), '[]'::jsonb);
  END IF;
  RETURN j;
END
$$;

UPDATE audit_events SET action = replace(action, 'practitioner', 'therapist') WHERE action LIKE '%practitioner%';
UPDATE audit_events SET record_type = replace(record_type, 'practitioner', 'therapist') WHERE record_type LIKE '%practitioner%';
UPDATE audit_events SET detail = therapist_names_0018(detail) WHERE detail::text LIKE '%ractitioner%';
UPDATE audit_events SET detail = jsonb_set(detail, '{route}', to_jsonb(replace(detail ->> 'route', '/practitioners', '/therapists')))
 WHERE detail ->> 'route' LIKE '%/practitioners%';
UPDATE jobs SET payload = therapist_names_0018(payload) WHERE payload::text LIKE '%ractitioner%';
UPDATE idempotency_keys SET response = therapist_names_0018(response) WHERE response::text LIKE '%ractitioner%';

DROP FUNCTION therapist_names_0018(jsonb);
