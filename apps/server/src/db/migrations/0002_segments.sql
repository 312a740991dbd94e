CREATE TABLE "customer_group_members" (
	"run_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"group_no" integer NOT NULL,
	"membership" real NOT NULL,
	"memberships" real[] NOT NULL,
	CONSTRAINT "customer_group_members_run_id_account_id_pk" PRIMARY KEY("run_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"run_id" bigint NOT NULL,
	"group_no" integer NOT NULL,
	"name" text,
	"size" integer NOT NULL,
	"fuzzy_size" double precision NOT NULL,
	"profile" jsonb NOT NULL,
	CONSTRAINT "customer_groups_run_id_group_no_pk" PRIMARY KEY("run_id","group_no")
);
--> statement-breakpoint
CREATE TABLE "group_associations" (
	"run_id" bigint NOT NULL,
	"customer_group" integer NOT NULL,
	"product_group" integer NOT NULL,
	"attributes" jsonb NOT NULL,
	"support" double precision NOT NULL,
	"confidence" double precision NOT NULL,
	"lift" double precision NOT NULL,
	CONSTRAINT "group_associations_run_id_customer_group_product_group_pk" PRIMARY KEY("run_id","customer_group","product_group")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"run_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"product_id" bigint NOT NULL,
	"probability" real NOT NULL,
	"expected_value" double precision NOT NULL,
	"reason" jsonb NOT NULL,
	CONSTRAINT "offers_run_id_account_id_rank_pk" PRIMARY KEY("run_id","account_id","rank")
);
--> statement-breakpoint
CREATE TABLE "product_groups" (
	"run_id" bigint NOT NULL,
	"group_no" integer NOT NULL,
	"name" text,
	"anchor_product_id" bigint NOT NULL,
	"cohesion" double precision NOT NULL,
	"product_ids" bigint[] NOT NULL,
	CONSTRAINT "product_groups_run_id_group_no_pk" PRIMARY KEY("run_id","group_no")
);
--> statement-breakpoint
CREATE TABLE "product_rules" (
	"run_id" bigint NOT NULL,
	"rank" integer NOT NULL,
	"antecedent" bigint[] NOT NULL,
	"consequent" bigint NOT NULL,
	"support" double precision NOT NULL,
	"confidence" double precision NOT NULL,
	"lift" double precision NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "product_rules_run_id_rank_pk" PRIMARY KEY("run_id","rank")
);
--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_groups" ADD CONSTRAINT "customer_groups_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_associations" ADD CONSTRAINT "group_associations_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_groups" ADD CONSTRAINT "product_groups_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_rules" ADD CONSTRAINT "product_rules_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_group_members_group_idx" ON "customer_group_members" USING btree ("run_id","group_no","membership");