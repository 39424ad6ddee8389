using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Tenant.DeleteData;

/// <summary>
/// <c>DELETE /api/tenant/data</c> (owner only): deletes every row of the tenant's data tables and its stored credentials
/// and invitations in one transaction, children before parents. Keeps the tenant row, its members and its subscription.
/// </summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Delete("api/tenant/data");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Delete all tenant data, keeping the tenant").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Status, Dictionary<string, int> Deleted);

sealed class Handler(AppDb db, Caller caller, ProfileCache cache) : IRequestHandler<Request, ErrorOr<Response>>
{
    /// <summary>Foreign-key order: every table before the tables it references.</summary>
    public static readonly string[] Order =
    [
        "alert_history", "product_matches", "price_history", "scrape_logs", "product_tracking", "brand_products",
        "scrape_sessions", "sync_sessions", "matching_sessions", "competitors", "alert_configs", "scrape_schedules",
        "industry_profiles", "tenant_credentials", "team_invitations",
    ];

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!caller.IsOwner) return Error.Forbidden("PriceWatch.Role", "Only the workspace owner can delete all data");
        var deleted = new Dictionary<string, int>();
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        foreach (var table in Order)
            deleted[table] = await db.ExecuteAsync($"delete from pricewatch.{table} where tenant_id = @TenantId", new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        cache.Invalidate(caller.TenantId);
        return new Response("deleted", deleted);
    }
}
