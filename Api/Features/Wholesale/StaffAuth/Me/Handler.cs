using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Me;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string MeSql = Sql.Load<Handler>("Me.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<StaffView>(MeSql, new { Id = req.StaffId }, ct) is [var staff]
            ? new Response(staff)
            : Error.Unauthorized("Auth.NoAccount", "Authentication required");
}
