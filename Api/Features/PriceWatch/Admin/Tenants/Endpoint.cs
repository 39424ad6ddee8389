using Api.Features.PriceWatch.Common;
using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.PriceWatch.Admin.Tenants;

/// <summary><c>GET /api/admin/tenants</c> (super admins): Paginated tenant list with counts and plan</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/admin/tenants");
        Group<PriceWatchAdminGroup>();
        Description(b => b.WithTags("PriceWatch admin").WithSummary("Paginated tenant list with counts and plan").Produces<JsonElement>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public int Page { get; init; } = 1;
    public int Limit { get; init; } = 20;
    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.Limit).InclusiveBetween(1, 100);
        }
    }
}

sealed class Handler(AppDb db, PlatformScope scope) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Query = Sql.Load<Handler>("Tenants.sql");

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await AdminQuery.JsonAsync(db, scope, Query, req, ct) is { } json ? json : Error.NotFound("PriceWatch.NotFound", "Not found");
}
