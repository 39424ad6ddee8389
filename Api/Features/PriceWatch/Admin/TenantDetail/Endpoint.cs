using Api.Features.PriceWatch.Common;
using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.PriceWatch.Admin.TenantDetail;

/// <summary><c>GET /api/admin/tenants/{TenantId}</c> (super admins): tenant drill-down; 404 for an unknown tenant.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/admin/tenants/{TenantId}");
        Group<PriceWatchAdminGroup>();
        Description(b => b.WithTags("PriceWatch admin").WithSummary("Tenant drill-down: members, competitors, recent scrapes, subscription").Produces<JsonElement>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public Guid TenantId { get; init; }
    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.TenantId).NotEmpty();
        }
    }
}

sealed class Handler(AppDb db, PlatformScope scope) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    static readonly string Query = Sql.Load<Handler>("TenantDetail.sql");

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct) =>
        await AdminQuery.JsonAsync(db, scope, Query, req, ct) is { } json ? json : Error.NotFound("PriceWatch.NotFound", "Not found");
}
