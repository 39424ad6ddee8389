using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Feed.GetFeedCsv;

/// <summary>
/// Resolves the token's hash to its tenant (RLS lets an anonymous transaction see only the row whose hash it presents through
/// <c>app.feed_token_hash</c>), then serves that tenant's feed. Unknown, revoked or uninstalled: 404 (the same answer for all).
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<string>>
{
    public async ValueTask<ErrorOr<string>> Handle(Request req, CancellationToken ct)
    {
        var hash = Hashing.HashApiKey(req.Token);
        List<Guid> ids;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            await db.ExecuteAsync("select set_config('app.feed_token_hash', @hash, true)", new { hash }, ct);
            ids = await db.QueryToListAsync<Guid>("""
                select f.tenant_id from adpriority.feed_tokens f join adpriority.tenants t on t.id = f.tenant_id
                 where f.token_hash = @hash and f.revoked_at is null and t.status = 'active'
                """, new { hash }, ct);
            await tx.CommitAsync(ct);
        }
        if (ids is not [var id]) return Error.NotFound("NOT_FOUND", "Unknown or revoked feed URL");
        tenant.Set(id.ToString());
        await using var ttx = await db.BeginTenantAsync(ct);
        var rows = await Feed.SupplementalFeed.LoadAsync(db, id, req.ActiveOnly, ct);
        await ttx.CommitAsync(ct);
        return Feed.SupplementalFeed.ToCsv(rows);
    }
}
