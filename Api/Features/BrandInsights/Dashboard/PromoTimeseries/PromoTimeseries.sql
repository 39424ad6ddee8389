-- One point per day, ISO week (Monday) or month in [@From, @To] that has roll-up rows. A point holds the promotions
-- running on an average day of the bucket (one promotion = one store listing one product on promotion); the handler
-- rounds them to whole numbers so that the type columns add up to the rounded total; the discount is the mean over the bucket's promotion-days that state a percentage. Day totals for
-- the summary come along as the bucket's sums.
select greatest(date_trunc(@Unit, day::timestamp)::date, @From) as "Date",
       avg(promos)::float8 as "TotalPromos",
       avg(promo_percent_off)::float8 as "PercentOff", avg(promo_dollar_off)::float8 as "DollarOff",
       avg(promo_bogo)::float8 as "Bogo", avg(promo_bundle)::float8 as "Bundle",
       avg(promo_set_price)::float8 as "SetPrice", avg(promo_other)::float8 as "Other",
       sum(discount_sum) as "DiscountSum", sum(discount_count)::int as "DiscountCount",
       round(avg(stores_with_promos))::int as "StoresWithPromos",
       count(*)::int as "Days", count(*) filter (where promos > 0)::int as "PromoDays", sum(promos)::bigint as "PromosSum",
       sum(promo_percent_off)::bigint as "PercentOffSum", sum(promo_dollar_off)::bigint as "DollarOffSum",
       sum(promo_bogo)::bigint as "BogoSum", sum(promo_bundle)::bigint as "BundleSum",
       sum(promo_set_price)::bigint as "SetPriceSum", sum(promo_other)::bigint as "OtherSum"
from brandinsights.brand_daily
where brand_id = @BrandId and day between @From and @To
group by date_trunc(@Unit, day::timestamp)
order by 1;
