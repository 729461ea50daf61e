-- A patient search is one audit event that lists the patients it showed (detail.patientIds);
-- the audit log's patient filter finds the search under any of them.
CREATE INDEX audit_events_listed_patients ON audit_events USING gin ((detail -> 'patientIds'));
