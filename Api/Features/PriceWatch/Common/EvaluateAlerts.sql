-- Price changes recorded after @After (up to @Upto) whose size reaches @Threshold percent become alerts; the config
-- remembers how far it has evaluated. Each price_history row raises at most one alert.
with changes as (
    select ph.id, ph.product_id, ph.price as new_price,
           (select p2.price from pricewatch.price_history p2
             where p2.product_id = ph.product_id and p2.id < ph.id order by p2.id desc limit 1) as old_price
      from pricewatch.price_history ph
     where ph.tenant_id = @T and ph.id > @After and ph.id <= @Upto
), inserted as (
    insert into pricewatch.alert_history (tenant_id, product_tracking_id, competitor_id, price_history_id, product_name, competitor_name,
                                          old_price, new_price, change_percent, direction)
    select @T, pt.id, pt.competitor_id, c.id, pt.product_name, co.name, c.old_price, c.new_price,
           round((c.new_price - c.old_price) / c.old_price * 100, 2), case when c.new_price > c.old_price then 'up' else 'down' end
      from changes c
      join pricewatch.product_tracking pt on pt.id = c.product_id
      left join pricewatch.competitors co on co.id = pt.competitor_id
     where c.old_price > 0 and abs(c.new_price - c.old_price) / c.old_price * 100 >= @Threshold
    on conflict (price_history_id) do nothing
    returning id, product_name, competitor_name, old_price, new_price, change_percent
), advanced as (
    update pricewatch.alert_configs set last_evaluated_id = greatest(last_evaluated_id, @Upto), last_evaluated_at = now(), updated_at = now()
     where tenant_id = @T
)
select id as "Id", product_name as "ProductName", competitor_name as "CompetitorName", old_price as "OldPrice",
       new_price as "NewPrice", change_percent as "ChangePercent"
  from inserted order by abs(change_percent) desc;
