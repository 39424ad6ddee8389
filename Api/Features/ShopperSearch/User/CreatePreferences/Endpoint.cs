using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.User.CreatePreferences;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, PreferencesRow>
{
    public override void Configure()
    {
        Post("api/v1/user/preferences");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("Create the preferences row of a shopper profile").Produces<PreferencesRow>());
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

/// <summary>The document answers a duplicate with 500 (a unique violation); an unknown profile is a 404.</summary>
sealed class Handler(AppDb db, TenantContext tenant, PreferencesStore store) : IRequestHandler<Request, ErrorOr<PreferencesRow>>
{
    static readonly string CreateSql = Sql.Load<Handler>("CreatePreferences.sql");
    static readonly string ExistsSql = "select exists (select from shopper.user_profile where merchant_id = @Merchant and id = @UserProfileId)";

    public async ValueTask<ErrorOr<PreferencesRow>> Handle(Request req, CancellationToken ct)
    {
        var merchant = ShopperSearchAuth.MerchantOf(tenant);
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<PreferencesRow>(CreateSql, new
        {
            Merchant = merchant, req.UserProfileId, req.ConversationalStyle, req.PersonalFashionStyle,
            FavoriteColors = req.FavoriteColors?.ToArray(), FashionMaterialPrefer = req.FashionMaterialPrefer?.ToArray(),
            req.BodyType, req.FashionGoals, req.AgeGroup,
        }, ct);
        if (rows is [var row]) { await tx.CommitAsync(ct); store.Invalidate(merchant, row.UserProfileId); return row; }
        var profileExists = await db.ExecuteAsync<bool>(ExistsSql, new { Merchant = merchant, req.UserProfileId }, ct);
        return profileExists
            ? Error.Custom(500, "Preferences.Exists", "Database error: preferences already exist for this user_profile_id; use /api/v1/user/preferences/update")
            : Error.NotFound("Profile.NotFound", "User profile not found");
    }
}
