using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffSubscriptions.Suggest;

/// <summary>
/// The gaps (in days) between the customer's distinct order days (their last 100 orders, of the SKU when given). The
/// suggestion is the median gap (robust to one late or early order); the confidence comes from how many gaps there are and
/// how much they spread (median absolute deviation ÷ median): <c>high</c> with 5+ gaps and spread ≤ 0.25, <c>medium</c> with
/// 3+ gaps and spread ≤ 0.5, <c>low</c> otherwise, <c>none</c> with fewer than two order days (no suggestion).
/// </summary>
sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string OrdersSql = Sql.Load<Handler>("Orders.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var sku = string.IsNullOrWhiteSpace(req.Sku) ? null : req.Sku.Trim();
        var rows = await db.QueryToListAsync<Row>(OrdersSql, new { req.UserId, Sku = sku, Zone = clock.ZoneId }, ct);
        if (rows.Count == 0) return Error.NotFound("Subscriptions.CustomerNotFound", "Customer not found");
        var orders = rows.Where(r => r.Day is not null).Select(r => DateOnly.FromDateTime(r.Day!.Value)).ToList();
        var days = orders.Distinct().Order().ToList();
        var gaps = days.Zip(days.Skip(1), (a, b) => (decimal)(b.DayNumber - a.DayNumber)).ToList();
        if (gaps.Count == 0)
            return new Response(orders.Count, days, null, null, days.Count > 0 ? days[^1] : null, "none", sku, null);

        var median = Median(gaps);
        var spread = median == 0 ? 1m : Median(gaps.Select(g => Math.Abs(g - median)).ToList()) / median;
        var confidence = gaps.Count >= 5 && spread <= 0.25m ? "high" : gaps.Count >= 3 && spread <= 0.5m ? "medium" : "low";
        var suggested = (int)Math.Clamp(decimal.Round(median, 0, MidpointRounding.AwayFromZero), 1, 365);
        return new Response(orders.Count, days, decimal.Round(gaps.Average(), 1, MidpointRounding.AwayFromZero), suggested, days[^1], confidence, sku,
            median);
    }

    static decimal Median(List<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    sealed class Row { public bool Exists { get; init; } public DateTime? Day { get; init; } }
}
