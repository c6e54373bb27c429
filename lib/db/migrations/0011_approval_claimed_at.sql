ALTER TABLE "approval_requests" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
-- Requests approved before this column existed: their claim was their approval.
UPDATE "approval_requests" SET "claimed_at" = "decided_at" WHERE "status" = 'approved';
