-- The public front door: the organisation's "what NMT is / what to expect" text per locale, and the
-- sign-ups a person starts from the public pages before their email is verified.

CREATE TABLE organization_public_texts (
  org_id uuid NOT NULL REFERENCES organizations(id),
  locale text NOT NULL CHECK (locale IN ('en', 'es')),
  content jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, locale)
);

-- One row per email and organisation: a repeated sign-up refreshes it, never adds a second.
CREATE TABLE patient_sign_ups (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  email text NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  date_of_birth date NOT NULL,
  phone text,
  preferred_location_id uuid,
  locale text NOT NULL CHECK (locale IN ('en', 'es')),
  password_hash text NOT NULL,
  idempotency_key text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  verified_at timestamptz,
  patient_id uuid,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, email),
  UNIQUE (org_id, idempotency_key),
  FOREIGN KEY (org_id, preferred_location_id) REFERENCES locations(org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id)
);

-- A verification email is sent before any patient record exists.
ALTER TABLE outbox_messages ALTER COLUMN patient_id DROP NOT NULL;
ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
  CHECK (kind IN ('confirmation', 'reminder', 'pre-visit', 'cancellation', 'reschedule', 'waitlist-offer', 'home-care',
    'visit-affected', 'relief-check', 'sign-up'));
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_patient_unless_sign_up
  CHECK (patient_id IS NOT NULL OR kind = 'sign-up');
