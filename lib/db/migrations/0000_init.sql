CREATE TYPE "public"."audit_outcome" AS ENUM('started', 'succeeded', 'failed', 'denied');--> statement-breakpoint
CREATE TYPE "public"."operator_role" AS ENUM('admin', 'ops', 'support', 'finance', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."stripe_mode" AS ENUM('emulator', 'test', 'live');--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"operator_id" text NOT NULL,
	"operator_email" text NOT NULL,
	"operator_role" "operator_role" NOT NULL,
	"action" text NOT NULL,
	"target_id" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text,
	"mode" "stripe_mode" NOT NULL,
	"outcome" "audit_outcome" DEFAULT 'started' NOT NULL,
	"request_id" text,
	"error_message" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "operator_role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "operators_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_started_at_idx" ON "audit_entries" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "audit_entries_target_id_idx" ON "audit_entries" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "audit_entries_operator_id_idx" ON "audit_entries" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "audit_entries_action_idx" ON "audit_entries" USING btree ("action");