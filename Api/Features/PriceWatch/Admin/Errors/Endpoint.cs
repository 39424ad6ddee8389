using Api.Features.PriceWatch.Common;
using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.PriceWatch.Admin.Errors;

/// <summary><c>GET /api/admin/errors</c> (super admins): Failed sessions across tenants with their error messages</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/admin/errors");
        Group<PriceWatchAdminGroup>();
        Description(b => b.WithTags("PriceWatch admin").WithSummary("Failed sessions across tenants with their error messages").Produces<JsonElement>());
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
    static readonly string Query = Sql.Load<Handler>("Errors.sql");

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await AdminQuery.JsonAsync(db, scope, Query, req, ct) is { } json ? json : Error.NotFound("PriceWatch.NotFound", "Not found");
}
