using Api.Tests.Infrastructure;
using Npgsql;

namespace Api.Tests.Features.Wholesale.Orders;

/// <summary>
/// The order write path of 0029: an order's lines no longer lock the order their own transaction wrote
/// (product_sales_daily_items), a transaction logs its report change once (report_changes_log remembers its `since`), and
/// the orders indexes were merged. The summaries and the change log must stay exactly what the plain computation says.
/// </summary>
public sealed class OrderWritePathTests(OrdersFactory api) : IClassFixture<OrdersFactory>
{
    const string Orders = $"{WsKit.Base}/api/orders";

    /// <summary>Daily units per product (live, uncancelled orders) from the lines against product_sales_daily: mismatches.</summary>
    const string DailyMismatches = """
        select count(*) from (
            select i.product_id, (o.created_at at time zone 'UTC')::date as day, sum(i.quantity)::bigint as units
            from wholesale.orders o join wholesale.order_items i on i.order_id = o.id
            where i.product_id = any($1) and o.status <> 'cancelled' and o.deleted_at is null group by 1, 2
        ) t full join (select product_id, day, units from wholesale.product_sales_daily where product_id = any($1) and units <> 0) d
          using (product_id, day)
        where t.units is distinct from d.units
        """;

    /// <summary>The running window total against the daily rows from from_day on, for the given products.</summary>
    const string WindowMismatches = """
        select count(*) from (
            select product_id, sum(units) as units from wholesale.product_sales_daily
            where product_id = any($1) and day >= (select from_day from wholesale.product_sales_window_state)
            group by 1 having sum(units) <> 0
        ) d full join (select product_id, units from wholesale.product_sales_window where product_id = any($1) and units <> 0) w
          using (product_id)
        where d.units is distinct from w.units
        """;

    [Fact]
    public async Task Concurrent_orders_keep_the_daily_summary_and_the_change_log_exact()
    {
        var products = new long[4];
        for (var i = 0; i < products.Length; i++) products[i] = await api.CreateProductAsync(unitPrice: 10m + i, stock: i % 2 == 0 ? 100_000 : null);
        var rnd = new Random(29);
        var bodies = Enumerable.Range(0, 40).Select(_ =>
            OrderKit.Delivery(Enumerable.Range(0, rnd.Next(1, 6))
                .Select(_ => (object)new { product_id = products[rnd.Next(products.Length)], quantity = rnd.Next(1, 9) }).ToArray(),
                email: "buyer@write.test", phone: "+13125550100")).ToList();

        var placed = await Task.WhenAll(bodies.Select(b => OrderKit.PlaceAsync(api.CreateClient(), b)));
        var numbers = placed.Select(o => (string)o["order_number"]!).ToArray();

        Assert.Equal(0L, await api.Scalar<long>(DailyMismatches, products));
        Assert.Equal(0L, await api.Scalar<long>(WindowMismatches, products));
        // every order's transaction left exactly one change-log row, dated from the order
        Assert.Equal(0L, await api.Scalar<long>("""
            select count(*) from wholesale.orders o
            where o.order_number = any($1)
              and (select count(*) from wholesale.report_changes c where c.xid::xid = o.xmin and c.since = o.created_at) <> 1
            """, new object[] { numbers }));
        Assert.Equal(numbers.Length, (int)await api.Scalar<long>("""
            select count(*) from wholesale.report_changes c where c.xid::xid in (select o.xmin from wholesale.orders o where o.order_number = any($1))
            """, new object[] { numbers }));

        // a cancel, a soft delete and a changed line afterwards (other transactions: the orders are locked) stay exact too
        await api.Exec("update wholesale.orders set status = 'cancelled' where order_number = $1", numbers[0]);
        await api.Exec("update wholesale.orders set deleted_at = now() where order_number = $1", numbers[1]);
        await api.Exec("update wholesale.order_items set quantity = quantity + 3 where order_id = (select id from wholesale.orders where order_number = $1)", numbers[2]);
        await api.Exec("""
            insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
            select id, $2, 'added', 2, 1, 2 from wholesale.orders where order_number = $1
            """, numbers[3], products[0]);
        Assert.Equal(0L, await api.Scalar<long>(DailyMismatches, products));
        Assert.Equal(0L, await api.Scalar<long>(WindowMismatches, products));
    }

    [Fact]
    public async Task Lines_added_to_an_order_of_another_transaction_still_lock_it_until_commit()
    {
        var product = await api.CreateProductAsync(stock: null);
        var order = await api.Scalar<long>(
            "insert into wholesale.orders (order_number, status) values ($1, 'delivered') returning id", WsKit.Unique("WP-LOCK-"));

        await using var writer = api.OwnerConnection();
        await writer.OpenAsync();
        await using var tx = await writer.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("""
            insert into wholesale.order_items (order_id, product_id, product_name, quantity, unit_price, line_total)
            values ($1, $2, 'locked', 4, 1, 4)
            """, writer, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = order });
            cmd.Parameters.Add(new NpgsqlParameter { Value = product });
            await cmd.ExecuteNonQueryAsync();
        }

        // a concurrent cancel of that order has to wait for the lines' transaction (FOR SHARE is held until commit)
        await using (var other = api.OwnerConnection())
        {
            await other.OpenAsync();
            await using (var set = new NpgsqlCommand("set lock_timeout = '200ms'", other)) await set.ExecuteNonQueryAsync();
            await using var cancel = new NpgsqlCommand("update wholesale.orders set status = 'cancelled' where id = $1", other);
            cancel.Parameters.Add(new NpgsqlParameter { Value = order });
            var ex = await Assert.ThrowsAsync<PostgresException>(() => cancel.ExecuteNonQueryAsync());
            Assert.Equal("55P03", ex.SqlState);
        }
        await tx.CommitAsync();

        await api.Exec("update wholesale.orders set status = 'cancelled' where id = $1", order);
        Assert.Equal(0L, await api.Scalar<long>(DailyMismatches, new[] { product }));
    }

    [Fact]
    public async Task The_change_log_keeps_a_transactions_oldest_since_through_skips_and_rolled_back_savepoints()
    {
        var t = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        await using var conn = api.OwnerConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        async Task Run(string sql, params object?[] args)
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a ?? DBNull.Value });
            await cmd.ExecuteNonQueryAsync();
        }
        async Task<(long Rows, DateTime? Since)> Logged()
        {
            await using var cmd = new NpgsqlCommand(
                "select count(*), min(since) from wholesale.report_changes where xid = pg_current_xact_id()", conn, tx);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            return (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetDateTime(1));
        }
        Task Log(DateTimeOffset? since) => Run("select wholesale.report_changes_log($1::timestamptz)", since);

        await Log(null);
        Assert.Equal((0L, (DateTime?)null), await Logged());
        await Log(t);
        Assert.Equal((1L, (DateTime?)t.UtcDateTime), await Logged());
        await Log(t.AddDays(1));                                   // later: skipped, the row keeps t
        await Log(t);
        Assert.Equal((1L, (DateTime?)t.UtcDateTime), await Logged());
        await Log(t.AddMinutes(-1).AddTicks(-10));                 // earlier (to the microsecond): lowers it
        Assert.Equal((1L, (DateTime?)t.AddMinutes(-1).AddTicks(-10).UtcDateTime), await Logged());
        await Run("savepoint a");
        await Log(t.AddDays(-5));
        Assert.Equal((1L, (DateTime?)t.AddDays(-5).UtcDateTime), await Logged());
        await Run("rollback to savepoint a");                      // the row and the remembered since go back together
        Assert.Equal((1L, (DateTime?)t.AddMinutes(-1).AddTicks(-10).UtcDateTime), await Logged());
        await Log(t.AddDays(-2));                                  // so this one still lowers it
        Assert.Equal((1L, (DateTime?)t.AddDays(-2).UtcDateTime), await Logged());
        await tx.RollbackAsync();

        // a new transaction on the same connection starts with nothing remembered
        await using var tx2 = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("select wholesale.report_changes_log($1::timestamptz)", conn, tx2))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = t.AddYears(1) });
            await cmd.ExecuteNonQueryAsync();
        }
        await using (var cmd = new NpgsqlCommand("select since from wholesale.report_changes where xid = pg_current_xact_id()", conn, tx2))
            Assert.Equal(t.AddYears(1).UtcDateTime, (DateTime)(await cmd.ExecuteScalarAsync())!);
        await tx2.RollbackAsync();
    }

    [Fact]
    public async Task Order_numbers_stay_unique_and_searchable_by_prefix_after_the_index_merge()
    {
        var number = WsKit.Unique("WP-NUM-");
        await api.Exec("insert into wholesale.orders (order_number, status) values ($1, 'delivered')", number);
        var dup = await Assert.ThrowsAsync<PostgresException>(() => api.Exec(
            "insert into wholesale.orders (order_number, status) values ($1, 'delivered')", number));
        Assert.Equal("23505", dup.SqlState);
        Assert.Equal(0L, await api.Scalar<long>(
            "with i as (insert into wholesale.orders (order_number, status) values ($1, 'delivered') on conflict (order_number) do nothing returning 1) select count(*) from i",
            number));
        Assert.Equal(1L, await api.Scalar<long>(
            "select count(*) from wholesale.orders where order_number ~>=~ $1 and order_number ~<~ $2 and deleted_at is null",
            number[..10], number[..9] + (char)(number[9] + 1)));
        Assert.Equal(number, await api.Scalar<string>("select order_number from wholesale.orders where order_number = $1", number));
    }
}
