using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.DeleteEntry;

/// <summary>Deletes an entry the caller can see (its logged calls stay, unlinked). Otherwise 404.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteEntry.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<long>(DeleteSql, new { Id = req.EntryId, req.RepId }, ct) is [_]
            ? new Response(true) : Error.NotFound("CallingList.NotFound", "Calling-list entry not found");
}
