namespace Api.Features.Wholesale.Voice;

/// <summary>
/// Account standing in SQL, shared by check_account_standing and the call queue (one definition). Per customer:
/// <c>balance</c> = unpaid net-30 orders (total less paid, not cancelled) + unpaid invoices (sent/overdue) not tied to an order;
/// <c>overdue</c> items = net-30 orders unpaid 30 days after shipping (first 'shipped' event) and invoices overdue or past due;
/// <c>credit_status</c> = <c>no_terms</c> (not approved for net-30), <c>overdue</c> (an overdue item or balance above the limit), else <c>good</c>.
/// The CTE expects a relation <c>ids(id)</c> of customer ids and a parameter-free "today" in the business zone (<c>@Today</c>).
/// The first shipped event is found for all open net-30 orders at once (one grouped lookup, not a subquery per order).
/// </summary>
static class Standing
{
    public const string Cte = """
        net_open as materialized (
            select o.id, o.customer_id, o.order_number, o.total_amount - o.amount_paid as due, o.status_changed_at, o.status
              from wholesale.orders o
             where o.customer_id in (select id from ids) and o.payment_method = 'net30' and o.status <> 'cancelled'
               and o.deleted_at is null and o.payment_status not in ('paid', 'refunded') and o.total_amount > o.amount_paid
        ), net_shipped as (
            select e.order_id, min(e.created_at) as shipped_at
              from wholesale.order_events e
             where e.order_id in (select id from net_open) and e.to_status = 'shipped'
             group by e.order_id
        ), net as (
            select n.id, n.customer_id, n.order_number, n.due, s.shipped_at, n.status_changed_at, n.status
              from net_open n left join net_shipped s on s.order_id = n.id
        ), net_due as (
            select n.*, (coalesce(n.shipped_at, case when n.status in ('shipped', 'delivered') then n.status_changed_at end))::date + 30 as due_date from net n
        ), inv as (
            select i.id, i.customer_id, i.invoice_number, i.total as due, i.due_date, i.status, i.order_id
              from wholesale.invoices i
             where i.customer_id in (select id from ids) and i.deleted_at is null and i.status in ('sent', 'overdue')
        ), net_sum as materialized (
            select customer_id, sum(due) as bal, sum(due) filter (where due_date < @Today) as od, count(*) filter (where due_date < @Today) as odn
              from net_due group by customer_id
        ), inv_sum as materialized (
            select customer_id, sum(due) filter (where order_id is null) as bal,
                   sum(due) filter (where status = 'overdue' or due_date < @Today) as od,
                   count(*) filter (where status = 'overdue' or due_date < @Today) as odn
              from inv group by customer_id
        ), standing as (
            select c.id as customer_id, c.account_approved, c.payment_terms, c.credit_limit,
                   coalesce(ns.bal, 0) + coalesce(isum.bal, 0) as balance,
                   coalesce(ns.od, 0) + coalesce(isum.od, 0) as overdue_amount,
                   coalesce(ns.odn, 0) + coalesce(isum.odn, 0) as overdue_count
              from wholesale.customers c
              left join net_sum ns on ns.customer_id = c.id
              left join inv_sum isum on isum.customer_id = c.id
             where c.id in (select id from ids)
        ), credit as (
            select s.*, case when not s.account_approved or s.payment_terms <> 'net30' then 'no_terms'
                             when s.overdue_count > 0 or s.balance > s.credit_limit then 'overdue' else 'good' end as credit_status
              from standing s
        )
        """;
}
