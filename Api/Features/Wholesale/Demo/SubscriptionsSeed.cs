using Npgsql;

namespace Api.Features.Wholesale.Demo;

/// <summary>
/// Demo subscriptions (issue 13): every other one of the first 40 restaurants (the demo bistro first, so it is subscription 1)
/// subscribes to the product it orders most often, at its usual quantity (at least 4), every 7, 14, 21 or 28 days, 5 % off;
/// every fifth is paused and every seventh cancelled. The Stripe ids are placeholders (<c>cus_demo…</c>, <c>pm_demo…</c>):
/// the Development API has no Wholesale Stripe account, so renewals answer 503 there until one is configured.
/// </summary>
static class SubscriptionsSeed
{
    public static async Task SeedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into wholesale.subscriptions (customer_id, product_id, quantity, interval_days, discount_pct, status, next_renewal_date,
                                                 stripe_customer_id, stripe_payment_method_id, payment_type, delivery_name, delivery_phone,
                                                 delivery_email, delivery_address, delivery_city, delivery_state, delivery_zip, delivery_company,
                                                 notes, created_by_staff_id, status_changed_by, created_at, updated_at)
            select c.id, top.product_id, greatest(4, top.qty), 7 * (1 + c.id % 4), 5,
                   case when c.id > 1 and c.id % 7 = 0 then 'cancelled' when c.id > 1 and c.id % 5 = 0 then 'paused' else 'active' end,
                   current_date + 1 + (c.id % 7)::int,
                   'cus_demo' || lpad(c.id::text, 6, '0'), 'pm_demo' || lpad(c.id::text, 6, '0'), case when c.id % 3 = 0 then 'ach' else 'card' end,
                   trim(concat_ws(' ', c.first_name, c.last_name)), c.phone, c.email, split_part(c.shipping_address, ', ', 1),
                   split_part(c.shipping_address, ', ', 2), split_part(split_part(c.shipping_address, ', ', 3), ' ', 1),
                   split_part(split_part(c.shipping_address, ', ', 3), ' ', 2), c.company_name, 'Demo subscription', 1, 'staff:1',
                   now() - interval '60 days', now() - interval '60 days'
            from wholesale.customers c
            cross join lateral (
                select i.product_id, round(avg(i.quantity))::int as qty
                from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
                where o.customer_id = c.id
                group by i.product_id
                order by count(*) desc, i.product_id
                limit 1
            ) top
            where c.id <= 40 and c.id % 2 = 1 or c.id = 1
            order by c.id;
            insert into wholesale.stripe_customers (customer_id, stripe_customer_id)
            select customer_id, min(stripe_customer_id) from wholesale.subscriptions group by customer_id
            on conflict do nothing;
            """, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
