-- pricewatch.current_user_email: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_pricewatch.sql.
create or replace function pricewatch.current_user_email() returns text language sql stable as
$$ select lower(nullif(current_setting('app.pw_user_email', true), '')) $$;
