using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Feed.RotateFeedUrl;

/// <summary>A new random feed secret (only its SHA-256 is stored); every earlier URL of the tenant is revoked in the same statement.</summary>
sealed class Handler(AppDb db, TenantContext tenant, IConfiguration config, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RotateSql = Sql.Load<Handler>("RotateFeedToken.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        var token = Hashing.NewApiKey("adpf_");
        await using var tx = await db.BeginTenantAsync(ct);
        var row = (await db.QueryToListAsync<Row>(RotateSql, new { TenantId = id, Hash = Hashing.HashApiKey(token), Prefix = token[..10] }, ct)).Single();
        await tx.CommitAsync(ct);
        return new Response($"{AppUrls.Root(config, http.HttpContext?.Request)}/feeds/{token}/supplemental.csv", token, token[..10], row.CreatedAt, row.Revoked,
            "Give this URL to Merchant Center as a scheduled-fetch supplemental feed; it is shown only once");
    }

    sealed class Row { public DateTime CreatedAt { get; init; } public int Revoked { get; init; } }
}
