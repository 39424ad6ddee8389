using Api.Features.PriceWatch.Common;
using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.PriceWatch.Admin.Stats;

/// <summary><c>GET /api/admin/stats</c> (super admins): Platform-wide KPIs</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<JsonElement>
{
    public override void Configure()
    {
        Get("api/admin/stats");
        Group<PriceWatchAdminGroup>();
        Description(b => b.WithTags("PriceWatch admin").WithSummary("Platform-wide KPIs").Produces<JsonElement>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>;

sealed class Handler(AppDb db, PlatformScope scope) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Query = Sql.Load<Handler>("Stats.sql");

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await AdminQuery.JsonAsync(db, scope, Query, req, ct) is { } json ? json : Error.NotFound("PriceWatch.NotFound", "Not found");
}
