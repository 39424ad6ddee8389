using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Modules;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using Mediator;

namespace Api.Features.ShopperSearch.Search.Text;

/// <summary>
/// Cached 7 days on the normalised query plus what changes the ranking (limit, explicit prices, gender, preference signals).
/// The recommendation is rebuilt per request when it is personal (name, style, hour), so a cached entry never carries another
/// shopper's name.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, SearchEngine engine, PreferencesStore preferences, Recommender recommender, Catalog catalog)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    const string Operation = "text";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        if (req.UserProfileId is null)   // without stored preferences the key is known before touching the database
        {
            var (c0, m0) = Rules.Signals(req, null);
            var key0 = SearchCache.TextKey(req.QueryStr, req.Limit, req.Gender, req.MinPrice, req.MaxPrice, c0, m0);
            if (catalog.TryRecall(merchant, Operation, key0, out Cached recalled)) return await FromCacheAsync(req, recalled, Who(req, null, c0, m0), ct);
        }
        await using var tx = await db.BeginTenantAsync(ct);
        var stored = req.UserProfileId is { } pid ? await preferences.GetAsync(db, merchant, pid, ct) : null;
        var (favColors, materials) = Rules.Signals(req, stored);
        var key = SearchCache.TextKey(req.QueryStr, req.Limit, req.Gender, req.MinPrice, req.MaxPrice, favColors, materials);
        var who = Who(req, stored, favColors, materials);
        var personal = Personal(who);
        var parsed = QueryText.ParsePrice(req.QueryStr!, req.MinPrice, req.MaxPrice);

        if (await SearchCache.TakeAsync(db, merchant, Operation, key, ct, catalog.DrainHits(merchant, Operation, key)) is { } hit)
        {
            await tx.CommitAsync(ct);
            var cached = JsonSerializer.Deserialize<Cached>(hit.Response, Modules.ShopperSearch.Json)!;
            catalog.Remember(merchant, Operation, key, cached);
            return await FromCacheAsync(req, cached, who, ct);
        }

        var hits = await engine.SearchAsync(db, new SearchInput(merchant, "text", parsed.Text, null, parsed.MinPrice, parsed.MaxPrice,
            req.Gender ?? [], favColors.Select(c => Colors.Parse(c)).OfType<(byte R, byte G, byte B)>().Select(c => Colors.ToLab(c.R, c.G, c.B)).ToList(),
            materials, req.Limit), ct);
        var data = JsonSerializer.SerializeToElement(hits.Select(h => h.Product.Canonical(h.Distance)).ToList(), Modules.ShopperSearch.Json);
        var top = hits.Select(h => h.Product).ToList();
        var generic = await recommender.RecommendAsync(parsed.Text, null, parsed.MinPrice, parsed.MaxPrice, top, new ShopperContext(), false, ct);
        await SearchCache.PutAsync(db, merchant, Operation, key, hits.Count, new Cached(data, generic), ct);
        await tx.CommitAsync(ct);
        catalog.Remember(merchant, Operation, key, new Cached(data, generic));
        var recommendation = personal ? await recommender.RecommendAsync(parsed.Text, null, parsed.MinPrice, parsed.MaxPrice, top, who, false, ct) : generic;
        return new Response(new Results(data), recommendation, true);
    }

    static ShopperContext Who(Request req, PreferencesRow? stored, List<string> favColors, List<string> materials) =>
        new(req.UserName, req.CurrentHour, req.ConversationalStyle ?? (req.Preferences ? stored?.ConversationalStyle : null),
            req.PersonalFashionStyle ?? (req.Preferences ? stored?.PersonalFashionStyle : null), req.BodyType ?? stored?.BodyType,
            req.FashionGoals ?? (req.Preferences ? stored?.FashionGoals : null), req.AgeGroup ?? stored?.AgeGroup, favColors, materials);

    static bool Personal(ShopperContext who) => who.UserName is { Length: > 0 } || who.ConversationalStyle is { Length: > 0 } || who.Hour is not null
                                                || who.PersonalFashionStyle is { Length: > 0 } || who.FashionGoals is { Length: > 0 };

    async Task<Response> FromCacheAsync(Request req, Cached cached, ShopperContext who, CancellationToken ct)
    {
        if (!Personal(who)) return new Response(new Results(cached.Data), cached.Recommendation, true);
        var parsed = QueryText.ParsePrice(req.QueryStr!, req.MinPrice, req.MaxPrice);
        var text = await recommender.RecommendAsync(parsed.Text, null, parsed.MinPrice, parsed.MaxPrice, ProductRows.FromItems(cached.Data), who, false, ct);
        return new Response(new Results(cached.Data), text, true);
    }

    sealed record Cached(JsonElement Data, string Recommendation);
}
