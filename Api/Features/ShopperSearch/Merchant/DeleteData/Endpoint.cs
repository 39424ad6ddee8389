using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Merchant.DeleteData;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/v1/merchant/{merchant_id}/data");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Delete all merchant catalog and shopper data (gated by DELETE_MERCHANT_DATA_ON_UNINSTALL)").Produces<Response>().ProducesProblemDetails(400));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
}

sealed record DeletedCounts(long UserPreferences, long UserGreetings, long UserProfile, long ProductSynonyms, long Products, long PipelineStatus);
sealed record Response(string Status, string Message, DeletedCounts DeletedCounts);

sealed class Handler(AppDb db, TenantContext tenant, IConfiguration config, Catalog catalog) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteData.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.MerchantId <= 0) return Error.Custom(400, "Merchant.InvalidId", $"Invalid merchant_id: {req.MerchantId}");
        if (!config.GetValue("DELETE_MERCHANT_DATA_ON_UNINSTALL", false))
            return Error.Forbidden("Merchant.DeletionDisabled", "Merchant data deletion is disabled. Set DELETE_MERCHANT_DATA_ON_UNINSTALL=true to enable it.");
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (req.MerchantId != merchant) return Error.Forbidden("Merchant.Forbidden", "Access denied to this merchant's data");

        await using var tx = await db.BeginTenantAsync(ct);
        var setting = await db.ExecuteAsync<string?>("select current_setting('app.tenant_id', true)", new { }, ct);
        if (setting != merchant.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return Error.Custom(500, "Merchant.RlsContext", "RLS context setup failed: the tenant setting does not match the merchant; nothing was deleted");
        var c = (await db.QueryToListAsync<Counts>(DeleteSql, new { Merchant = merchant }, ct))[0];
        // profiles last: preferences and greetings reference them
        var profiles = await db.ExecuteAsync("delete from shopper.user_profile where merchant_id = @Merchant", new { Merchant = merchant }, ct);
        await catalog.BumpAsync(db, merchant, ct);
        await tx.CommitAsync(ct);
        return new Response("deleted", $"All merchant data deleted for merchant {merchant}",
            new DeletedCounts(c.UserPreferences, c.UserGreetings, profiles, c.ProductSynonyms, c.Products, c.PipelineStatus));
    }

    sealed class Counts
    {
        public long UserPreferences { get; init; }
        public long UserGreetings { get; init; }
        public long ProductSynonyms { get; init; }
        public long Products { get; init; }
        public long PipelineStatus { get; init; }
    }
}
