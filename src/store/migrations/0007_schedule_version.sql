-- A stamp per organisation that changes whenever anything availability reads besides bookings
-- changes (sites, closures, rooms, therapists, their sites, credentials, shifts, exceptions,
-- services, booking settings), so those reads can be cached and checked with one tiny query.
-- Stamps come from a sequence: a rolled-back change never leaves a stamp that a later, different
-- state could reuse.
CREATE SEQUENCE schedule_version_seq;

CREATE TABLE schedule_versions (
  org_id uuid PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION bump_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  -- A restore writes the stamps as they were backed up.
  IF current_setting('knotwork.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    org := OLD.org_id;
  ELSE
    org := NEW.org_id;
  END IF;
  INSERT INTO schedule_versions (org_id, version) VALUES (org, nextval('schedule_version_seq'))
  ON CONFLICT (org_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END
$$;

CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON locations FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON location_closures FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON rooms FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON practitioners FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON practitioner_locations FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON credentials FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON shift_templates FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON schedule_exceptions FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
CREATE TRIGGER schedule_version AFTER INSERT OR UPDATE OR DELETE ON services FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
-- Booking settings live in organizations.settings.
CREATE TRIGGER schedule_version AFTER UPDATE OF settings ON organizations FOR EACH ROW EXECUTE FUNCTION bump_schedule_version();
