using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.Stats;

/// <summary>
/// 7d and 30d end today and start 6 / 29 business days earlier at midnight; month starts on the 1st; all has no start. The
/// whole answer is cached per range, caller scope and business day in <see cref="ReportSnapshots"/>, which serves it only
/// while no order write committed since (exact, on every instance) and until a pending order turns 24 hours old. Computing
/// it: for <c>all</c>, orders created more than <see cref="ReportSnapshots.RecentDays"/> business days ago come from a
/// snapshot of their own, which only writes touching such old orders invalidate, and the recent ones are counted.
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock, ReportSnapshots snapshots) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CountsSql = Sql.Load<Handler>("Counts.sql");
    static readonly string AttentionSql = Sql.Load<Handler>("Attention.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var today = clock.Today;
        var range = req.Range?.Trim().ToLowerInvariant() is { Length: > 0 } r ? r : "all";
        var rep = req.Caller.Role == "sales_rep" ? req.Caller.Id : null;
        var cached = await snapshots.GetAsync($"stats:{range}:{rep}:{today:yyyy-MM-dd}", null, (conn, t) => ComputeAsync(conn, today, range, rep, t), db, ct,
                                              c => c.Until);
        return cached.Answer;
    }

    sealed record Computed(Response Answer, DateTimeOffset? Until);

    async Task<Computed> ComputeAsync(AppDb conn, DateOnly today, string range, long? rep, CancellationToken ct)
    {
        DateOnly? start = range switch
        {
            "7d" => today.AddDays(-6),
            "30d" => today.AddDays(-29),
            "month" => new DateOnly(today.Year, today.Month, 1),
            _ => null,
        };
        Response counts;
        if (start is { } s)
            counts = await CountAsync(conn, Midnight(s), null, rep, ct);
        else
        {
            var cutoffDay = today.AddDays(-ReportSnapshots.RecentDays);
            var cutoff = Midnight(cutoffDay);
            var old = await snapshots.GetAsync($"stats-old:{rep}:{cutoffDay:yyyy-MM-dd}", cutoff, (d, t) => CountAsync(d, null, cutoff, rep, t), conn, ct);
            var recent = await CountAsync(conn, cutoff, null, rep, ct);
            counts = new Response
            {
                TotalOrders = old.TotalOrders + recent.TotalOrders, Pending = old.Pending + recent.Pending, Confirmed = old.Confirmed + recent.Confirmed,
                Packed = old.Packed + recent.Packed, Shipped = old.Shipped + recent.Shipped, Delivered = old.Delivered + recent.Delivered,
                Cancelled = old.Cancelled + recent.Cancelled, TotalRevenue = old.TotalRevenue + recent.TotalRevenue,
            };
        }
        var attention = (await conn.QueryToListAsync<Attention>(AttentionSql, new { RepId = rep }, ct)).Single();
        return new Computed(counts with { NeedsAttention = attention.Count }, attention.AgesAt);
    }

    sealed record Attention(long Count, DateTimeOffset? AgesAt);

    static async Task<Response> CountAsync(AppDb db, DateTimeOffset? from, DateTimeOffset? before, long? rep, CancellationToken ct)
        => (await db.QueryToListAsync<Response>(CountsSql, new { From = from, Before = before, RepId = rep }, ct)).Single();

    DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
