-- pricewatch.enforce_competitor_limit: repeatable. Re-applied (in one transaction, after the numbered migrations) whenever this file changes; edit the
-- function here, never in a numbered migration. Created in 0001_pricewatch.sql.
create or replace function pricewatch.enforce_competitor_limit() returns trigger language plpgsql as $$
declare lim int; used int;
begin
    select coalesce((select p.competitors_limit from pricewatch.subscriptions s join pricewatch.plans p on p.id = s.plan_id
                     where s.tenant_id = new.tenant_id), (select competitors_limit from pricewatch.plans where id = 'free'))
      into lim;
    if lim >= 0 then
        select count(*) into used from pricewatch.competitors where tenant_id = new.tenant_id;
        if used >= lim then
            raise exception 'plan limit reached: % competitors allowed', lim using errcode = 'P0001', hint = 'competitor_limit';
        end if;
    end if;
    return new;
end $$;
