using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BatchMarkCalled;

/// <summary>Stamps last_called on the listed entries the caller can see and logs one call each; others are left alone (not counted).</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string MarkSql = Sql.Load<Handler>("BatchMarkCalled.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync<int>(MarkSql, new { Ids = req.Ids!.Distinct().ToArray(), req.RepId, req.StaffId }, ct);
        return new Response(true, updated);
    }
}
