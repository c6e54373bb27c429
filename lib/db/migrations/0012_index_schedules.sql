ALTER TABLE "index_objects" ADD COLUMN "customer" text;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "phase_index" integer;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "phase_count" integer;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "next_phase_at" bigint;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "fee_percent" double precision;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "ended_at" bigint;--> statement-breakpoint
CREATE INDEX "index_objects_type_next_phase_idx" ON "index_objects" USING btree ("type",coalesce("next_phase_at", 9007199254740991),"id");--> statement-breakpoint
CREATE INDEX "index_objects_type_fee_idx" ON "index_objects" USING btree ("type",coalesce("fee_percent", -1),"id");--> statement-breakpoint
CREATE INDEX "index_objects_customer_idx" ON "index_objects" USING btree ("customer");