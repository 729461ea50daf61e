-- Foundation: organisation, people, places, access and audit.
-- Every table carries org_id so the schema can be distributed by organisation.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid GENERATED ALWAYS AS (id) STORED,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,60}$'),
  is_demo boolean NOT NULL DEFAULT false,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  slug text NOT NULL,
  address_line1 text NOT NULL,
  address_line2 text,
  city text NOT NULL,
  state text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
  postal_code text NOT NULL,
  country text NOT NULL DEFAULT 'US',
  phone text,
  time_zone text NOT NULL,
  -- weekday (0 = Sunday) → list of {open: "HH:MM", close: "HH:MM"} in the location's time zone
  hours jsonb NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, slug),
  UNIQUE (org_id, id)
);

CREATE TABLE location_closures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  location_id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  reason text NOT NULL,
  CHECK (ends_on >= starts_on),
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id) ON DELETE CASCADE
);
CREATE INDEX location_closures_location ON location_closures (org_id, location_id, starts_on);

CREATE TABLE rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  location_id uuid NOT NULL,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  UNIQUE (org_id, location_id, name),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);

CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  preferred_name text,
  date_of_birth date NOT NULL,
  -- sex recorded at birth and gender identity are separate facts
  sex_at_birth text NOT NULL CHECK (sex_at_birth IN ('female', 'male', 'intersex', 'unknown')),
  gender_identity text,
  pronouns text,
  email text,
  phone text,
  -- digits only, for search by any way of writing the number
  phone_digits text GENERATED ALWAYS AS (nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '')) STORED,
  address jsonb,
  emergency_contact jsonb,
  preferred_location_id uuid,
  communication jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, preferred_location_id) REFERENCES locations(org_id, id)
);
-- Search: prefix on family name, given name, full name; exact on phone digits and date of birth.
CREATE INDEX patients_family ON patients (org_id, lower(family_name) text_pattern_ops, lower(given_name));
CREATE INDEX patients_given ON patients (org_id, lower(given_name) text_pattern_ops);
CREATE INDEX patients_full ON patients (org_id, (lower(given_name || ' ' || family_name)) text_pattern_ops);
CREATE INDEX patients_phone ON patients (org_id, phone_digits text_pattern_ops);
CREATE INDEX patients_dob ON patients (org_id, date_of_birth);
CREATE INDEX patients_location ON patients (org_id, preferred_location_id);

CREATE TABLE practitioners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text,
  phone text,
  discipline text NOT NULL DEFAULT 'nmt' CHECK (discipline IN ('nmt', 'chiropractic', 'acupuncture', 'corrective-exercise')),
  bio text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id)
);

CREATE TABLE practitioner_locations (
  org_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  location_id uuid NOT NULL,
  PRIMARY KEY (org_id, practitioner_id, location_id),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);

CREATE TABLE credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('licence', 'certification')),
  type text NOT NULL,            -- e.g. LMT, LMBT, CNMT
  issuer text NOT NULL,          -- issuing state (licences) or body (certifications)
  number text,
  issued_on date,
  expires_on date,
  education_hours integer CHECK (education_hours >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id) ON DELETE CASCADE
);
CREATE INDEX credentials_practitioner ON credentials (org_id, practitioner_id);

CREATE TABLE continuing_education (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  hours_required numeric(6, 1) NOT NULL CHECK (hours_required >= 0),
  hours_completed numeric(6, 1) NOT NULL CHECK (hours_completed >= 0),
  CHECK (period_end > period_start),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id) ON DELETE CASCADE
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('patient', 'therapist', 'front_desk', 'manager', 'admin')),
  password_hash text NOT NULL,
  patient_id uuid,
  practitioner_id uuid,
  disabled_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (email),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id),
  CHECK (role <> 'patient' OR patient_id IS NOT NULL),
  CHECK (role <> 'therapist' OR practitioner_id IS NOT NULL)
);

-- The sites a front-desk user or manager works for (admins see the whole organisation).
CREATE TABLE user_locations (
  org_id uuid NOT NULL,
  user_id uuid NOT NULL,
  location_id uuid NOT NULL,
  PRIMARY KEY (org_id, user_id, location_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);

-- Who treats whom: a therapist sees the patients of their care relationships.
CREATE TABLE care_relationships (
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  started_on date NOT NULL DEFAULT current_date,
  ended_on date,
  PRIMARY KEY (org_id, patient_id, practitioner_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id)
);
CREATE INDEX care_relationships_practitioner ON care_relationships (org_id, practitioner_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,   -- sha256 of the secret; the secret itself is never stored
  csrf_token text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions (org_id, user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Failed logins, for rate limiting shared by every server instance. org_id is null when the
-- email matches no account.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid,
  email text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_role text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied')),
  patient_id uuid,
  record_type text,
  record_id text,
  ip text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_at ON audit_events (org_id, at DESC);
CREATE INDEX audit_events_patient ON audit_events (org_id, patient_id, at DESC);
CREATE INDEX audit_events_actor ON audit_events (org_id, actor_user_id, at DESC);

-- Background work, claimed with FOR UPDATE SKIP LOCKED so any number of instances can run workers.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text,
  dedupe_key text UNIQUE
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
