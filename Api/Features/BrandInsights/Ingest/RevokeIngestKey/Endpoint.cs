using Api.Features.Platform;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.BrandInsights.Ingest.RevokeIngestKey;

/// <summary>Operator: <c>DELETE /brand-insights/v1/admin/ingest-keys/{id}</c> revokes a crawler key (idempotent; 404 unknown id).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("v1/admin/ingest-keys/{id}");
        Group<BrandInsightsGroup>();
        AllowAnonymous();
        Description(b => b.WithSummary("Operator: revoke a crawler ingest key").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long Id { get; init; }
    [FromHeader("Authorization", IsRequired = false)] public string? Authorization { get; init; }
}

sealed record Response(long Id, bool Revoked, DateTimeOffset RevokedAt);

sealed class Handler(Db db, PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!await admin.IsAdminAsync(req.Authorization))
            return Error.Unauthorized("AUTH_REQUIRED", "Platform admin token required (token platform --admin)");
        await using var cmd = db.Owner.CreateCommand(
            "update brandinsights.ingest_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning revoked_at");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = req.Id });
        if (await cmd.ExecuteScalarAsync(ct) is not DateTime at) return Error.NotFound("NOT_FOUND", $"No ingest key {req.Id}");
        return new Response(req.Id, true, new DateTimeOffset(at, TimeSpan.Zero));
    }
}
