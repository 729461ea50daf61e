-- FHIR bulk exports ($export, the Bulk Data Access IG): one row per request, run by the jobs worker, and
-- the NDJSON files it wrote. The files live in the database rather than the data folder so that any
-- server instance can answer a download (instances share the database, not a disk), PGlite and
-- PostgreSQL alike, and a cancelled or expired export takes its files with it (ON DELETE CASCADE).

CREATE TABLE fhir_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id),
  requested_by uuid NOT NULL,
  -- Who asked, as the worker reads on their behalf (role, sites), through the same policies.
  actor jsonb NOT NULL,
  -- The kick-off URL as the client sent it (the manifest's "request").
  request text NOT NULL CHECK (length(request) <= 2000),
  level text NOT NULL CHECK (level IN ('system', 'patient', 'group')),
  group_id uuid,
  types text[] NOT NULL CHECK (cardinality(types) BETWEEN 1 AND 40),
  since timestamptz,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  transaction_time timestamptz,
  error text CHECK (length(error) <= 500),
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, requested_by) REFERENCES users(org_id, id),
  FOREIGN KEY (org_id, group_id) REFERENCES locations(org_id, id),
  CHECK ((level = 'group') = (group_id IS NOT NULL))
);
CREATE INDEX fhir_exports_by_requester ON fhir_exports (org_id, requested_by, created_at);

CREATE TABLE fhir_export_files (
  org_id uuid NOT NULL,
  export_id uuid NOT NULL,
  type text NOT NULL CHECK (type ~ '^[A-Z][A-Za-z]{1,40}$'),
  part integer NOT NULL CHECK (part >= 1),
  count integer NOT NULL CHECK (count >= 1),
  ndjson text NOT NULL,
  PRIMARY KEY (org_id, export_id, type, part),
  FOREIGN KEY (org_id, export_id) REFERENCES fhir_exports(org_id, id) ON DELETE CASCADE
);
