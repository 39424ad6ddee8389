using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Admin.RevokeKey;

sealed class Handler(AppDb db, IHttpContextAccessor http, WholesaleKeyUsage usage) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string WriteSql = Sql.Load<Handler>("RevokeKey.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await usage.FlushAsync(ct);
        var staffId = http.HttpContext!.User.StaffId();
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<long>(WriteSql, new { req.KeyId, StaffId = staffId }, ct) is not [_])
            return Error.NotFound("NOT_FOUND", "API key not found");
        await KeyAudit.WriteAsync(db, staffId, "api_key.revoke", req.KeyId, null, ct);
        var response = new Response(true, (await KeyView.LoadAsync(db, req.KeyId, ct))!);
        await tx.CommitAsync(ct);
        return response;
    }
}
