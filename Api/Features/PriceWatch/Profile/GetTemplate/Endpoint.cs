using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Profile.GetTemplate;

/// <summary><c>GET /api/profile/templates/{slug}</c>: the template with every configuration field.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, JsonElement>
{
    public override void Configure()
    {
        Get("api/profile/templates/{Slug}");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Get one industry template").Produces<JsonElement>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string Slug { get; init; } = "";
}

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<string>(
            "select (to_jsonb(t) - 'sort')::text from pricewatch.industry_templates t where t.slug = @Slug", new { req.Slug }, ct);
        if (rows is not [var json]) return Error.NotFound("PriceWatch.TemplateNotFound", $"Template '{req.Slug}' not found");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
