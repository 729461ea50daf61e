-- Getting paid, the stored money: who bills (the organisation as billing provider, each therapist's
-- NPI), what each payer pays per CPT code, the charges a signed note proposes, the double-entry
-- ledger (entries and their lines, INSERT only), payments received, claims and the 837P batches
-- they went out in. Balances are sums over ledger lines, never a stored column (src/billing README).

-- The rendering provider's National Provider Identifier (its check digit is checked by the service).
ALTER TABLE therapists ADD COLUMN npi text CHECK (npi ~ '^[0-9]{10}$');

-- The organisation as billing provider (CMS-1500 box 33, 837P loop 2010AA) and as claim sender.
CREATE TABLE billing_profiles (
  org_id uuid PRIMARY KEY REFERENCES organizations(id),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
  npi text NOT NULL CHECK (npi ~ '^[0-9]{10}$'),
  tax_id text NOT NULL CHECK (tax_id ~ '^[0-9]{9}$'),
  address_line1 text NOT NULL CHECK (length(btrim(address_line1)) BETWEEN 1 AND 55),
  address_line2 text CHECK (length(address_line2) <= 55),
  city text NOT NULL CHECK (length(btrim(city)) BETWEEN 1 AND 30),
  state text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
  postal_code text NOT NULL CHECK (postal_code ~ '^([0-9]{5}|[0-9]{9})$'),
  phone text NOT NULL CHECK (length(phone) <= 40),
  -- The interchange ids of the clinic (sender) and its clearinghouse (receiver), ISA06 / ISA08.
  submitter_id text NOT NULL CHECK (submitter_id ~ '^[A-Za-z0-9]{1,15}$'),
  contact_name text NOT NULL CHECK (length(btrim(contact_name)) BETWEEN 1 AND 60),
  receiver_id text NOT NULL CHECK (receiver_id ~ '^[A-Za-z0-9]{1,15}$'),
  receiver_name text NOT NULL CHECK (length(btrim(receiver_name)) BETWEEN 1 AND 60),
  place_of_service text NOT NULL DEFAULT '11' CHECK (place_of_service ~ '^[0-9]{2}$'),
  -- P production, T test (ISA15).
  usage text NOT NULL DEFAULT 'T' CHECK (usage IN ('P', 'T')),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL
);

-- What a payer allows per unit of a CPT code, from one date (to another, or open-ended).
CREATE TABLE fee_schedule_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  payer_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[0-9]{4}[0-9A-Z]$'),
  fee_cents integer NOT NULL CHECK (fee_cents BETWEEN 1 AND 10000000),
  effective_from date NOT NULL,
  effective_to date,
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, payer_id) REFERENCES payers(org_id, id),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  -- One fee per code and day: two would make the price of a visit depend on which one was read.
  CONSTRAINT fee_schedule_no_overlap EXCLUDE USING gist (
    org_id WITH =, payer_id WITH =, code WITH =, daterange(effective_from, effective_to, '[]') WITH &&)
);

-- A charge line proposed from a signed note; the desk reviews it and posts it. Once posted it is
-- never edited, only reversed (the trigger below), and the ledger entry is the money.
CREATE TABLE charges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  appointment_id uuid,
  -- The coverage billed and its payer; both empty for self-pay.
  coverage_id uuid,
  payer_id uuid,
  service_date date NOT NULL,
  -- The line's place in the visit's proposal (the note's order of timed services).
  line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 50),
  code text NOT NULL CHECK (code ~ '^[0-9]{4}[0-9A-Z]$'),
  minutes integer NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
  units integer NOT NULL CHECK (units BETWEEN 1 AND 99),
  modifiers text[] NOT NULL DEFAULT '{}' CHECK (cardinality(modifiers) <= 4),
  -- The visit's diagnoses, lettered A, B, … in this order; the pointers name letters of it.
  diagnoses text[] NOT NULL CHECK (cardinality(diagnoses) BETWEEN 1 AND 12),
  diagnosis_pointers text[] NOT NULL CHECK (cardinality(diagnosis_pointers) BETWEEN 1 AND 4),
  place_of_service text NOT NULL CHECK (place_of_service ~ '^[0-9]{2}$'),
  rendering_therapist_id uuid NOT NULL,
  rendering_npi text NOT NULL CHECK (rendering_npi ~ '^[0-9]{10}$'),
  -- The payer's fee per unit; empty for self-pay, whose lines share the service's price.
  fee_cents integer CHECK (fee_cents BETWEEN 1 AND 10000000),
  amount_cents integer NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'posted', 'reversed')),
  entry_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id),
  FOREIGN KEY (org_id, appointment_id) REFERENCES appointments(org_id, id),
  FOREIGN KEY (org_id, coverage_id) REFERENCES coverages(org_id, id),
  FOREIGN KEY (org_id, payer_id) REFERENCES payers(org_id, id),
  FOREIGN KEY (org_id, rendering_therapist_id) REFERENCES therapists(org_id, id),
  CHECK ((coverage_id IS NULL) = (payer_id IS NULL)),
  CHECK ((status = 'proposed') = (entry_id IS NULL)),
  CHECK (fee_cents IS NULL OR amount_cents = fee_cents * units)
);
-- One live line per code and visit: proposing again does not double a visit's charges.
CREATE UNIQUE INDEX charges_one_per_code ON charges (org_id, session_note_id, code) WHERE status <> 'reversed';
CREATE INDEX charges_by_patient ON charges (org_id, patient_id, service_date);

CREATE FUNCTION refuse_posted_charge_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'proposed' THEN
      RAISE EXCEPTION 'a posted charge is never deleted, only reversed' USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'proposed' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'posted' AND NEW.status = 'reversed'
     AND (to_jsonb(NEW) - 'status' - 'version' - 'updated_at') = (to_jsonb(OLD) - 'status' - 'version' - 'updated_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a posted charge is never edited, only reversed' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER refuse_posted_charge_edit BEFORE UPDATE OR DELETE ON charges
  FOR EACH ROW EXECUTE FUNCTION refuse_posted_charge_edit();

-- The ledger. An entry is one posting (src/billing/ledger.ts PostedEntry); its lines debit and
-- credit accounts by the same total. INSERT only: a mistake is a reversal pointing at the original.
CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  kind text NOT NULL
    CHECK (kind IN ('charge', 'payment', 'adjustment', 'transfer', 'write-off', 'refund', 'reversal')),
  posted_at timestamptz NOT NULL,
  method text CHECK (method IN ('card', 'cash', 'check', 'transfer')),
  reference text CHECK (length(reference) <= 80),
  reason text CHECK (length(reason) <= 500),
  reverses uuid,
  service_date date,
  -- What the entry is about: the charge it posts, the claim a payer paid, the visit checked out.
  charge_id uuid,
  claim_id uuid,
  session_note_id uuid,
  posted_by uuid NOT NULL,
  UNIQUE (org_id, id),
  -- At most one reversal per entry.
  UNIQUE (org_id, reverses),
  FOREIGN KEY (org_id, reverses) REFERENCES ledger_entries(org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, charge_id) REFERENCES charges(org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id),
  FOREIGN KEY (org_id, posted_by) REFERENCES users(org_id, id),
  CHECK ((kind = 'reversal') = (reverses IS NOT NULL)),
  CHECK (kind NOT IN ('payment', 'refund') OR method IS NOT NULL)
);
CREATE INDEX ledger_entries_by_patient ON ledger_entries (org_id, patient_id, posted_at);

CREATE TABLE ledger_lines (
  org_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  line_no smallint NOT NULL CHECK (line_no >= 1),
  account text NOT NULL CHECK (account IN ('patient', 'payer', 'revenue', 'cash', 'adjustments', 'write-offs')),
  patient_id uuid,
  payer_id uuid,
  side text NOT NULL CHECK (side IN ('debit', 'credit')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (org_id, entry_id, line_no),
  FOREIGN KEY (org_id, entry_id) REFERENCES ledger_entries(org_id, id),
  FOREIGN KEY (org_id, payer_id) REFERENCES payers(org_id, id),
  CHECK ((account = 'payer') = (payer_id IS NOT NULL)),
  CHECK ((account IN ('patient', 'payer')) = (patient_id IS NOT NULL))
);
CREATE INDEX ledger_lines_by_payer ON ledger_lines (org_id, payer_id) WHERE payer_id IS NOT NULL;
CREATE INDEX ledger_lines_by_patient ON ledger_lines (org_id, patient_id) WHERE patient_id IS NOT NULL;

CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: post a reversal instead' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER refuse_ledger_change BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER refuse_ledger_change BEFORE UPDATE OR DELETE ON ledger_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

-- Debits equal credits per entry, checked when the transaction commits (all lines are in by then).
CREATE FUNCTION check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT coalesce(sum(CASE WHEN l.side = 'debit' THEN l.amount_cents ELSE -l.amount_cents END), 0)
        FROM ledger_lines l WHERE l.org_id = NEW.org_id AND l.entry_id = NEW.entry_id) <> 0 THEN
    RAISE EXCEPTION 'a ledger entry''s debits and credits must be equal' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER check_entry_balanced AFTER INSERT ON ledger_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_entry_balanced();

-- Claims: one per visit and coverage, carrying that visit's posted charges.
CREATE TABLE claim_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  -- ISA13 and GS06: each interchange the clinic sends has its own.
  interchange_control_number integer NOT NULL CHECK (interchange_control_number BETWEEN 1 AND 999999999),
  group_control_number integer NOT NULL CHECK (group_control_number BETWEEN 1 AND 999999999),
  usage text NOT NULL CHECK (usage IN ('P', 'T')),
  claim_count integer NOT NULL CHECK (claim_count >= 1),
  file text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, interchange_control_number),
  FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);

CREATE TABLE claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  coverage_id uuid NOT NULL,
  payer_id uuid NOT NULL,
  -- The patient control number (837P CLM01, CMS-1500 box 26).
  control_number text NOT NULL CHECK (control_number ~ '^[A-Za-z0-9-]{1,20}$'),
  status text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'submitted', 'paid')),
  batch_id uuid,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, control_number),
  UNIQUE (org_id, session_note_id, coverage_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id),
  FOREIGN KEY (org_id, coverage_id) REFERENCES coverages(org_id, id),
  FOREIGN KEY (org_id, payer_id) REFERENCES payers(org_id, id),
  FOREIGN KEY (org_id, batch_id) REFERENCES claim_batches(org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id),
  CHECK ((status = 'ready') = (batch_id IS NULL))
);
CREATE INDEX claims_by_patient ON claims (org_id, patient_id);

CREATE TABLE claim_charges (
  org_id uuid NOT NULL,
  claim_id uuid NOT NULL,
  charge_id uuid NOT NULL,
  line_no smallint NOT NULL CHECK (line_no BETWEEN 1 AND 50),
  -- A charge is billed on one claim only.
  PRIMARY KEY (org_id, charge_id),
  UNIQUE (org_id, claim_id, line_no),
  FOREIGN KEY (org_id, claim_id) REFERENCES claims(org_id, id),
  FOREIGN KEY (org_id, charge_id) REFERENCES charges(org_id, id)
);

ALTER TABLE ledger_entries ADD FOREIGN KEY (org_id, claim_id) REFERENCES claims(org_id, id);

-- Money received or paid back, as the desk recorded it; the ledger entry is the posting.
CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  -- Empty when the patient paid; the payer when a payer did.
  payer_id uuid,
  claim_id uuid,
  session_note_id uuid,
  direction text NOT NULL DEFAULT 'received' CHECK (direction IN ('received', 'refunded')),
  method text NOT NULL CHECK (method IN ('card', 'cash', 'check', 'transfer')),
  reference text CHECK (length(reference) <= 80),
  amount_cents integer NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, entry_id),
  FOREIGN KEY (org_id, entry_id) REFERENCES ledger_entries(org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, payer_id) REFERENCES payers(org_id, id),
  FOREIGN KEY (org_id, claim_id) REFERENCES claims(org_id, id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id),
  FOREIGN KEY (org_id, recorded_by) REFERENCES users(org_id, id)
);
CREATE INDEX payments_by_patient ON payments (org_id, patient_id, recorded_at);

-- A visit's checkout: the copay the desk moved to the patient's side, once per visit.
CREATE TABLE visit_checkouts (
  org_id uuid NOT NULL,
  session_note_id uuid NOT NULL,
  copay_cents integer NOT NULL CHECK (copay_cents BETWEEN 0 AND 10000000),
  entry_id uuid,
  checked_out_by uuid NOT NULL,
  checked_out_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, session_note_id),
  FOREIGN KEY (org_id, session_note_id) REFERENCES session_notes(org_id, id),
  FOREIGN KEY (org_id, entry_id) REFERENCES ledger_entries(org_id, id),
  FOREIGN KEY (org_id, checked_out_by) REFERENCES users(org_id, id)
);
