using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Platform.Settings.DeleteSetting;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Success>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteSetting.sql");

    public async ValueTask<ErrorOr<Success>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var deleted = await db.ExecuteAsync(DeleteSql, new { TenantId = tenant.Id, req.Key }, ct);
        await tx.CommitAsync(ct);
        return deleted == 1 ? Result.Success : Error.NotFound("SETTING_NOT_FOUND", $"Setting '{req.Key}' does not exist.");
    }
}
