-- Getting paid, first stored part: each organisation's payer directory, a patient's coverages (how a
-- visit is paid: auto PIP or med-pay, workers' comp, a health plan, Medicare or the patient), and a
-- payer's authorizations of so many visits or units between two dates. What an authorization has
-- used is counted from the patient's appointments, never stored. The CHECKs repeat the rules of
-- src/billing (coverage.ts, authorizations.ts) that need no clock, so no other writer can break them.

CREATE TABLE payers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  -- The electronic payer id a clearinghouse routes claims by (e.g. 87726).
  electronic_id text CHECK (electronic_id ~ '^[A-Za-z0-9]{2,15}$'),
  kind text NOT NULL CHECK (kind IN ('auto', 'workers-comp', 'commercial', 'medicare', 'other')),
  address_line1 text CHECK (length(address_line1) <= 200),
  address_line2 text CHECK (length(address_line2) <= 200),
  city text CHECK (length(city) <= 100),
  state text CHECK (state ~ '^[A-Z]{2}$'),
  postal_code text CHECK (postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'),
  phone text CHECK (length(phone) <= 40),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id)
);
CREATE INDEX payers_by_name ON payers (org_id, lower(name));

CREATE TABLE coverages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  coverage_order integer NOT NULL CHECK (coverage_order BETWEEN 1 AND 9),
  type text NOT NULL
    CHECK (type IN ('auto-pip', 'auto-med-pay', 'workers-comp', 'commercial', 'medicare', 'self-pay')),
  payer_id uuid,
  member_id text CHECK (length(member_id) <= 80),
  group_number text CHECK (length(group_number) <= 80),
  relationship text NOT NULL CHECK (relationship IN ('self', 'spouse', 'child', 'other')),
  subscriber_name text CHECK (length(subscriber_name) <= 200),
  subscriber_birth_date date,
  claim_number text CHECK (length(claim_number) <= 80),
  date_of_injury date,
  employer_name text CHECK (length(employer_name) <= 200),
  adjuster_name text CHECK (length(adjuster_name) <= 200),
  adjuster_phone text CHECK (length(adjuster_phone) <= 40),
  adjuster_email text CHECK (adjuster_email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$'),
  attorney_name text CHECK (length(attorney_name) <= 200),
  attorney_phone text CHECK (length(attorney_phone) <= 40),
  attorney_email text CHECK (attorney_email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$'),
  state text CHECK (state ~ '^[A-Z]{2}$'),
  effective_from date,
  effective_to date,
  -- Set when the desk ends the coverage; an ended coverage no longer holds its order.
  ended_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, payer_id) REFERENCES payers(org_id, id),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from),
  -- Self-pay has no payer; every other way of paying names its payer and the member or policy id.
  CHECK ((type = 'self-pay') = (payer_id IS NULL)),
  CHECK (type = 'self-pay' OR (member_id IS NOT NULL AND btrim(member_id) <> '')),
  CHECK (type <> 'medicare'
    OR upper(regexp_replace(member_id, '[\s-]', '', 'g')) ~ '^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$'),
  CHECK (type = 'self-pay' OR relationship = 'self' OR (subscriber_name IS NOT NULL AND subscriber_birth_date IS NOT NULL)),
  CHECK (type NOT IN ('auto-pip', 'auto-med-pay', 'workers-comp')
    OR (claim_number IS NOT NULL AND date_of_injury IS NOT NULL AND state IS NOT NULL)),
  CHECK (type <> 'workers-comp' OR employer_name IS NOT NULL),
  CHECK (adjuster_name IS NOT NULL OR (adjuster_phone IS NULL AND adjuster_email IS NULL)),
  CHECK (attorney_name IS NOT NULL OR (attorney_phone IS NULL AND attorney_email IS NULL))
);
-- One primary (one secondary …) at a time: two would bill the same visit twice.
CREATE UNIQUE INDEX coverages_one_per_order ON coverages (org_id, patient_id, coverage_order) WHERE ended_at IS NULL;

CREATE TABLE authorizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  coverage_id uuid NOT NULL,
  -- The payer's reference for the approval, quoted on the claim.
  reference text CHECK (length(reference) <= 80),
  unit text NOT NULL CHECK (unit IN ('visits', 'units')),
  authorized integer NOT NULL CHECK (authorized BETWEEN 1 AND 999),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  -- The desk is alerted when this many or fewer are left.
  alert_at integer NOT NULL CHECK (alert_at BETWEEN 0 AND 999),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, coverage_id) REFERENCES coverages(org_id, id),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX authorizations_by_coverage ON authorizations (org_id, coverage_id);
CREATE INDEX coverages_by_patient ON coverages (org_id, patient_id);

-- Coverages move with a merged chart; nothing new lands on a merged record.
CREATE TRIGGER refuse_merged_patient BEFORE INSERT OR UPDATE OF patient_id ON coverages
  FOR EACH ROW EXECUTE FUNCTION refuse_merged_patient();
