using System.Globalization;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.ScoreEvent;

/// <summary>
/// Finds the entry by phone (phone or phone2), else by email (the oldest entry when several match; none: 404), adds the
/// event's weight to its current score within 0-100, and restarts decay from the new score.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ApplySql = Sql.Load<Handler>("ScoreEvent.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var weight = CallingList.EventWeights[req.Event!];
        var rows = await db.QueryToListAsync<Row>(ApplySql, new
        {
            Phone = Phones.ToE164(req.Phone), Email = string.IsNullOrWhiteSpace(req.Email) ? null : req.Email.Trim(), Weight = weight, req.Event,
        }, ct);
        if (rows is not [var row]) return Error.NotFound("CallingList.NoMatch", "No calling-list entry matches this phone or email");
        var raw = row.OldScore + weight;
        var bound = raw > 100 ? " (capped at 100)" : raw < 0 ? " (floored at 0)" : "";
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"{req.Event} {(weight >= 0 ? "+" : "")}{weight}: score {row.OldScore:0.##} -> {row.NewScore:0.##}{bound}");
        return new Response(true, row.Id, row.NewScore, reason);
    }

    sealed class Row
    {
        public long Id { get; init; }
        public double OldScore { get; init; }
        public double NewScore { get; init; }
    }
}
