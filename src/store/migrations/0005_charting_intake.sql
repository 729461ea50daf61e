-- Charting, part A: the intake questionnaire (versioned), the screening gate with physician
-- clearances and overrides, uploaded files, assessments on the body chart and treatment plans.
-- Every row carries org_id; every record says who wrote it and when.

-- One row per submitted version (1, 2, … per patient) plus at most one draft being filled in.
-- A submitted version is never changed: the trigger below refuses any UPDATE of one.
CREATE TABLE intake_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  version integer CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('in-progress', 'completed')),
  answers jsonb NOT NULL,
  submitted_by uuid NOT NULL,
  submitted_role text NOT NULL,
  submitted_at timestamptz NOT NULL,
  CHECK ((status = 'completed') = (version IS NOT NULL)),
  UNIQUE (org_id, patient_id, version),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX intake_responses_one_draft ON intake_responses (org_id, patient_id) WHERE status = 'in-progress';

CREATE FUNCTION intake_responses_keep_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'completed' THEN
    RAISE EXCEPTION 'a submitted intake version is never changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER intake_responses_keep_versions BEFORE UPDATE ON intake_responses
  FOR EACH ROW EXECUTE FUNCTION intake_responses_keep_versions();

-- The screening decision of each submitted version, with the full result (reasons and sources).
CREATE TABLE screening_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  intake_version integer NOT NULL,
  decision text NOT NULL CHECK (decision IN ('clear', 'caution', 'local', 'refer', 'contraindicated')),
  result jsonb NOT NULL,
  -- what must be cleared before treatment: rule ids of blocking findings, 'unknown:<question>' for unanswered ones
  blocking_keys text[] NOT NULL DEFAULT '{}',
  screened_for date NOT NULL,
  screened_at timestamptz NOT NULL,
  screened_by uuid NOT NULL,
  UNIQUE (org_id, patient_id, intake_version),
  FOREIGN KEY (org_id, patient_id, intake_version) REFERENCES intake_responses(org_id, patient_id, version) ON DELETE CASCADE
);

-- Uploaded documents (clearance letters), kept in the database so backups carry them.
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size integer NOT NULL CHECK (size > 0 AND size <= 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  data bytea NOT NULL,
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL,
  CHECK (octet_length(data) = size),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE
);
CREATE INDEX files_patient ON files (org_id, patient_id);

CREATE TABLE clearances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  physician text NOT NULL CHECK (length(physician) BETWEEN 1 AND 200),
  cleared_on date NOT NULL,
  scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 2000),
  file_id uuid NOT NULL,
  -- the blocking keys of the screening it answered; a later version with a new key needs a new clearance
  covers text[] NOT NULL,
  intake_version integer,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, file_id) REFERENCES files(org_id, id)
);
CREATE INDEX clearances_patient ON clearances (org_id, patient_id, recorded_at);

-- A manager's or admin's decision to let treatment go ahead for one screened version, with why.
CREATE TABLE gate_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  intake_version integer NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  decided_by uuid NOT NULL,
  decided_role text NOT NULL,
  decided_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id, intake_version) REFERENCES screening_results(org_id, patient_id, intake_version) ON DELETE CASCADE
);

CREATE TABLE clinical_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('physician-clearance')),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  intake_version integer,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid,
  resolved_by_clearance uuid,
  UNIQUE (org_id, id),
  CHECK ((status = 'done') = (resolved_at IS NOT NULL)),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE
);
CREATE INDEX clinical_tasks_open ON clinical_tasks (org_id, patient_id) WHERE status = 'open';

-- One per visit (appointment) or standalone with a date; edits bump version (optimistic locking).
CREATE TABLE assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  appointment_id uuid,
  assessed_on date NOT NULL,
  practitioner_id uuid,
  findings jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, appointment_id) REFERENCES appointments(org_id, id)
);
CREATE UNIQUE INDEX assessments_one_per_visit ON assessments (org_id, appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX assessments_patient ON assessments (org_id, patient_id, assessed_on DESC);

CREATE TABLE treatment_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'completed')),
  plan jsonb NOT NULL,
  practitioner_id uuid,
  location_id uuid,
  series_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id),
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);
CREATE INDEX treatment_plans_patient ON treatment_plans (org_id, patient_id, created_at DESC);
