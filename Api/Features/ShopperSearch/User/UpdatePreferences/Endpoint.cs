using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.User.UpdatePreferences;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, PreferencesRow>
{
    public override void Configure()
    {
        Post("api/v1/user/preferences/update");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Partially update a shopper's preferences; sets is_modified").Produces<PreferencesRow>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : PreferencesBody, IRequest<ErrorOr<PreferencesRow>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => Rules(this);
    }
}

sealed class Handler(AppDb db, TenantContext tenant, PreferencesStore store) : IRequestHandler<Request, ErrorOr<PreferencesRow>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdatePreferences.sql");

    public async ValueTask<ErrorOr<PreferencesRow>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<PreferencesRow>(UpdateSql, new
        {
            Merchant = merchant, req.UserProfileId, req.ConversationalStyle, req.PersonalFashionStyle,
            FavoriteColors = req.FavoriteColors?.ToArray(), FashionMaterialPrefer = req.FashionMaterialPrefer?.ToArray(),
            req.BodyType, req.FashionGoals, req.AgeGroup,
        }, ct);
        await tx.CommitAsync(ct);
        store.Invalidate(merchant, req.UserProfileId!.Value);
        return rows is [var row] ? row : Error.NotFound("Preferences.NotFound", "Preferences not found for user_profile_id");
    }
}
