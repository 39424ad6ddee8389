using System.Text.Json;
using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Profile.ApplyTemplate;

/// <summary><c>POST /api/profile/templates/{slug}/apply</c> (owner, admin): replaces (or creates) the profile with the template's configuration.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("api/profile/templates/{Slug}/apply");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Apply an industry template to the tenant profile").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string Slug { get; init; } = "";
}

sealed record Response(string Status, string Template, JsonElement Profile);

sealed class Handler(AppDb db, Caller caller, ProfileCache cache) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ApplySql = Sql.Load<Handler>("Apply.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<string>(ApplySql, new { caller.TenantId, req.Slug }, ct);
        if (rows is not [var json]) return Error.NotFound("PriceWatch.TemplateNotFound", $"Template '{req.Slug}' not found");
        await tx.CommitAsync(ct);
        cache.Invalidate(caller.TenantId);
        using var doc = JsonDocument.Parse(json);
        return new Response("applied", req.Slug, doc.RootElement.Clone());
    }
}
