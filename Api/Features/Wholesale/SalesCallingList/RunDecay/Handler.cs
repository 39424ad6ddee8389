using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.SalesCallingList.RunDecay;

/// <summary>
/// score = base_score x 0.5^(days / half-life), days counted from the entry's last score event to the start of today in the
/// business time zone. Every run on the same day computes the same numbers from the same base, so a second run changes
/// nothing (updated 0). Do-not-call entries are skipped. Also refreshes linked entries' order history for the segments.
/// </summary>
sealed class Handler(AppDb db, IOptions<CallingListOptions> options, BusinessClock clock) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DecaySql = Sql.Load<Handler>("RunDecay.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var halfLife = Math.Max(0.01, options.Value.DecayHalfLifeDays);
        await using var tx = await db.BeginTransactionAsync(ct);
        var row = (await db.QueryToListAsync<Row>(DecaySql, new { Today = clock.Today.ToDateTime(TimeOnly.MinValue), Tz = clock.ZoneId, HalfLife = halfLife }, ct))[0];
        await db.ExecuteAsync(CallingList.RefreshOrderStats, ct);
        await tx.CommitAsync(ct);
        return new Response(true, row.Updated, row.Total);
    }

    sealed class Row
    {
        public int Updated { get; init; }
        public int Total { get; init; }
    }
}
