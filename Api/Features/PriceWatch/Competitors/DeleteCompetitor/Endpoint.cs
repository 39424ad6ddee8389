using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Competitors.DeleteCompetitor;

/// <summary><c>DELETE /api/competitors/{id}</c> (owner, admin; not in the reference): removes the competitor with its products, history and matches.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/competitors/{Id}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Remove a competitor").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
}

sealed record Response(string Status, Guid Id);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var n = await db.ExecuteAsync("delete from pricewatch.competitors where tenant_id = @TenantId and id = @Id", new { caller.TenantId, req.Id }, ct);
        await tx.CommitAsync(ct);
        return n == 0 ? Error.NotFound("PriceWatch.CompetitorNotFound", "Competitor not found") : new Response("deleted", req.Id);
    }
}
