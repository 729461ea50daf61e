-- A patient search is one audit event that lists the patients it showed (detail.patientIds);
-- the audit log's patient filter finds the search under any of them.
CREATE INDEX audit_events_listed_patients ON audit_events USING gin ((detail -> 'patientIds'));

-- The key that signs patients' self-service links: one per installation rather than per organisation,
-- so a link's signature is checked before any query and a forged link costs no database time.
-- Its rows belong to the installation itself, so the table has no org_id.
CREATE TABLE installation_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Links signed with the former per-organisation keys no longer verify; the keys are not used again.
DELETE FROM org_secrets WHERE name = 'link-signing-key';
