using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffReports.Stats;

/// <summary>7d and 30d end today and start 6 / 29 business days earlier at midnight; month starts on the 1st; all has no start.</summary>
sealed class Handler(AppDb db, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StatsSql = Sql.Load<Handler>("Stats.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var today = clock.Today;
        DateOnly? start = (req.Range?.Trim().ToLowerInvariant() ?? "all") switch
        {
            "7d" => today.AddDays(-6),
            "30d" => today.AddDays(-29),
            "month" => new DateOnly(today.Year, today.Month, 1),
            _ => null,
        };
        var from = start is { } s ? Midnight(s) : (DateTimeOffset?)null;
        var rep = req.Caller.Role == "sales_rep" ? req.Caller.Id : null;
        return (await db.QueryToListAsync<Response>(StatsSql, new { From = from, RepId = rep }, ct)).Single();
    }

    DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }
}
