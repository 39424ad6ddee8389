using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Feed.RevokeFeedUrl;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Success>>
{
    public async ValueTask<ErrorOr<Success>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        await using var tx = await db.BeginTenantAsync(ct);
        var n = await db.ExecuteAsync("update adpriority.feed_tokens set revoked_at = now() where tenant_id = @TenantId and revoked_at is null", new { TenantId = id }, ct);
        await tx.CommitAsync(ct);
        return n > 0 ? Result.Success : Error.NotFound("NOT_FOUND", "No active feed URL");
    }
}
