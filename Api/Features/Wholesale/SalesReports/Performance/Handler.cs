using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesReports.Performance;

/// <summary><c>calls</c> are the calls the rep logged on the calling list in the window (<c>calling_list_calls</c>: mark_called,
/// batch-mark-called); <c>conversion</c> is orders per call, null without calls.</summary>
sealed class Handler(AppDb db, BusinessClock clock, TimeProvider time) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RepsSql = Sql.Load<Handler>("Reps.sql");
    static readonly string BucketsSql = Sql.Load<Handler>("Buckets.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var period = string.IsNullOrEmpty(req.Period) ? "month" : req.Period;
        var since = time.GetUtcNow().AddDays(-req.Days).UtcDateTime;
        var args = new { req.RepId, Since = since, Period = period, Zone = clock.ZoneId };
        var reps = await db.QueryToListAsync<RepRow>(RepsSql, args, ct);
        if (req.RepId is not null && reps.Count == 0) return Error.NotFound("SalesRep.NotFound", "Sales rep not found");
        var buckets = (await db.QueryToListAsync<Bucket>(BucketsSql, args, ct)).ToLookup(b => b.RepId);
        foreach (var r in reps) r.Periods = buckets[r.RepId].ToList();
        var label = $"Last {req.Days} days by {period}";
        return new Response(req.Days, label, period, clock.ZoneId, reps.Sum(r => r.Revenue), reps.Sum(r => r.Orders), reps);
    }
}
