using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesScript.SaveScript;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SaveSql = Sql.Load<Handler>("SaveScript.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var row = (await db.QueryToListAsync<Row>(SaveSql, new { req.Content, req.StaffId }, ct))[0];
        return new Response(true, $"Call script saved (version {row.Version})", row.Version, row.UpdatedAt);
    }

    sealed class Row
    {
        public int Version { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
