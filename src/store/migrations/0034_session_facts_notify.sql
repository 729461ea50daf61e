-- A server may keep a signed-in user's session in memory between requests (services/auth/session-memory.ts).
-- It forgets an organisation's kept sessions when anything a session read gives changes: the session ends
-- or is cut short, the user or their sites change, the organisation's zone or schedule stamp moves, or a
-- patient account's language. Each such change notifies the channel with the organisation, at commit.
CREATE FUNCTION notify_session_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('knotwork_session_facts', OLD.org_id::text);
  ELSE
    PERFORM pg_notify('knotwork_session_facts', NEW.org_id::text);
  END IF;
  RETURN NULL;
END
$$;

-- A session used is moved on (last seen, a later end); only an end brought forward matters.
CREATE TRIGGER session_facts AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts_cut AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (NEW.expires_at < OLD.expires_at OR NEW.user_id <> OLD.user_id OR NEW.token_hash <> OLD.token_hash
        OR NEW.csrf_token <> OLD.csrf_token OR NEW.kind <> OLD.kind)
  EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts AFTER INSERT OR UPDATE OR DELETE ON user_locations
  FOR EACH ROW EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts AFTER INSERT OR UPDATE OR DELETE ON therapist_locations
  FOR EACH ROW EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts AFTER UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts AFTER INSERT OR UPDATE ON schedule_versions
  FOR EACH ROW EXECUTE FUNCTION notify_session_facts();
CREATE TRIGGER session_facts AFTER UPDATE OF communication ON patients FOR EACH ROW
  WHEN (OLD.communication IS DISTINCT FROM NEW.communication)
  EXECUTE FUNCTION notify_session_facts();
