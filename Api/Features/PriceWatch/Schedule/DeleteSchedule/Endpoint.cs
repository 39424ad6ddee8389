using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Schedule.DeleteSchedule;

/// <summary><c>DELETE /api/schedule</c> (owner, admin): 404 when none is set.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Delete("api/schedule");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Delete the scrape schedule").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(string Status);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var n = await db.ExecuteAsync("delete from pricewatch.scrape_schedules where tenant_id = @TenantId", new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        return n == 0 ? Error.NotFound("PriceWatch.ScheduleNotFound", "No scrape schedule configured") : new Response("deleted");
    }
}
