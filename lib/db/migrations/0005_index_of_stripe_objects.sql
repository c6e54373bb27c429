CREATE TABLE "index_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text,
	"country" text,
	"business_name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"created" bigint,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"disabled_reason" text,
	"currently_due_count" integer DEFAULT 0 NOT NULL,
	"past_due_count" integer DEFAULT 0 NOT NULL,
	"eventually_due_count" integer DEFAULT 0 NOT NULL,
	"pending_verification_count" integer DEFAULT 0 NOT NULL,
	"current_deadline" bigint,
	"due_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"capabilities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"open_early_fraud_warnings" integer DEFAULT 0 NOT NULL,
	"open_reviews" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"data" jsonb NOT NULL,
	"event_created" bigint NOT NULL,
	"from_fetch" boolean DEFAULT false NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_objects" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"account" text,
	"parent" text,
	"created" bigint,
	"status" text,
	"amount" bigint,
	"currency" text,
	"risk_level" text,
	"risk_score" integer,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data" jsonb NOT NULL,
	"event_created" bigint NOT NULL,
	"from_fetch" boolean DEFAULT false NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_sync_state" (
	"key" text PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'idle' NOT NULL,
	"cursor" text,
	"objects" integer DEFAULT 0 NOT NULL,
	"expected" integer,
	"watermark" bigint,
	"started_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"rate_limited" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_inbox" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"account" text,
	"event_created" bigint NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"source" text DEFAULT 'webhook' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "index_accounts_created_idx" ON "index_accounts" USING btree ("created","id");--> statement-breakpoint
CREATE INDEX "index_accounts_status_created_idx" ON "index_accounts" USING btree ("status","created","id");--> statement-breakpoint
CREATE INDEX "index_accounts_name_idx" ON "index_accounts" USING btree ("business_name","id");--> statement-breakpoint
CREATE INDEX "index_accounts_email_idx" ON "index_accounts" USING btree ("email","id");--> statement-breakpoint
CREATE INDEX "index_accounts_country_idx" ON "index_accounts" USING btree ("country");--> statement-breakpoint
CREATE INDEX "index_accounts_type_idx" ON "index_accounts" USING btree ("type");--> statement-breakpoint
CREATE INDEX "index_accounts_disabled_reason_idx" ON "index_accounts" USING btree ("disabled_reason");--> statement-breakpoint
CREATE INDEX "index_accounts_deadline_idx" ON "index_accounts" USING btree ("current_deadline");--> statement-breakpoint
CREATE INDEX "index_accounts_past_due_idx" ON "index_accounts" USING btree ("past_due_count");--> statement-breakpoint
CREATE INDEX "index_accounts_due_fields_idx" ON "index_accounts" USING gin ("due_fields");--> statement-breakpoint
CREATE INDEX "index_accounts_capabilities_idx" ON "index_accounts" USING gin ("capabilities" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "index_accounts_metadata_idx" ON "index_accounts" USING gin ("metadata" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "index_accounts_synced_at_idx" ON "index_accounts" USING btree ("synced_at");--> statement-breakpoint
CREATE INDEX "index_objects_type_created_idx" ON "index_objects" USING btree ("type","created","id");--> statement-breakpoint
CREATE INDEX "index_objects_account_idx" ON "index_objects" USING btree ("account","type","created");--> statement-breakpoint
CREATE INDEX "index_objects_parent_idx" ON "index_objects" USING btree ("parent");--> statement-breakpoint
CREATE INDEX "index_objects_type_status_idx" ON "index_objects" USING btree ("type","status");--> statement-breakpoint
CREATE INDEX "index_objects_risk_level_idx" ON "index_objects" USING btree ("risk_level");--> statement-breakpoint
CREATE INDEX "index_objects_metadata_idx" ON "index_objects" USING gin ("metadata" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "webhook_inbox_pending_idx" ON "webhook_inbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_inbox_received_at_idx" ON "webhook_inbox" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "webhook_inbox_account_created_idx" ON "webhook_inbox" USING btree ("account","event_created");--> statement-breakpoint
-- Search over id, business name, e-mail and metadata values as a trigram index (pg_trgm: PGlite
-- loads it, lib/db/open.ts; on PostgreSQL it is a trusted extension the database's owner may
-- create). Where it cannot be created the search still works, as a scan (LIKE without the index).
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXECUTE 'CREATE INDEX IF NOT EXISTS "index_accounts_search_trgm_idx" ON "index_accounts" USING gin ("search_text" gin_trgm_ops)';
EXCEPTION WHEN others THEN
  RAISE NOTICE 'pg_trgm is not available (%): account search scans instead of using a trigram index', SQLERRM;
END
$$;
