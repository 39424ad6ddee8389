using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Feed.GetFeedCsv;

/// <summary>
/// Resolves the token's hash to its tenant (RLS lets an anonymous transaction see only the row whose hash it presents through
/// <c>app.feed_token_hash</c>), then answers with the writer that streams that tenant's feed into the response in its tenant
/// transaction. Unknown, revoked or uninstalled: 404 (the same answer for all), before anything is written.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
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
        return new Response(async (body, token) =>
        {
            await using var ttx = await db.BeginTenantAsync(token);
            await Feed.SupplementalFeed.WriteCsvAsync(db, id, req.ActiveOnly, body, token);
            await ttx.CommitAsync(token);
        });
    }
}
