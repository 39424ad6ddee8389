using Api.Features.Wholesale.SalesCallingList;
using Npgsql;

namespace Api.Features.Wholesale.Demo;

/// <summary>
/// Sales calling demo data (issue 14, part A), run once by <see cref="Seeder"/> right after the core's data: every demo
/// restaurant with a phone on the calling list (a third assigned to <c>salesrep</c>, a third to <c>salesrep2</c>, the rest
/// unassigned; scores spread 5-95 from the fixed customer id, every 25th marked do-not-call through its customer record),
/// 40 prospects without a customer, a few logged calls, the entries' order history filled in, and the first call script.
/// Plain set-based SQL: a few hundred rows.
/// </summary>
static class SalesCallingSeed
{
    public static async Task SeedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, """
            update wholesale.customers set do_not_call = true where id % 25 = 7 and id > 1;

            insert into wholesale.calling_list (customer_id, first_name, last_name, contact_name, company_name, email, phone, address,
                                                assigned_to, status, priority_score, base_score, last_event, last_event_at, last_called,
                                                source, created_at, updated_at)
            select c.id, c.first_name, c.last_name, nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), ''),
                   c.company_name, c.email, c.phone, c.shipping_address,
                   case c.id % 3 when 0 then (select id from wholesale.staff_users where username = 'salesrep')
                                 when 1 then (select id from wholesale.staff_users where username = 'salesrep2') end,
                   case when c.do_not_call then 'do_not_call'
                        else (array['new', 'contacted', 'interested', 'callback', 'contacted', 'converted'])[1 + c.id % 6] end,
                   5 + (c.id * 37) % 91, 5 + (c.id * 37) % 91, 'manual', now() - make_interval(days => (c.id % 20)::int),
                   case when c.id % 4 = 0 then now() - make_interval(hours => (c.id % 200)::int) end,
                   'customer', c.created_at, now()
            from wholesale.customers c
            where c.phone is not null and c.deleted_at is null
            on conflict (phone) do nothing;

            insert into wholesale.calling_list (contact_name, company_name, email, phone, address, assigned_to, status,
                                                priority_score, base_score, last_event, source, notes)
            select 'Prospect Contact ' || g, 'Prospect Kitchen ' || g, 'prospect' || g || '@prospects.example',
                   '+1872555' || lpad((1000 + g)::text, 4, '0'), g || ' W Lake St, Chicago, IL 60601',
                   case when g % 2 = 0 then (select id from wholesale.staff_users where username = 'salesrep') end,
                   case when g % 5 = 0 then 'callback' else 'new' end, 30 + g, 30 + g, 'manual', 'csv', 'From a trade-show list'
            from generate_series(1, 40) g
            on conflict (phone) do nothing;

            insert into wholesale.calling_list_calls (entry_id, staff_id, called_at)
            select e.id, e.assigned_to, e.last_called from wholesale.calling_list e
            where e.last_called is not null and e.assigned_to is not null;

            insert into wholesale.call_script_versions (content, updated_by, updated_at)
            select 'Hi, this is {rep} from LLD Restaurant Supply. We deliver disposables, dry goods and cleaning supplies to '
                   || 'restaurants around Chicago, next day on orders placed by 3 pm. Could I ask who handles your ordering? ...',
                   (select id from wholesale.staff_users where username = 'admin'), now() - interval '30 days';
            """, ct);
        await Exec(conn, tx, CallingList.RefreshOrderStats, ct);
        await tx.CommitAsync(ct);
        await Exec(conn, null, "analyze wholesale.calling_list", ct);
    }

    static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
