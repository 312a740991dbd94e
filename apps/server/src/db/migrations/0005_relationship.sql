CREATE TABLE "ahp_matrices" (
	"node" text PRIMARY KEY NOT NULL,
	"matrix" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"text" text,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exit_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"stage" text DEFAULT 'candidate' NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"exited_at" timestamp with time zone,
	"what_went_wrong" text,
	"lessons" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "relationship_labels" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationship_scores" (
	"run_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	"factors" real[] NOT NULL,
	"ahp_score" double precision NOT NULL,
	"class" text NOT NULL,
	"probabilities" real[] NOT NULL,
	"contributions" real[] NOT NULL,
	CONSTRAINT "relationship_scores_run_id_account_id_pk" PRIMARY KEY("run_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "ahp_matrices" ADD CONSTRAINT "ahp_matrices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_case_events" ADD CONSTRAINT "exit_case_events_case_id_exit_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."exit_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_case_events" ADD CONSTRAINT "exit_case_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_cases" ADD CONSTRAINT "exit_cases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_cases" ADD CONSTRAINT "exit_cases_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_labels" ADD CONSTRAINT "relationship_labels_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_labels" ADD CONSTRAINT "relationship_labels_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_scores" ADD CONSTRAINT "relationship_scores_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_scores" ADD CONSTRAINT "relationship_scores_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exit_case_events_case_idx" ON "exit_case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "exit_cases_account_idx" ON "exit_cases" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "exit_cases_stage_idx" ON "exit_cases" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "relationship_labels_account_idx" ON "relationship_labels" USING btree ("account_id","decided_at");--> statement-breakpoint
CREATE INDEX "relationship_scores_class_idx" ON "relationship_scores" USING btree ("run_id","class");