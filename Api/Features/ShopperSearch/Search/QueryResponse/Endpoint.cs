using System.Text.Json;
using System.Text.Json.Serialization;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Integrations.OpenAi;
using Api.Infrastructure.Modules;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.ShopperSearch.Search.QueryResponse;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v0/product/search/queryresponse");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Recommendation text for a shopper query (no products)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? QueryStr { get; init; }
    public bool Preferences { get; init; }
    [JsonPropertyName("userPrefsNotPresent")] public bool? UserPrefsNotPresent { get; init; }
    public int? CurrentHour { get; init; }
    public string? UserName { get; init; }
    public JsonElement? ColorInput { get; init; }
    public long? UserProfileId { get; init; }
    public string? ConversationalStyle { get; init; }
    public string? PersonalFashionStyle { get; init; }
    public List<string>? FavoriteColors { get; init; }
    public List<string>? FashionMaterialPrefer { get; init; }
    public string? BodyType { get; init; }
    public string? FashionGoals { get; init; }
    public string? AgeGroup { get; init; }
    public string? SessionId { get; init; }
    public string? ClientIp { get; init; }
    public string? Location { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.QueryStr).NotEmpty().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType)
                .MaximumLength(1000).WithMessage("ensure this value has at most 1000 characters");
            RuleFor(r => r.CurrentHour).InclusiveBetween(0, 23).WithMessage("ensure this value is between 0 and 23").WithErrorCode("value_error.number.not_in_range");
        }
    }
}

sealed record Results(string Recommendation);
sealed record Response(Results Results);

/// <summary>
/// Grounded in the catalog: runs the search for the query (top 5) and writes the recommendation from those products.
/// Cached per (user_profile_id, normalised query[, colour]) for 7 days. A configured chat model that fails is a 500.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, SearchEngine engine, Recommender recommender, PreferencesStore preferences)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        var rgb = req.ColorInput is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } ci ? Colors.Parse(ci) : null;
        var key = $"{req.UserProfileId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "anonymous"}|{QueryText.Normalize(req.QueryStr)}"
                  + (rgb is { } c ? "|" + Colors.Canonical(c) : "")
                  + (string.IsNullOrWhiteSpace(req.UserName) ? "" : "|name=" + QueryText.Normalize(req.UserName))
                  + (Recommender.Greeting(req.CurrentHour, null) is { } part && req.CurrentHour is not null ? "|" + part.ToLowerInvariant() : "")
                  + (string.IsNullOrWhiteSpace(req.ConversationalStyle) ? "" : "|style=" + QueryText.Normalize(req.ConversationalStyle));
        await using var tx = await db.BeginTenantAsync(ct);
        if (await SearchCache.TakeAsync(db, merchant, "queryresponse", key, ct) is { } hit)
        {
            await tx.CommitAsync(ct);
            return JsonSerializer.Deserialize<Response>(hit.Response, Modules.ShopperSearch.Json)!;
        }
        var stored = req.Preferences && req.UserProfileId is { } pid ? await preferences.GetAsync(db, merchant, pid, ct) : null;
        var parsed = QueryText.ParsePrice(req.QueryStr!, null, null);
        var lab = rgb is { } v ? Colors.ToLab(v.R, v.G, v.B) : (Lab?)null;
        var hits = await engine.SearchAsync(db, new SearchInput(merchant, lab is null ? "text" : "textandcolor", parsed.Text, lab,
            parsed.MinPrice, parsed.MaxPrice, [], [], [], 5), ct);
        var who = new ShopperContext(req.UserName, req.CurrentHour, req.ConversationalStyle ?? stored?.ConversationalStyle,
            req.PersonalFashionStyle ?? stored?.PersonalFashionStyle, req.BodyType ?? stored?.BodyType, req.FashionGoals ?? stored?.FashionGoals,
            req.AgeGroup ?? stored?.AgeGroup, req.FavoriteColors ?? stored?.FavoriteColors?.ToList(), req.FashionMaterialPrefer ?? stored?.FashionMaterialPrefer?.ToList());
        string text;
        try
        {
            text = await recommender.RecommendAsync(parsed.Text, lab is { } l ? Colors.NearestName(l) : null, parsed.MinPrice, parsed.MaxPrice,
                hits.Select(h => h.Product).ToList(), who, strict: true, ct);
        }
        catch (OpenAiException) { return Error.Custom(500, "Recommendation.ModelFailed", "Internal error reaching the LLM."); }
        var response = new Response(new Results(text));
        await SearchCache.PutAsync(db, merchant, "queryresponse", key, hits.Count, response, ct);
        await tx.CommitAsync(ct);
        return response;
    }
}
