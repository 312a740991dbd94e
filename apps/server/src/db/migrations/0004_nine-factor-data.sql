DROP INDEX "account_income_period_key";--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "period_type" text DEFAULT 'year' NOT NULL;--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_income_history" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "value" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "product_suggestions" ADD COLUMN "response" text;--> statement-breakpoint
ALTER TABLE "product_suggestions" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_referred_account_key" ON "referrals" USING btree ("referred_account_id") WHERE "referrals"."deleted_at" IS NULL AND "referrals"."referred_account_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "product_suggestions_account_idx" ON "product_suggestions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "product_suggestions_product_idx" ON "product_suggestions" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_income_period_key" ON "account_income_history" USING btree ("account_id","period_start") WHERE "account_income_history"."deleted_at" IS NULL;