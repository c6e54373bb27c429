CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'declined', 'cancelled', 'expired', 'executed', 'failed', 'unknown');--> statement-breakpoint
CREATE TABLE "approval_policies" (
	"action" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"mode" text NOT NULL,
	"approver_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"validity_hours" integer DEFAULT 24 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"target_id" text,
	"params" jsonb NOT NULL,
	"execution_key" text NOT NULL,
	"summary" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"amount" bigint,
	"currency" text,
	"mode" "stripe_mode" NOT NULL,
	"note" text NOT NULL,
	"status" "approval_status" DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_email" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_by_email" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"execution_request_id" text,
	"execution_result_id" text,
	"execution_error" text,
	"retryable" boolean DEFAULT true NOT NULL,
	"executed_at" timestamp with time zone,
	"request_audit_id" bigint,
	"decision_audit_id" bigint,
	"execution_audit_id" bigint
);
--> statement-breakpoint
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_requested_by_operators_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD CONSTRAINT "approval_requests_decided_by_operators_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."operators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_requests_execution_key_idx" ON "approval_requests" USING btree ("execution_key");--> statement-breakpoint
CREATE INDEX "approval_requests_status_idx" ON "approval_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "approval_requests_target_id_idx" ON "approval_requests" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "approval_requests_requested_by_idx" ON "approval_requests" USING btree ("requested_by");