using Api.Features.PriceWatch.Common;
using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.PriceWatch.Admin.Activity;

/// <summary><c>GET /api/admin/activity</c> (super admins): Cross-tenant feed of scrapes, matches and syncs, newest first</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/admin/activity");
        Group<PriceWatchAdminGroup>();
        Description(b => b.WithTags("PriceWatch admin").WithSummary("Cross-tenant feed of scrapes, matches and syncs, newest first").Produces<JsonElement>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public int Limit { get; init; } = 50;
    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
        }
    }
}

sealed class Handler(AppDb db, PlatformScope scope) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Query = Sql.Load<Handler>("Activity.sql");

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await AdminQuery.JsonAsync(db, scope, Query, req, ct) is { } json ? json : Error.NotFound("PriceWatch.NotFound", "Not found");
}
