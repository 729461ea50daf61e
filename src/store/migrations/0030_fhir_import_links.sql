-- FHIR import: which record an incoming resource's identifier was imported as. Importing the same
-- records again (the same Bundle, or another system's export read twice) finds them here and changes
-- nothing. Knotwork's own identifiers (the record id under the organisation's canonical base) need no
-- row: they name the record directly.
CREATE TABLE fhir_import_links (
  org_id uuid NOT NULL REFERENCES organizations(id),
  resource_type text NOT NULL CHECK (resource_type IN ('Patient', 'Practitioner', 'Location', 'Organization', 'Coverage', 'Appointment')),
  system text NOT NULL CHECK (length(system) BETWEEN 1 AND 500),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
  record_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, resource_type, system, value)
);
