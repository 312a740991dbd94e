ALTER TABLE "product_suggestions" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD COLUMN "added_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD COLUMN "left_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "product_suggestions_external_id_key" ON "product_suggestions" USING btree ("external_id") WHERE "product_suggestions"."external_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_external_id_key" ON "tickets" USING btree ("external_id") WHERE "tickets"."external_id" IS NOT NULL;