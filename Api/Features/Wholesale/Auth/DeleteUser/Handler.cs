using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Auth.DeleteUser;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Success>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteUser.sql");

    public async ValueTask<ErrorOr<Success>> Handle(Request req, CancellationToken ct)
    {
        if (req.UserId != req.CallerId) return Error.NotFound("User.NotFound", "User not found");
        await using var tx = await db.BeginTransactionAsync(ct);
        var rows = await db.QueryToListAsync<long>(DeleteSql, new { req.UserId, req.CallerId }, ct);
        if (rows.Count == 0) return Error.NotFound("User.NotFound", "User not found");
        await tx.CommitAsync(ct);
        return Result.Success;
    }
}
