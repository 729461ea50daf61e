-- Outcomes data: diagnoses on the assessment (copied to the plan made from it), one precomputed
-- row per episode of care kept current when a note is signed, and the relief check-in a patient
-- answers some days after a visit.

-- ICD-10-CM codes from the clinic's list (src/clinical/diagnoses), primary first.
ALTER TABLE assessments ADD COLUMN diagnoses text[] NOT NULL DEFAULT '{}';
ALTER TABLE treatment_plans ADD COLUMN diagnoses text[] NOT NULL DEFAULT '{}';
ALTER TABLE treatment_plans ADD COLUMN assessment_id uuid;
ALTER TABLE treatment_plans ADD CONSTRAINT treatment_plans_assessment
  FOREIGN KEY (org_id, assessment_id) REFERENCES assessments(org_id, id);

-- One row per episode of care (EpisodeOutcomeRow): rebuilt for a patient whenever a visit, score,
-- plan or relief answer changes, so a report reads rows instead of notes. `outcomes` is keyed by
-- responder definition. Site and therapist are ids; the report labels them.
CREATE TABLE outcome_episodes (
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  episode_id text NOT NULL,
  started_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'discharged', 'lapsed')),
  visits integer NOT NULL CHECK (visits >= 0),
  drop_out boolean NOT NULL,
  site_id uuid,
  therapist_id uuid,
  condition_group text,
  phase text,
  psfs_change numeric(4, 1),
  relief_days integer[] NOT NULL DEFAULT '{}',
  outcomes jsonb NOT NULL,
  refreshed_at timestamptz NOT NULL,
  -- The row as a JSON array in listOutcomeRows' field order, written with it: a report joins these
  -- texts instead of building 150,000 JSON values on every read.
  packed text NOT NULL,
  PRIMARY KEY (org_id, patient_id, episode_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE
);
-- In the order a report reads the rows, so reading them needs no sort.
CREATE INDEX outcome_episodes_started ON outcome_episodes (org_id, started_on, episode_id);

-- A relief check-in: due some days after a signed visit, sent through the outbox with a signed
-- link, answered once (days 0–60, or still holding on the day of the answer).
CREATE TABLE relief_checkins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  visit_on date NOT NULL,
  send_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  answered_at timestamptz,
  relief_days integer CHECK (relief_days BETWEEN 0 AND 60),
  still_holding boolean,
  UNIQUE (org_id, id),
  UNIQUE (org_id, session_note_id),
  CHECK ((answered_at IS NULL) = (relief_days IS NULL)),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id)
);
CREATE INDEX relief_checkins_patient ON relief_checkins (org_id, patient_id);

ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
  CHECK (kind IN ('confirmation', 'reminder', 'pre-visit', 'cancellation', 'reschedule', 'waitlist-offer', 'home-care', 'visit-affected', 'relief-check'));

-- Nothing new lands on a merged record (as for the other tables that move with a merge).
CREATE TRIGGER refuse_merged_patient BEFORE INSERT OR UPDATE OF patient_id ON relief_checkins
  FOR EACH ROW EXECUTE FUNCTION refuse_merged_patient();
CREATE TRIGGER refuse_merged_patient BEFORE INSERT OR UPDATE OF patient_id ON outcome_episodes
  FOR EACH ROW EXECUTE FUNCTION refuse_merged_patient();
