using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Profile.GetProfile;

/// <summary><c>GET /api/profile</c>: the whole industry_profiles row, or 404 when none is configured.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<JsonElement>
{
    public override void Configure()
    {
        Get("api/profile");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Get the tenant's industry profile").Produces<JsonElement>().ProducesProblemDetails(404));
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>;

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<string>(
            "select row_to_json(p)::text from pricewatch.industry_profiles p where p.tenant_id = @TenantId", new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        if (rows is not [var json]) return Error.NotFound("PriceWatch.ProfileNotFound", "Industry profile not configured");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
