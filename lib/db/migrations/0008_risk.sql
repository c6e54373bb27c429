CREATE TABLE "risk_accounts" (
	"account_id" text PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"signals" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"newest_signal_at" bigint,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_case_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_id" text,
	"decision" text,
	"escalated_at" timestamp with time zone,
	"escalated_by" text,
	"escalation_note" text,
	"signals_at_decision" jsonb,
	"reopened_from" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text
);
--> statement-breakpoint
ALTER TABLE "risk_case_notes" ADD CONSTRAINT "risk_case_notes_case_id_risk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."risk_cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_case_notes" ADD CONSTRAINT "risk_case_notes_author_id_operators_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_cases" ADD CONSTRAINT "risk_cases_assignee_id_operators_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_cases" ADD CONSTRAINT "risk_cases_escalated_by_operators_id_fk" FOREIGN KEY ("escalated_by") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_cases" ADD CONSTRAINT "risk_cases_decided_by_operators_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_accounts_score_idx" ON "risk_accounts" USING btree ("score","account_id");--> statement-breakpoint
CREATE INDEX "risk_accounts_newest_signal_idx" ON "risk_accounts" USING btree ("newest_signal_at","account_id");--> statement-breakpoint
CREATE INDEX "risk_accounts_kinds_idx" ON "risk_accounts" USING gin ("kinds");--> statement-breakpoint
CREATE INDEX "risk_accounts_computed_at_idx" ON "risk_accounts" USING btree ("computed_at");--> statement-breakpoint
CREATE INDEX "risk_case_notes_case_idx" ON "risk_case_notes" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_cases_one_undecided_idx" ON "risk_cases" USING btree ("account_id") WHERE "risk_cases"."status" <> 'decided';--> statement-breakpoint
CREATE INDEX "risk_cases_account_opened_idx" ON "risk_cases" USING btree ("account_id","opened_at");--> statement-breakpoint
CREATE INDEX "risk_cases_status_idx" ON "risk_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "risk_cases_assignee_idx" ON "risk_cases" USING btree ("assignee_id");--> statement-breakpoint
-- A case's notes are append-only, like the audit log (migration 0001): the database refuses to
-- change or remove one, whoever asks, not only the app.
CREATE FUNCTION risk_case_notes_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'risk case notes are append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER risk_case_notes_no_rewrite BEFORE UPDATE OR DELETE ON risk_case_notes
  FOR EACH ROW EXECUTE FUNCTION risk_case_notes_append_only();
--> statement-breakpoint
CREATE TRIGGER risk_case_notes_no_truncate BEFORE TRUNCATE ON risk_case_notes
  FOR EACH STATEMENT EXECUTE FUNCTION risk_case_notes_append_only();
