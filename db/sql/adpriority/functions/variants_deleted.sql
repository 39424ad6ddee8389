-- adpriority.variants_deleted: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0002_score_list_columns.sql.
create or replace function adpriority.variants_deleted() returns trigger language plpgsql as $$
begin
    delete from adpriority.priority_scores s using gone g where s.variant_id = g.id;
    return null;
end $$;
