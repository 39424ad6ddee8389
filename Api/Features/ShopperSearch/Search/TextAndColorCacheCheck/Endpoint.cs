using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.ShopperSearch.Search.TextAndColorCacheCheck;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v0/product/search/textandcolor/cache-check");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Whether a cached text-and-colour result exists, without searching").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : ColorSearchBody, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => SearchValidators.ColorBody(this);
    }
}

sealed record Response(bool Cached, int ResultCount, string CacheKey, string OperationType,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Hits);

sealed class Handler(AppDb db, TenantContext tenant, Catalog catalog) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!req.HasText && !req.HasColor) return Error.Custom(400, "Search.Empty", "At least one of 'text' or 'color' must be provided.");
        var rgb = req.HasColor ? Colors.Parse(req.Color!.Value) : null;
        if (req.HasColor && rgb is null) return Error.Custom(400, "Search.InvalidColor", "Invalid color input: use a colour name, a hex value like #0a1f44, or {\"rgb\": [r, g, b]}.");
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        var key = SearchCache.ColorKey(req.QueryStr, rgb, req.Limit, req.MinPrice, req.MaxPrice);
        await using var tx = await db.BeginTenantAsync(ct);
        var peek = await SearchCache.PeekAsync(db, merchant, req.OperationType, key, ct);
        await tx.CommitAsync(ct);
        return peek is { } p ? new Response(true, p.ResultCount, key, req.OperationType, p.Hits + catalog.PendingHits(merchant, req.OperationType, key)) : new Response(false, 0, key, req.OperationType, null);
    }
}
