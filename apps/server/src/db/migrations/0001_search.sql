-- Trigram indexes make "contains" search (ILIKE '%q%') fast on large tables, Chinese text included.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS accounts_search_trgm ON accounts USING gin ((coalesce(name,'') || ' ' || coalesce(email,'') || ' ' || coalesce(phone,'') || ' ' || coalesce(external_id,'')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS contacts_search_trgm ON contacts USING gin ((coalesce(name,'') || ' ' || coalesce(email,'') || ' ' || coalesce(phone,'') || ' ' || coalesce(mobile,'')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS products_search_trgm ON products USING gin ((sku || ' ' || name) gin_trgm_ops);
--> statement-breakpoint
INSERT INTO pipeline_stages (name, position, probability, is_won, is_lost) VALUES
  ('prospecting', 1, 10, false, false),
  ('qualification', 2, 20, false, false),
  ('proposal', 3, 50, false, false),
  ('negotiation', 4, 75, false, false),
  ('won', 5, 100, true, false),
  ('lost', 6, 0, false, true);
