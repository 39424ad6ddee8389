using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.ShopperSearch.Search.TextCacheCheck;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v0/product/search/text/cache-check");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Whether a cached text-search result exists, without searching").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : TextSearchBody, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => SearchValidators.TextBody(this);
    }
}

/// <summary><c>hits</c> is omitted on a miss (null values are not written for this response).</summary>
sealed record Response(bool Cached, int ResultCount, string CacheKey, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Hits);

/// <summary>Computes the text search's cache key from the same body (loading stored preferences the same way) and peeks.</summary>
sealed class Handler(AppDb db, TenantContext tenant, PreferencesStore preferences, Catalog catalog) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        await using var tx = await db.BeginTenantAsync(ct);
        var stored = req.UserProfileId is { } pid ? await preferences.GetAsync(db, merchant, pid, ct) : null;
        var (colors, materials) = Rules.Signals(req, stored);
        var key = SearchCache.TextKey(req.QueryStr, req.Limit, req.Gender, req.MinPrice, req.MaxPrice, colors, materials);
        var peek = await SearchCache.PeekAsync(db, merchant, "text", key, ct);
        await tx.CommitAsync(ct);
        return peek is { } p ? new Response(true, p.ResultCount, key, p.Hits + catalog.PendingHits(merchant, "text", key)) : new Response(false, 0, key, null);
    }
}
