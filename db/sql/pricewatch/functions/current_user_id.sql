-- pricewatch.current_user_id: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_pricewatch.sql.
create or replace function pricewatch.current_user_id() returns uuid language sql stable as
$$ select nullif(current_setting('app.pw_user_id', true), '')::uuid $$;
