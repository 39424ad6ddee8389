using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.SalesScoring.Refit;
using Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Features.Wholesale.SalesScoring;

/// <summary>The refit's history read (binary COPY of the orders, days grouped in C#, issue 14 speed) gives exactly what the
/// plain SQL it replaced gives, field by field: several orders on a day, orders around midnight and DST switches in the business
/// zone, cancelled and deleted orders, buyers whose first order is after the cutoff, orders after the cutoff and the holdout
/// cutoff, repeat days within a week of the first (PostgreSQL's numeric division scale differs there) and history older than
/// 10,000 days.</summary>
public sealed class HistoryReadsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>The former History.sql, kept here as the reference.</summary>
    const string PlainSql = """
        with days as (
            select o.customer_id, (o.created_at at time zone $1)::date as d, sum(o.total_amount) as amount, count(*) as n,
                   min(o.created_at) as first_at, max(o.created_at) as last_at
            from wholesale.orders o
            where o.customer_id is not null and o.status <> 'cancelled' and o.deleted_at is null
            group by 1, 2
        ), ranked as (
            select d.*, min(d.d) over (partition by d.customer_id) as first_day from days d
        )
        select customer_id,
               (count(*) filter (where d <= $2::date) - 1)::int,
               ((max(d) filter (where d <= $2::date)) - first_day) / 7.0,
               ($2::date - first_day) / 7.0,
               coalesce(sum(amount) filter (where d > first_day and d <= $2::date), 0),
               coalesce(sum(n) filter (where d <= $2::date), 0)::int,
               coalesce(sum(amount) filter (where d <= $2::date), 0),
               min(first_at),
               max(last_at) filter (where d <= $2::date),
               (count(*) filter (where d > $2::date))::int,
               first_day <= $3::date,
               greatest(count(*) filter (where d <= $3::date) - 1, 0)::int,
               coalesce(((max(d) filter (where d <= $3::date)) - first_day) / 7.0, 0),
               greatest($3::date - first_day, 0) / 7.0,
               coalesce(sum(amount) filter (where d > first_day and d <= $3::date), 0),
               (count(*) filter (where d > $3::date))::int
        from ranked
        where first_day <= $2::date
        group by customer_id, first_day
        order by customer_id
        """;

    async Task SeedAsync()
    {
        var rnd = new Random(5);
        for (var c = 0; c < 40; c++)
        {
            var id = (await api.CreateCustomerAsync()).Id;
            var n = c % 9 == 0 ? 1 : 2 + rnd.Next(0, 30);
            // hours from now: spread over two years (crossing DST switches), some within days of each other, some at
            // the business zone's midnight, some in the future (after the cutoff), one buyer with 30-year-old history
            for (var i = 0; i < n; i++)
            {
                var hoursAgo = c switch
                {
                    1 => 24 * 11000 - i * 5,                       // very old first order, then days apart
                    2 => -24 * (i + 1),                             // everything after the cutoff: not scored
                    3 => i * 23,                                    // repeat days within the first week
                    _ => rnd.Next(-72, 24 * 730),
                };
                var status = rnd.Next(0, 12) == 0 ? "cancelled" : "delivered";
                await api.Exec("""
                    insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, payment_status, created_at, deleted_at)
                    values ($1, $2, $3, $4, $4, 'paid', date_trunc('hour', now()) - make_interval(hours => $5) + make_interval(mins => $6), $7)
                    """, WsKit.Unique("HRT"), id, status, Math.Round(10m + (decimal)rnd.NextDouble() * 500m, 2), hoursAgo,
                    rnd.Next(0, 4) * 15, rnd.Next(0, 15) == 0 ? DateTime.UtcNow : (object)DBNull.Value);
                if (rnd.Next(0, 5) == 0)                            // a second order the same minute
                    await api.Exec("""
                        insert into wholesale.orders (order_number, customer_id, status, subtotal, total_amount, payment_status, created_at)
                        values ($1, $2, 'delivered', 12.34, 12.34, 'paid', date_trunc('hour', now()) - make_interval(hours => $3))
                        """, WsKit.Unique("HRT"), id, hoursAgo);
            }
        }
    }

    [Fact]
    public async Task The_copy_read_equals_the_plain_sql_in_several_zones()
    {
        await SeedAsync();
        var clock = api.Services.GetRequiredService<BusinessClock>();
        await using var conn = api.AppConnection();
        await conn.OpenAsync();
        foreach (var zoneId in new[] { clock.ZoneId, "UTC", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe" })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
            foreach (var (cutoff, holdout) in new[] { (today, today.AddDays(-91)), (today.AddDays(-200), today.AddDays(-291)) })
            {
                var fast = await History.ReadAsync(conn, zone, cutoff, holdout, CancellationToken.None);
                var plain = new List<object[]>();
                await using (var cmd = new NpgsqlCommand(PlainSql, conn))
                {
                    cmd.Parameters.AddWithValue(zoneId);
                    cmd.Parameters.AddWithValue(cutoff);
                    cmd.Parameters.AddWithValue(holdout);
                    await using var r = await cmd.ExecuteReaderAsync();
                    while (await r.ReadAsync())
                    {
                        var row = new object[r.FieldCount];
                        r.GetValues(row);
                        row[7] = r.GetFieldValue<DateTimeOffset>(7);
                        row[8] = r.IsDBNull(8) ? DBNull.Value : r.GetFieldValue<DateTimeOffset>(8);
                        plain.Add(row);
                    }
                }
                Assert.True(plain.Count > 30, $"{zoneId}: only {plain.Count} buyers");
                Assert.Equal(plain.Count, fast.Count);
                for (var i = 0; i < plain.Count; i++)
                {
                    var (p, f) = (plain[i], fast[i]);
                    var where = $"{zoneId} cutoff {cutoff} customer {p[0]}";
                    Assert.Equal((long)p[0], f.CustomerId);
                    Assert.True((int)p[1] == f.X, where + " x");
                    // the weeks exactly as the numeric was, and as the double the fit reads
                    Assert.True((decimal)p[2] == f.Tx && (double)(decimal)p[2] == (double)f.Tx, $"{where} t_x {p[2]} vs {f.Tx}");
                    Assert.True((decimal)p[3] == f.T && (double)(decimal)p[3] == (double)f.T, $"{where} T {p[3]} vs {f.T}");
                    Assert.True((decimal)p[4] == f.RepeatAmount, where + " repeat amount");
                    Assert.True((int)p[5] == f.Orders, where + " orders");
                    Assert.True((decimal)p[6] == f.Spent, where + " spent");
                    Assert.True((DateTimeOffset)p[7] == f.FirstAt, where + " first_at");
                    Assert.True((DateTimeOffset)p[8] == f.LastAt, where + " last_at");
                    Assert.True((int)p[9] == f.Later, where + " later");
                    Assert.True((bool)p[10] == f.InHoldout, where + " in holdout");
                    Assert.True((int)p[11] == f.HX, where + " hx");
                    Assert.True((decimal)p[12] == f.HTx && (double)(decimal)p[12] == (double)f.HTx, $"{where} htx {p[12]} vs {f.HTx}");
                    Assert.True((decimal)p[13] == f.HT && (double)(decimal)p[13] == (double)f.HT, $"{where} ht {p[13]} vs {f.HT}");
                    Assert.True((decimal)p[14] == f.HRepeatAmount, where + " h repeat amount");
                    Assert.True((int)p[15] == f.HLater, where + " h later");
                }
            }
        }
    }

    [Fact]
    public void Weeks_have_postgresql_numeric_division_scale()
    {
        Assert.Equal(0.14285714285714285714m, History.Weeks(1));
        Assert.Equal(1.4285714285714286m, History.Weeks(10));
        Assert.Equal(1428.5714285714285714m, History.Weeks(10000));
    }
}
