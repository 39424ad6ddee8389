using System.Globalization;
using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Shopify;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Auth.Callback;

/// <summary>
/// Verifies the redirect (HMAC, 5-minute timestamp window, one-time nonce issued for this shop), exchanges the code at the shop's
/// token endpoint, stores the offline token encrypted, creates or reactivates the tenant with its default seasons and queues the
/// webhook registration.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, Secrets secrets, IConfiguration config, ShopifyClient shopify, SecretBox box,
    TimeProvider clock, ILogger<Handler> log, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string NonceSql = Sql.Load<Handler>("ConsumeNonce.sql");
    static readonly string UpsertSql = Sql.Load<Handler>("UpsertTenant.sql");
    static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var secret = secrets.Get(AdPriorityAuth.ApiSecretSetting);
        if (!AdPriorityAuth.VerifyQueryHmac(secret, req.Signed(), req.Hmac))
            return Error.Validation("INVALID_HMAC", "HMAC signature verification failed", new() { ["field"] = "hmac", ["type"] = "hmac-sha256" });
        var ts = DateTimeOffset.FromUnixTimeSeconds(long.Parse(req.Timestamp!, CultureInfo.InvariantCulture));
        if ((clock.GetUtcNow() - ts).Duration() > Freshness)
            return Error.Validation("INVALID_HMAC", "OAuth callback timestamp is not fresh", new() { ["field"] = "timestamp", ["type"] = "max-age:300s" });

        var shop = AdPriorityAuth.NormalizeShop(req.Shop)!;
        if (await db.ExecuteAsync<int>(NonceSql, new { Nonce = req.State, Shop = shop }, ct) != 1)
            return Error.Validation("INVALID_NONCE", "State parameter does not match stored nonce", new() { ["field"] = "state", ["type"] = "nonce" });

        ShopifyClient.AccessToken token;
        try { token = await shopify.ExchangeCodeAsync(shop, AdPriorityAuth.ApiKey(config), secret, req.Code!, ct); }
        catch (ShopifyException e)
        {
            log.LogWarning("Token exchange for {Shop} failed: {Status}", shop, e.Status);
            return Error.Custom(500, "TOKEN_EXCHANGE_FAILED", "Shopify rejected the authorization code");
        }

        var rows = await db.QueryToListAsync<Row>(UpsertSql, new { Id = Guid.NewGuid(), Shop = shop, Scopes = token.Scope }, ct);
        var row = rows.Single();
        tenant.Set(row.Id.ToString());
        await using var tx = await db.BeginTenantAsync(ct);
        await db.ExecuteAsync("update adpriority.tenants set access_token_enc = @Enc where id = @Id",
            new { Id = row.Id, Enc = box.Encrypt(token.Token, Tenant.TokenAssociatedData(row.Id)) }, ct);
        foreach (var (season, name, start, end) in SeasonCalendar.Defaults)
            await db.ExecuteAsync("""
                insert into adpriority.seasons (tenant_id, season, name, start_month, end_month) values (@Id, @Season, @Name, @Start, @End)
                on conflict (tenant_id, season) do nothing
                """, new { row.Id, Season = season, Name = name, Start = start, End = end }, ct);
        await JobQueue.EnqueueAsync(db, RegisterWebhooks.Job.Type, new RegisterWebhooks.Job.Payload(shop, AppUrls.Root(config, http.HttpContext?.Request)), row.Id.ToString(), maxAttempts: 5, ct: ct);
        await tx.CommitAsync(ct);
        return new Response(true, new TenantOut(row.Id, shop, row.PlanTier, row.Status), "/app/dashboard");
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string PlanTier { get; init; } = "";
        public string Status { get; init; } = "";
    }
}
