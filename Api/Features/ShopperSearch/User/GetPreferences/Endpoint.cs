using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.ShopperSearch.User.GetPreferences;

sealed class Endpoint(IMediator mediator) : Endpoint<Request, PreferencesRow>
{
    public override void Configure()
    {
        Get("api/v1/user/preferences/{user_profile_id}");
        Group<ShopperSearchGroup>();
        Description(b => b.WithSummary("A shopper's preferences (cached 5 minutes)").Produces<PreferencesRow>().ProducesProblemDetails(400).ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<PreferencesRow>>
{
    [BindFrom("user_profile_id")] public long UserProfileId { get; init; }
}

sealed class Handler(AppDb db, TenantContext tenant, PreferencesStore store) : IRequestHandler<Request, ErrorOr<PreferencesRow>>
{
    public async ValueTask<ErrorOr<PreferencesRow>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var row = await store.GetAsync(db, ShopperSearchAuth.MerchantOf(tenant), req.UserProfileId, ct);
        await tx.CommitAsync(ct);
        return row is null ? Error.NotFound("Preferences.NotFound", "User preferences not found") : row;
    }
}
