using System.Text.Json.Serialization;
using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.User.RandomData;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/v1/user/preferences/randomdata");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Preference-seeded random products and a time-of-day greeting (cold start)").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long? UserProfileId { get; init; }
    [JsonPropertyName("userPrefsNotPresent")] public bool? UserPrefsNotPresent { get; init; }
    public int? CurrentHour { get; init; }
    public string? UserName { get; init; }
    public int? Limit { get; init; }
    public string? ConversationalStyle { get; init; }
    public string? PersonalFashionStyle { get; init; }
    public List<string>? FavoriteColors { get; init; }
    public List<string>? FashionMaterialPrefer { get; init; }
    public string? BodyType { get; init; }
    public string? FashionGoals { get; init; }
    public string? AgeGroup { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.UserProfileId).NotNull().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType);
            RuleFor(r => r.UserPrefsNotPresent).NotNull().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType);
            RuleFor(r => r.CurrentHour).NotNull().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType)
                .InclusiveBetween(0, 23).WithMessage("ensure this value is between 0 and 23").WithErrorCode("value_error.number.not_in_range");
            RuleFor(r => r.UserName).NotNull().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType).MaximumLength(200);
            RuleFor(r => r.Limit).NotNull().WithMessage(Rules.Required).WithErrorCode(Rules.MissingType)
                .InclusiveBetween(1, 100).WithMessage("ensure this value is between 1 and 100").WithErrorCode("value_error.number.not_in_range");
        }
    }
}

sealed record Item(string ProductId, string ProductName, double PriceNumeric, string Image1);
sealed record Results(string? Greeting, List<Item> Data);
sealed record Response(Results Results);

sealed class Handler(AppDb db, TenantContext tenant, PreferencesStore preferences) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string RandomSql = Sql.Load<Handler>("RandomData.sql");
    static readonly string RememberSql = Sql.Load<Handler>("Remember.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        await using var tx = await db.BeginTenantAsync(ct);
        var stored = req.UserPrefsNotPresent == true ? null : await preferences.GetAsync(db, merchant, req.UserProfileId!.Value, ct);
        var signals = (req.FavoriteColors ?? stored?.FavoriteColors?.ToList() ?? [])
            .Concat(req.FashionMaterialPrefer ?? stored?.FashionMaterialPrefer?.ToList() ?? [])
            .Select(QueryText.TsTerm).OfType<string>().Distinct().ToList();
        var rows = await db.QueryToListAsync<Row>(RandomSql, new { Merchant = merchant, Signals = string.Join(" | ", signals), req.Limit }, ct);
        var greeting = Recommender.Greeting(req.CurrentHour, req.UserName);
        await db.ExecuteAsync(RememberSql, new
        {
            Merchant = merchant, req.UserProfileId, ProductIds = rows.Select(r => r.Id).ToArray(), req.CurrentHour, Greeting = greeting,
        }, ct);
        await tx.CommitAsync(ct);
        preferences.Invalidate(merchant, req.UserProfileId!.Value);
        return new Response(new Results(greeting, rows.Select(r => new Item(r.ProductId, r.ProductName, r.PriceNumeric, r.Image1)).ToList()));
    }

    sealed class Row
    {
        public long Id { get; init; }
        public string ProductId { get; init; } = "";
        public string ProductName { get; init; } = "";
        public double PriceNumeric { get; init; }
        public string Image1 { get; init; } = "";
    }
}
