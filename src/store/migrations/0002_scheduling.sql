-- Scheduling: services, therapist shift templates and exceptions, appointments that can never
-- double-book a therapist, a room or a patient (exclusion constraints), idempotent creates.

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,60}$'),
  name text NOT NULL,
  discipline text NOT NULL CHECK (discipline IN ('nmt', 'chiropractic', 'acupuncture', 'corrective-exercise')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
  needs_room boolean NOT NULL DEFAULT true,
  is_initial boolean NOT NULL DEFAULT false,
  -- credential requirements: [{kind, types[], sameStateAsSite?, label}]
  requirements jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true,
  UNIQUE (org_id, code),
  UNIQUE (org_id, id)
);

-- A therapist's weekly shift at one site, in the site's wall-clock time.
CREATE TABLE shift_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  location_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_time time NOT NULL,
  end_time time NOT NULL,
  valid_from date,
  valid_to date,
  CHECK (end_time > start_time),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);
CREATE INDEX shift_templates_practitioner ON shift_templates (org_id, practitioner_id);
CREATE INDEX shift_templates_location ON shift_templates (org_id, location_id);

CREATE TABLE schedule_exceptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('time-off', 'extra-shift')),
  location_id uuid,
  during tstzrange NOT NULL CHECK (NOT isempty(during)),
  reason text,
  CHECK (kind <> 'extra-shift' OR location_id IS NOT NULL),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);
CREATE INDEX schedule_exceptions_during ON schedule_exceptions USING gist (org_id, practitioner_id, during);

CREATE TABLE appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  location_id uuid NOT NULL,
  room_id uuid,
  service_code text NOT NULL,
  status text NOT NULL DEFAULT 'booked'
    CHECK (status IN ('booked', 'arrived', 'in_session', 'completed', 'cancelled', 'late_cancel', 'no_show')),
  -- the visit itself, and the time it keeps the therapist and room (the visit plus the turnover buffer)
  during tstzrange NOT NULL CHECK (NOT isempty(during)),
  blocks tstzrange NOT NULL CHECK (blocks @> during),
  occupies boolean GENERATED ALWAYS AS (status NOT IN ('cancelled', 'late_cancel', 'no_show')) STORED,
  series_id uuid,
  notes text,
  cancel_reason text,
  booked_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id),
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id),
  FOREIGN KEY (org_id, room_id) REFERENCES rooms(org_id, id),
  FOREIGN KEY (org_id, service_code) REFERENCES services(org_id, code),
  -- The invariants: no double booking, held by PostgreSQL itself.
  CONSTRAINT appointments_no_therapist_overlap EXCLUDE USING gist (org_id WITH =, practitioner_id WITH =, blocks WITH &&) WHERE (occupies),
  CONSTRAINT appointments_no_room_overlap EXCLUDE USING gist (org_id WITH =, room_id WITH =, blocks WITH &&) WHERE (occupies AND room_id IS NOT NULL),
  CONSTRAINT appointments_no_patient_overlap EXCLUDE USING gist (org_id WITH =, patient_id WITH =, during WITH &&) WHERE (occupies)
);
CREATE INDEX appointments_location_during ON appointments USING gist (org_id, location_id, blocks);
CREATE INDEX appointments_patient ON appointments (org_id, patient_id, lower(during));

-- A retried create with the same Idempotency-Key returns the first answer.
CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL,
  user_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id, key)
);
