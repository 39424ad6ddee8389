using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Modules;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.ShopperSearch.Search.TextAndColor;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v0/product/search/textandcolor");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Combined text and/or colour search; at least one input required").Produces<Response>());
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

sealed record Results(JsonElement Data);
sealed record Response(Results Results, string Recommendation, bool Success);

/// <summary>operation_type: both inputs → textandcolor, colour only → color, text only → text. Cached 7 days on query|[r,g,b].</summary>
sealed class Handler(AppDb db, TenantContext tenant, SearchEngine engine, Recommender recommender, Catalog catalog) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!req.HasText && !req.HasColor) return Error.Custom(400, "Search.Empty", "At least one of 'text' or 'color' must be provided.");
        var rgb = req.HasColor ? Colors.Parse(req.Color!.Value) : null;
        if (req.HasColor && rgb is null) return Error.Custom(400, "Search.InvalidColor", "Invalid color input: use a colour name, a hex value like #0a1f44, or {\"rgb\": [r, g, b]}.");
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        var op = req.OperationType;
        var key = SearchCache.ColorKey(req.QueryStr, rgb, req.Limit, req.MinPrice, req.MaxPrice);
        var parsed = QueryText.ParsePrice(req.QueryStr ?? "", req.MinPrice, req.MaxPrice);
        var colorName = rgb is { } c ? (req.Color!.Value.ValueKind == JsonValueKind.String && Colors.FindInText(req.Color.Value.GetString()) is { } n ? n.Name : Colors.NearestName(Colors.ToLab(c.R, c.G, c.B))) : null;
        var who = new ShopperContext(req.UserName, null, req.ConversationalStyle);
        var personal = who.UserName is { Length: > 0 } || who.ConversationalStyle is { Length: > 0 };

        if (catalog.TryRecall(merchant, op, key, out Cached recalled))
            return new Response(new Results(recalled.Data), personal
                ? await recommender.RecommendAsync(parsed.Text, colorName, parsed.MinPrice, parsed.MaxPrice, ProductRows.FromItems(recalled.Data), who, false, ct)
                : recalled.Recommendation, true);
        await using var tx = await db.BeginTenantAsync(ct);
        if (await SearchCache.TakeAsync(db, merchant, op, key, ct, catalog.DrainHits(merchant, op, key)) is { } hit)
        {
            await tx.CommitAsync(ct);
            var cached = JsonSerializer.Deserialize<Cached>(hit.Response, Modules.ShopperSearch.Json)!;
            catalog.Remember(merchant, op, key, cached);
            return new Response(new Results(cached.Data), personal
                ? await recommender.RecommendAsync(parsed.Text, colorName, parsed.MinPrice, parsed.MaxPrice, ProductRows.FromItems(cached.Data), who, false, ct)
                : cached.Recommendation, true);
        }
        var lab = rgb is { } v ? Colors.ToLab(v.R, v.G, v.B) : (Lab?)null;
        var hits = await engine.SearchAsync(db, new SearchInput(merchant, op, parsed.Text, lab, parsed.MinPrice, parsed.MaxPrice, [], [], [], req.Limit), ct);
        var data = JsonSerializer.SerializeToElement(hits.Select(h => h.Product.ColorItem(h.Distance)).ToList(), Modules.ShopperSearch.Json);
        var top = hits.Select(h => h.Product).ToList();
        var generic = await recommender.RecommendAsync(parsed.Text, colorName, parsed.MinPrice, parsed.MaxPrice, top, new ShopperContext(), false, ct);
        await SearchCache.PutAsync(db, merchant, op, key, hits.Count, new Cached(data, generic), ct);
        await tx.CommitAsync(ct);
        catalog.Remember(merchant, op, key, new Cached(data, generic));
        return new Response(new Results(data), personal
            ? await recommender.RecommendAsync(parsed.Text, colorName, parsed.MinPrice, parsed.MaxPrice, top, who, false, ct) : generic, true);
    }

    sealed record Cached(JsonElement Data, string Recommendation);
}
