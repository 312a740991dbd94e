CREATE TABLE "predictions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"target" text NOT NULL,
	"segment" text NOT NULL,
	"issued_on" date NOT NULL,
	"horizon_end" date NOT NULL,
	"probability" real NOT NULL,
	"corrected" real NOT NULL,
	"factors" jsonb,
	"outcome" boolean
);
--> statement-breakpoint
CREATE TABLE "propensity_models" (
	"run_id" bigint NOT NULL,
	"target" text NOT NULL,
	"product_ids" bigint[] NOT NULL,
	"horizon_days" real NOT NULL,
	"chosen" text NOT NULL,
	"quality" jsonb NOT NULL,
	CONSTRAINT "propensity_models_run_id_target_pk" PRIMARY KEY("run_id","target")
);
--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propensity_models" ADD CONSTRAINT "propensity_models_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "predictions_run_target_idx" ON "predictions" USING btree ("run_id","target","corrected");--> statement-breakpoint
CREATE INDEX "predictions_account_idx" ON "predictions" USING btree ("account_id","run_id");--> statement-breakpoint
CREATE INDEX "predictions_open_idx" ON "predictions" USING btree ("horizon_end") WHERE outcome IS NULL;