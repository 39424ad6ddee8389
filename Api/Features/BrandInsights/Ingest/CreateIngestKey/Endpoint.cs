using Api.Features.Platform;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.BrandInsights.Ingest.CreateIngestKey;

/// <summary>
/// Operator: <c>POST /brand-insights/v1/admin/ingest-keys</c> with a platform admin token creates a crawler key for
/// <c>POST /v1/ingest/menu-snapshots</c> and returns it once (201); only its SHA-256 is stored. Same as the CLI command.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("v1/admin/ingest-keys");
        Group<BrandInsightsGroup>();
        AllowAnonymous();   // the platform admin token is checked by the handler, not the brand scheme
        Description(b => b.WithSummary("Operator: create a crawler ingest key (shown once)").Produces<Response>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    [FromHeader("Authorization", IsRequired = false)] public string? Authorization { get; init; }
    public string Name { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
    }
}

sealed record Response(long Id, string Name, string Key, DateTimeOffset CreatedAt);

sealed class Handler(Db db, PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!await admin.IsAdminAsync(req.Authorization)) return IngestKeysAdmin.Denied;
        var (key, id) = await CliCommand.CreateAsync(db, req.Name.Trim(), ct);
        await using var cmd = db.Owner.CreateCommand("select created_at from brandinsights.ingest_keys where id = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        return new Response(id, req.Name.Trim(), key, new DateTimeOffset((DateTime)(await cmd.ExecuteScalarAsync(ct))!, TimeSpan.Zero));
    }
}

static class IngestKeysAdmin
{
    public static readonly Error Denied = Error.Unauthorized("AUTH_REQUIRED", "Platform admin token required (token platform --admin)");
}
