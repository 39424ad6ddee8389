using Api.Features.Platform;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.BrandInsights.Ingest.ListIngestKeys;

/// <summary>Operator: <c>GET /brand-insights/v1/admin/ingest-keys</c>, every crawler key (never the key or its hash).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("v1/admin/ingest-keys");
        Group<BrandInsightsGroup>();
        AllowAnonymous();
        Description(b => b.WithSummary("Operator: list crawler ingest keys").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    [FromHeader("Authorization", IsRequired = false)] public string? Authorization { get; init; }
}

sealed record Key(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Revoked);
sealed record Response(List<Key> Keys);

sealed class Handler(Db db, PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!await admin.IsAdminAsync(req.Authorization))
            return Error.Unauthorized("AUTH_REQUIRED", "Platform admin token required (token platform --admin)");
        // last use: the latest crawl the key loaded
        await using var cmd = db.Owner.CreateCommand("""
            select k.id, k.name, k.created_at, (select max(c.received_at) from brandinsights.crawls c where c.ingest_key = k.id), k.revoked_at
            from brandinsights.ingest_keys k order by k.id
            """);
        var keys = new List<Key>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            keys.Add(new Key(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2),
                r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), !r.IsDBNull(4)));
        return new Response(keys);
    }
}
