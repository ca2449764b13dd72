-- Scores are kept one partition per refresh run: a run is written into a bare table (no
-- per-row index or foreign-key work), attached in one statement that builds its indexes and
-- validates its foreign keys in bulk, and a superseded run is dropped whole instead of deleted
-- row by row. See server/analytics/scorePartitions.ts.
ALTER TABLE "customer_scores" RENAME TO "customer_scores_unpartitioned";--> statement-breakpoint
ALTER TABLE "customer_scores_unpartitioned" RENAME CONSTRAINT "customer_scores_run_id_customer_id_pk" TO "customer_scores_unpartitioned_pk";--> statement-breakpoint
ALTER INDEX "customer_scores_customer_idx" RENAME TO "customer_scores_unpartitioned_customer_idx";--> statement-breakpoint
CREATE TABLE "customer_scores" (
	"run_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"abc_class" text,
	"rfm_r" integer,
	"rfm_f" integer,
	"rfm_m" integer,
	"rfm_segment" text,
	"p_alive" double precision,
	"expected_purchases" double precision,
	"expected_value_cents" double precision,
	"clv_cents" double precision,
	"historical_profit_cents" bigint,
	"clv_quadrant" text,
	"lifecycle_phase" text,
	CONSTRAINT "customer_scores_run_id_customer_id_pk" PRIMARY KEY("run_id","customer_id")
) PARTITION BY LIST ("run_id");--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_run_id_score_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."score_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_scores_customer_idx" ON "customer_scores" USING btree ("customer_id");--> statement-breakpoint
DO $$
DECLARE
	run bigint;
BEGIN
	FOR run IN SELECT DISTINCT run_id FROM customer_scores_unpartitioned LOOP
		EXECUTE format('CREATE TABLE %I (LIKE customer_scores, CHECK (run_id = %s))', 'customer_scores_run_' || run, run);
		EXECUTE format('INSERT INTO %I SELECT * FROM customer_scores_unpartitioned WHERE run_id = %s', 'customer_scores_run_' || run, run);
		EXECUTE format('ALTER TABLE customer_scores ATTACH PARTITION %I FOR VALUES IN (%s)', 'customer_scores_run_' || run, run);
	END LOOP;
END $$;--> statement-breakpoint
DROP TABLE "customer_scores_unpartitioned";
