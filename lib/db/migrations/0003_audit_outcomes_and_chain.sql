-- The audit log stays append-only, with two kinds of outcome change allowed: a started entry may
-- become unknown or final, and an unknown one final (never back). The chain hash is written once
-- (at insert, or when an entry made before the chain existed is sealed); the outcome hash follows
-- the outcome. Everything else about an entry never changes, and nothing is ever removed.
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean;
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit entries cannot be deleted';
  END IF;
  IF NEW.id <> OLD.id
    OR NEW.operator_id IS DISTINCT FROM OLD.operator_id
    OR NEW.operator_email <> OLD.operator_email
    OR NEW.operator_role IS DISTINCT FROM OLD.operator_role
    OR NEW.action <> OLD.action
    OR NEW.target_id IS DISTINCT FROM OLD.target_id
    OR NEW.params <> OLD.params
    OR NEW.idempotency_key IS DISTINCT FROM OLD.idempotency_key
    OR NEW.mode <> OLD.mode
    OR NEW.started_at <> OLD.started_at THEN
    RAISE EXCEPTION 'only the outcome of audit entry % may be recorded', OLD.id;
  END IF;
  IF OLD.chain_hash IS NOT NULL AND NEW.chain_hash IS DISTINCT FROM OLD.chain_hash THEN
    RAISE EXCEPTION 'the chain hash of audit entry % cannot be changed', OLD.id;
  END IF;
  was_open := OLD.outcome::text IN ('started', 'unknown');
  IF was_open THEN
    IF OLD.outcome::text = 'unknown' AND NEW.outcome::text = 'started' THEN
      RAISE EXCEPTION 'audit entry % cannot go back to started', OLD.id;
    END IF;
    RETURN NEW;
  END IF;
  -- A final entry: only sealing an entry written before the chain existed (hashes from null).
  IF NEW.outcome <> OLD.outcome
    OR NEW.request_id IS DISTINCT FROM OLD.request_id
    OR NEW.error_message IS DISTINCT FROM OLD.error_message
    OR NEW.completed_at IS DISTINCT FROM OLD.completed_at
    OR NEW.result_id IS DISTINCT FROM OLD.result_id
    OR NEW.resolution IS DISTINCT FROM OLD.resolution
    OR (OLD.outcome_hash IS NOT NULL AND NEW.outcome_hash IS DISTINCT FROM OLD.outcome_hash) THEN
    RAISE EXCEPTION 'audit entry % is complete and cannot be changed', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
