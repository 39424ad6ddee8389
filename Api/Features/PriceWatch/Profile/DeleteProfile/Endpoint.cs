using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Profile.DeleteProfile;

/// <summary><c>DELETE /api/profile</c> (owner, admin): 404 when none is configured. Clears the profile cache.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Delete("api/profile");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Delete the tenant's industry profile").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Status);

sealed class Handler(AppDb db, Caller caller, ProfileCache cache) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var deleted = await db.ExecuteAsync("delete from pricewatch.industry_profiles where tenant_id = @TenantId", new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        cache.Invalidate(caller.TenantId);
        return deleted == 0 ? Error.NotFound("PriceWatch.ProfileNotFound", "Industry profile not configured") : new Response("deleted");
    }
}
