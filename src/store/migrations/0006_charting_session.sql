-- Charting, part B: the session log (SOAP) with treatment steps and their dose flags,
-- reassessment after treatment, outcome-measure responses, home care, signed notes and amendments.
-- Every row carries org_id; a signed note is locked by the trigger below, so a correction can only
-- be an amendment row that keeps the original.

CREATE TABLE session_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  appointment_id uuid,                 -- null for a walk-in
  practitioner_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  subjective jsonb NOT NULL DEFAULT '{}',
  objective jsonb NOT NULL DEFAULT '{}',
  assessment text,
  plan text,
  cpt_minutes jsonb NOT NULL DEFAULT '[]',
  signed_at timestamptz,
  signed_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'signed') = (signed_at IS NOT NULL AND signed_by IS NOT NULL)),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id),
  FOREIGN KEY (org_id, appointment_id) REFERENCES appointments(org_id, id)
);
CREATE INDEX session_notes_patient ON session_notes (org_id, patient_id, created_at DESC);
CREATE UNIQUE INDEX session_notes_one_per_visit ON session_notes (org_id, appointment_id) WHERE appointment_id IS NOT NULL;

CREATE FUNCTION session_notes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'a signed note is never changed; add an amendment' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER session_notes_locked BEFORE UPDATE OR DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_locked();

-- One row per hold / technique applied at one point; flags are what the dose rules said at the time.
CREATE TABLE treatment_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  muscle text NOT NULL,
  trigger_point text,
  side text NOT NULL CHECK (side IN ('left', 'right', 'midline')),
  region text NOT NULL,
  technique text NOT NULL,
  duration_seconds integer CHECK (duration_seconds > 0),
  hold_seconds integer CHECK (hold_seconds > 0),
  pain_rating integer CHECK (pain_rating BETWEEN 1 AND 10),
  layer text CHECK (layer IN ('superficial', 'middle', 'deep')),
  release_achieved boolean,
  flags jsonb NOT NULL DEFAULT '[]',
  stop boolean NOT NULL DEFAULT false,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (org_id, session_note_id, seq),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id)
);

-- Pain and range of motion after treatment, one per note (re-posted while the note is a draft).
CREATE TABLE session_reassessments (
  org_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  pain_after integer NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
  rom jsonb NOT NULL DEFAULT '[]',
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, session_note_id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id)
);

CREATE TABLE measure_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  measure text NOT NULL CHECK (measure IN ('nprs', 'ndi', 'odi', 'psfs')),
  answers jsonb NOT NULL,
  score numeric(5, 1) NOT NULL,
  percent numeric(5, 1),
  band text,
  taken_at timestamptz NOT NULL,
  session_note_id uuid,
  entered_by uuid NOT NULL,
  entered_role text NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id)
);
CREATE INDEX measure_responses_patient ON measure_responses (org_id, patient_id, measure, taken_at);

-- Generated from the note, edited by the therapist, shown to the patient once sent.
CREATE TABLE home_care_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  content jsonb NOT NULL,
  generated_by uuid NOT NULL,
  generated_at timestamptz NOT NULL,
  edited_by uuid,
  edited_at timestamptz,
  sent_at timestamptz,
  sent_by uuid,
  UNIQUE (org_id, session_note_id),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id)
);
CREATE INDEX home_care_plans_patient ON home_care_plans (org_id, patient_id, sent_at DESC);

-- A correction to a signed note: the note row stays as signed; this row says what changed and why.
CREATE TABLE note_amendments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  changes jsonb NOT NULL,
  author_user_id uuid NOT NULL,
  author_role text NOT NULL,
  amended_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id)
);
CREATE INDEX note_amendments_note ON note_amendments (org_id, session_note_id, amended_at);
