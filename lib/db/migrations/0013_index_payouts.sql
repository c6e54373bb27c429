ALTER TABLE "index_objects" ADD COLUMN "arrival_date" bigint;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "failure_code" text;--> statement-breakpoint
ALTER TABLE "index_objects" ADD COLUMN "automatic" boolean;--> statement-breakpoint
CREATE INDEX "index_objects_type_arrival_idx" ON "index_objects" USING btree ("type","arrival_date","id");