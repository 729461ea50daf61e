-- Who may see a patient's chart is granted, never implied by a booking.
--
-- A patient belongs to their preferred site and to every site they were registered at since: a
-- site's desk and managers see the patients registered there. Registering a patient at another
-- site is a deliberate step with a reason (or follows a booking there by someone who could already
-- see the patient), and each registration records who made it and why.
CREATE TABLE patient_sites (
  org_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  location_id uuid NOT NULL,
  registered_at timestamptz NOT NULL,
  -- The account that registered (null: the system or a self-service link without an account).
  registered_by uuid,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  PRIMARY KEY (org_id, patient_id, location_id),
  FOREIGN KEY (org_id, patient_id) REFERENCES patients(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, location_id) REFERENCES locations(org_id, id)
);
CREATE INDEX patient_sites_location ON patient_sites (org_id, location_id);

-- A therapist reads a chart through a care relationship the clinic grants: who granted it and why,
-- and who ended it and why. A relationship is current while ended_on is null.
ALTER TABLE care_relationships
  ADD COLUMN granted_by uuid,
  ADD COLUMN reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
  ADD COLUMN ended_by uuid,
  ADD COLUMN end_reason text CHECK (end_reason IS NULL OR length(end_reason) BETWEEN 1 AND 500);
CREATE INDEX care_relationships_current ON care_relationships (org_id, practitioner_id, patient_id) WHERE ended_on IS NULL;

-- Until now an appointment alone opened the chart to its therapist, whoever booked it. Keep, as
-- explicit relationships, only what a clinic would have granted: visits at a site the patient is
-- registered at (their preferred site) and therapists who have already charted for the patient.
-- A visit booked at another site by its desk, with nothing charted, opens nothing any more.
INSERT INTO care_relationships (org_id, patient_id, practitioner_id, started_on, reason)
SELECT a.org_id, a.patient_id, a.practitioner_id, min(lower(a.during))::date, 'Booked visits before care relationships were granted'
  FROM appointments a
  JOIN patients p ON p.org_id = a.org_id AND p.id = a.patient_id
 WHERE a.org_id IS NOT NULL AND a.occupies
   AND (a.location_id = p.preferred_location_id
        OR EXISTS (SELECT 1 FROM session_notes n WHERE n.org_id = a.org_id AND n.patient_id = a.patient_id AND n.practitioner_id = a.practitioner_id)
        OR EXISTS (SELECT 1 FROM assessments s WHERE s.org_id = a.org_id AND s.patient_id = a.patient_id AND s.practitioner_id = a.practitioner_id))
 GROUP BY a.org_id, a.patient_id, a.practitioner_id
ON CONFLICT (org_id, patient_id, practitioner_id) DO NOTHING;
