using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.Logout;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RevokeSql = Sql.Load<Handler>("Logout.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await db.ExecuteAsync(RevokeSql, new { req.SessionId }, ct);
        return new Response("Logged out");
    }
}
