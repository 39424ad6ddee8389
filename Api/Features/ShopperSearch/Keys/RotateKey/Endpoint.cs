using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Keys.RotateKey;

/// <summary>Admin: revokes an active key and issues its replacement (same environment and name) in one transaction (201, shown once).</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, IssuedKey>
{
    public override void Configure()
    {
        Post("api/v1/merchants/{merchant_id}/keys/{key_id}/rotate");
        Group<ShopperSearchGroup>();
        AllowAnonymous();   // the admin token is checked by the handler
        Description(b => b.WithSummary("Admin: rotate an API key (old one revoked, new one shown once)").Produces<IssuedKey>(201));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) =>
        await Send.ResultAsync(await mediator.Send(req, ct), ct, StatusCodes.Status201Created);
}

sealed record Request : IRequest<ErrorOr<IssuedKey>>
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

sealed class Handler(AppDb db, TenantContext tenant, IConfiguration config, Api.Features.Platform.PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<IssuedKey>>
{
    public async ValueTask<ErrorOr<IssuedKey>> Handle(Request req, CancellationToken ct)
    {
        if (await ApiKeys.CheckAdminAsync(config, admin, req.Authorization) is { } denied) return denied;
        tenant.Set(req.MerchantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var tx = await db.BeginTenantAsync(ct);
        var old = await db.QueryToListAsync<Old>("""
            select environment as "Environment", name as "Name", revoked_at is not null as "Revoked"
            from shopper.api_keys where merchant_id = @Merchant and id = @KeyId for update
            """, new { Merchant = req.MerchantId, req.KeyId }, ct);
        if (old is not [var o]) return Error.NotFound("Keys.NotFound", $"API key {req.KeyId} not found for merchant {req.MerchantId}");
        if (o.Revoked) return Error.Conflict("Keys.Revoked", $"API key {req.KeyId} is revoked and cannot be rotated");
        await db.ExecuteAsync("update shopper.api_keys set revoked_at = now() where merchant_id = @Merchant and id = @KeyId",
            new { Merchant = req.MerchantId, req.KeyId }, ct);
        var key = ApiKeys.Generate(o.Environment);
        var id = await ApiKeys.InsertAsync(db.OpenDbConnection(), db.Transaction, req.MerchantId, o.Environment, o.Name, key, ct);
        var created = await db.ExecuteAsync<DateTimeOffset>("select created_at from shopper.api_keys where id = @id", new { id }, ct);
        await tx.CommitAsync(ct);
        return new IssuedKey(id, req.MerchantId, o.Name, o.Environment, key.Prefix, created, key.Key, req.KeyId);
    }

    sealed class Old { public string Environment { get; init; } = ""; public string Name { get; init; } = ""; public bool Revoked { get; init; } }
}
