using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Profile.ListTemplates;

/// <summary><c>GET /api/profile/templates</c>: metadata of every industry template.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<List<Template>>
{
    public override void Configure()
    {
        Get("api/profile/templates");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("List industry templates").Produces<List<Template>>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<List<Template>>>;

sealed class Template
{
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string[] ExampleProducts { get; init; } = [];
}

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<Template>>>
{
    public async ValueTask<ErrorOr<List<Template>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<Template>("""
            select slug as "Slug", name as "Name", description as "Description", example_products as "ExampleProducts"
              from pricewatch.industry_templates order by sort
            """, new { }, ct);
}
