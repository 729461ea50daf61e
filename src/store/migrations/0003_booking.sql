-- Booking: a waitlist of patients wanting a service at some sites within a window, and the
-- expiring holds that offer them a freed slot (a live hold blocks the slot for everyone else).

CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  service_code text NOT NULL,
  location_ids uuid[] NOT NULL CHECK (cardinality(location_ids) BETWEEN 1 AND 20),
  earliest date NOT NULL,
  latest date NOT NULL,
  time_of_day text CHECK (time_of_day IN ('morning', 'afternoon', 'evening')),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'removed')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Strict arrival order: two entries made in the same instant still queue one after the other.
  queue_position bigint GENERATED ALWAYS AS IDENTITY,
  CHECK (latest >= earliest),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id)
);
-- First come, first served among those still waiting.
CREATE INDEX waitlist_entries_queue ON waitlist_entries (org_id, service_code, queue_position) WHERE status = 'waiting';
CREATE INDEX waitlist_entries_patient ON waitlist_entries (org_id, patient_id);

CREATE TABLE holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL,
  waitlist_entry_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  practitioner_id uuid NOT NULL,
  location_id uuid NOT NULL,
  room_id uuid,
  service_code text NOT NULL,
  during tstzrange NOT NULL CHECK (NOT isempty(during)),
  blocks tstzrange NOT NULL CHECK (blocks @> during),
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'expired', 'withdrawn')),
  appointment_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, waitlist_entry_id) REFERENCES waitlist_entries(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id),
  FOREIGN KEY (org_id, practitioner_id) REFERENCES practitioners(org_id, id),
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id),
  FOREIGN KEY (org_id, room_id) REFERENCES rooms(org_id, id),
  -- Two offers can never hold the same therapist or room at once (expiry is judged in the services).
  CONSTRAINT holds_no_therapist_overlap EXCLUDE USING gist (org_id WITH =, practitioner_id WITH =, blocks WITH &&) WHERE (status = 'offered'),
  CONSTRAINT holds_no_room_overlap EXCLUDE USING gist (org_id WITH =, room_id WITH =, blocks WITH &&) WHERE (status = 'offered' AND room_id IS NOT NULL)
);
CREATE INDEX holds_live ON holds USING gist (org_id, blocks) WHERE status = 'offered';
CREATE INDEX holds_entry ON holds (org_id, waitlist_entry_id);

CREATE INDEX appointments_series ON appointments (org_id, series_id) WHERE series_id IS NOT NULL;
