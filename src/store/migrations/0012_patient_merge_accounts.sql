-- Duplicate patients can be merged: the duplicate stays as a tombstone pointing to the record that
-- survives (so the audit log keeps naming it), and its charts move in one transaction.
-- Accounts belong to an organisation: the same email may sign in to two clinics' accounts.
-- One active sign-in per therapist record; staff whose first password someone else chose change it.

ALTER TABLE patients
  ADD COLUMN merged_into uuid,
  ADD COLUMN merged_at timestamptz,
  ADD COLUMN merged_by uuid,
  ADD CONSTRAINT patients_not_merged_into_self CHECK (merged_into IS NULL OR merged_into <> id),
  ADD CONSTRAINT patients_merge_recorded CHECK ((merged_into IS NULL) = (merged_at IS NULL)),
  -- Deferred: a restore writes patients in id order, a tombstone may come before its survivor.
  ADD CONSTRAINT patients_merged_into FOREIGN KEY (org_id, merged_into) REFERENCES patients(org_id, id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX patients_email ON patients (org_id, lower(email)) WHERE merged_into IS NULL AND email IS NOT NULL;

-- Moving an intake version to the surviving record renumbers it; its screening and overrides follow.
ALTER TABLE gate_overrides DROP CONSTRAINT gate_overrides_org_id_patient_id_intake_version_fkey;
ALTER TABLE screening_results DROP CONSTRAINT screening_results_org_id_patient_id_intake_version_fkey;
ALTER TABLE screening_results ADD CONSTRAINT screening_results_intake
  FOREIGN KEY (org_id, patient_id, intake_version) REFERENCES intake_responses(org_id, patient_id, version) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE gate_overrides ADD CONSTRAINT gate_overrides_screening
  FOREIGN KEY (org_id, patient_id, intake_version) REFERENCES screening_results(org_id, patient_id, intake_version) ON DELETE CASCADE ON UPDATE CASCADE;

-- Submitted intake versions and signed notes stay locked, except that a merge (flagged for its own
-- transaction with set_config('knotwork.merging', 'on', true)) may move them to another patient.
CREATE OR REPLACE FUNCTION intake_responses_keep_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'completed' THEN
    IF current_setting('knotwork.merging', true) = 'on'
       AND (to_jsonb(NEW) - 'patient_id' - 'version') = (to_jsonb(OLD) - 'patient_id' - 'version') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a submitted intake version is never changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION session_notes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    IF TG_OP = 'UPDATE' AND current_setting('knotwork.merging', true) = 'on'
       AND (to_jsonb(NEW) - 'patient_id') = (to_jsonb(OLD) - 'patient_id') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a signed note is never changed; add an amendment' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

-- Accounts per organisation: another clinic's administrator can add a person whatever accounts
-- that email has elsewhere, and learns nothing about them.
ALTER TABLE users DROP CONSTRAINT users_email_key;
ALTER TABLE users ADD CONSTRAINT users_org_email UNIQUE (org_id, email);
CREATE INDEX users_email ON users (email);

-- Set when someone else chose the password (a manager adding staff); cleared by a password change.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- A therapist record has one active sign-in, the only one that may sign that therapist's notes.
-- Where a second one was made, the oldest stays and the others are disabled (and audited).
DO $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT id FROM organizations LOOP
    WITH ranked AS (
      SELECT id, row_number() OVER (PARTITION BY practitioner_id ORDER BY created_at, id) AS n
        FROM users WHERE org_id = org AND practitioner_id IS NOT NULL AND disabled_at IS NULL
    ), extra AS (
      UPDATE users u SET disabled_at = now() FROM ranked r WHERE u.org_id = org AND u.id = r.id AND r.n > 1 RETURNING u.id
    ), ended AS (
      DELETE FROM sessions s USING extra e WHERE s.org_id = org AND s.user_id = e.id RETURNING s.id
    )
    INSERT INTO audit_events (org_id, action, outcome, record_type, record_id, detail)
    SELECT org, 'staff.disable', 'allowed', 'user', id::text, '{"reason": "a second sign-in for the same therapist record"}'::jsonb FROM extra;
  END LOOP;
END $$;

CREATE UNIQUE INDEX users_one_per_practitioner ON users (org_id, practitioner_id) WHERE practitioner_id IS NOT NULL AND disabled_at IS NULL;

-- Nothing new lands on a merged record (a stale screen booking the old record, say): each table
-- that moves with a merge refuses a tombstone as if it did not exist.
CREATE FUNCTION refuse_merged_patient() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('knotwork.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM patients p WHERE p.org_id = NEW.org_id AND p.id = NEW.patient_id AND p.merged_into IS NOT NULL) THEN
    RAISE EXCEPTION 'the patient record was merged into another one' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['appointments', 'waitlist_entries', 'holds', 'outbox_messages', 'files', 'clearances', 'clinical_tasks',
                           'assessments', 'treatment_plans', 'session_notes', 'measure_responses', 'home_care_plans', 'users',
                           'care_relationships', 'patient_sites', 'intake_responses'] LOOP
    EXECUTE format('CREATE TRIGGER refuse_merged_patient BEFORE INSERT OR UPDATE OF patient_id ON %I FOR EACH ROW EXECUTE FUNCTION refuse_merged_patient()', t);
  END LOOP;
END;
$$;
