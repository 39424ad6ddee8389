using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Keys.RevokeKey;

/// <summary>Admin: revokes a key (200; idempotent, a revoked key keeps its first revocation time). 404 for another merchant's key.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Delete("api/v1/merchants/{merchant_id}/keys/{key_id}");
        Group<ShopperSearchGroup>();
        AllowAnonymous();   // the admin token is checked by the handler
        Description(b => b.WithSummary("Admin: revoke an API key").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
    [BindFrom("key_id")] public long KeyId { get; init; }
    [FromHeader("Authorization", IsRequired = false)] public string? Authorization { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.MerchantId).GreaterThan(0);
            RuleFor(r => r.KeyId).GreaterThan(0);
        }
    }
}

sealed record Response(long Id, long MerchantId, string Status, DateTimeOffset RevokedAt);

sealed class Handler(AppDb db, TenantContext tenant, IConfiguration config, Api.Features.Platform.PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ApiKeys.CheckAdminAsync(config, admin, req.Authorization) is { } denied) return denied;
        tenant.Set(req.MerchantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<DateTimeOffset>("""
            update shopper.api_keys set revoked_at = coalesce(revoked_at, now()) where merchant_id = @Merchant and id = @KeyId returning revoked_at
            """, new { Merchant = req.MerchantId, req.KeyId }, ct);
        await tx.CommitAsync(ct);
        return rows is [var at]
            ? new Response(req.KeyId, req.MerchantId, "revoked", at)
            : Error.NotFound("Keys.NotFound", $"API key {req.KeyId} not found for merchant {req.MerchantId}");
    }
}
