-- wholesale.analyze_sales_import_rows: repeatable (re-applied whenever this file changes). The transactions import COPYs a
-- file into the staging table wholesale.sales_import_rows and then joins it to customers, products and orders; without
-- statistics on the staged rows the planner takes the table for empty (autovacuum analyzes it between imports, when it is)
-- and nested-loops 200,000 rows: one bench run spent over 13 minutes in the customers-by-phone step. ANALYZE needs the
-- table's owner (PostgreSQL 15 has no MAINTAIN privilege) and the job runs as the app role, whose own `analyze` was skipped
-- with a warning; this function runs it as the owner, for this one table only. ANALYZE inside the importing transaction
-- counts that transaction's own staged rows.
create or replace function wholesale.analyze_sales_import_rows()
returns void language plpgsql security definer set search_path = pg_catalog, wholesale as $$
begin
    analyze wholesale.sales_import_rows;
end $$;
