ALTER TABLE "risk_accounts" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "case_id" text;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "case_status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "assignee_id" text;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "case_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD COLUMN "escalated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "risk_accounts_status_score_idx" ON "risk_accounts" USING btree ("case_status","score","account_id");--> statement-breakpoint
CREATE INDEX "risk_accounts_country_idx" ON "risk_accounts" USING btree ("country");--> statement-breakpoint
CREATE INDEX "risk_accounts_type_idx" ON "risk_accounts" USING btree ("type");--> statement-breakpoint
CREATE INDEX "risk_accounts_assignee_idx" ON "risk_accounts" USING btree ("assignee_id");--> statement-breakpoint
-- The queue's copy of each account's case on risk_accounts: the undecided case, else the newest.
-- Every change to a case is copied to its account's row, so whoever writes risk_cases (the
-- recompute, the case page's decisions) needs no other step to keep the queue's tabs, assignee
-- filter and counts right. A row the recompute adds takes its account's cases in one set-based
-- update (lib/risk/recompute.ts), not a trigger per row.
CREATE FUNCTION risk_cases_to_accounts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE risk_accounts r
    SET case_id = NEW.id,
        case_status = NEW.status,
        assignee_id = NEW.assignee_id,
        case_opened_at = NEW.opened_at,
        escalated = NEW.escalated_at IS NOT NULL
    WHERE r.account_id = NEW.account_id
      AND (NEW.status <> 'decided' OR r.case_id IS NULL OR r.case_id = NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER risk_cases_to_accounts AFTER INSERT OR UPDATE ON risk_cases
  FOR EACH ROW EXECUTE FUNCTION risk_cases_to_accounts();
--> statement-breakpoint
-- Rows written before this migration: their case and the account's name, country and type.
UPDATE risk_accounts r
  SET case_id = c.id, case_status = c.status, assignee_id = c.assignee_id, case_opened_at = c.opened_at, escalated = c.escalated_at IS NOT NULL
  FROM (SELECT DISTINCT ON (account_id) * FROM risk_cases ORDER BY account_id, (status <> 'decided') DESC, opened_at DESC, id DESC) c
  WHERE c.account_id = r.account_id;
--> statement-breakpoint
UPDATE risk_accounts r
  SET name = coalesce(nullif(a.business_name, ''), a.email, ''), country = a.country, type = a.type
  FROM index_accounts a
  WHERE a.id = r.account_id;
