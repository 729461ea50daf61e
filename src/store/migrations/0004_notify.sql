-- Notifications: an outbox the worker drains (so no message is lost when the process dies), the
-- per-organisation secrets that sign patient self-service links, and revocable calendar feeds.

CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('confirmation', 'reminder', 'pre-visit', 'cancellation', 'reschedule', 'waitlist-offer')),
  appointment_id uuid,
  patient_id uuid NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text text NOT NULL,
  html text,
  send_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text,
  -- Fixed at enqueue: a resend after a crash carries the same Message-ID, so mail systems see one message.
  message_id text NOT NULL UNIQUE,
  dedupe_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  locked_until timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, appointment_id) REFERENCES appointments(org_id, id)
);
CREATE INDEX outbox_messages_due ON outbox_messages (send_at) WHERE status = 'pending';
CREATE INDEX outbox_messages_appointment ON outbox_messages (org_id, appointment_id);

-- Secrets generated on first use (e.g. the key that signs self-service links); never in the repository.
CREATE TABLE org_secrets (
  org_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, name)
);

-- A feed URL carries a random token; only its SHA-256 is stored, so a database leak reveals no feed.
CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('therapist', 'site')),
  subject_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE INDEX calendar_feeds_subject ON calendar_feeds (org_id, kind, subject_id);
