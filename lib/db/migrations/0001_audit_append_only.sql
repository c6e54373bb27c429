-- The audit log is append-only: an entry is written as started, may have its outcome recorded
-- once, and is never changed or removed after that. The database enforces it, not only the app.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit entries cannot be deleted';
  END IF;
  IF OLD.outcome <> 'started' THEN
    RAISE EXCEPTION 'audit entry % is complete and cannot be changed', OLD.id;
  END IF;
  IF NEW.id <> OLD.id
    OR NEW.operator_id <> OLD.operator_id
    OR NEW.operator_email <> OLD.operator_email
    OR NEW.operator_role <> OLD.operator_role
    OR NEW.action <> OLD.action
    OR NEW.target_id IS DISTINCT FROM OLD.target_id
    OR NEW.params <> OLD.params
    OR NEW.idempotency_key IS DISTINCT FROM OLD.idempotency_key
    OR NEW.mode <> OLD.mode
    OR NEW.started_at <> OLD.started_at THEN
    RAISE EXCEPTION 'only the outcome of audit entry % may be recorded', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_rewrite BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
