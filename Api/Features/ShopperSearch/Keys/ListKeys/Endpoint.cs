using Api.Features.ShopperSearch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.ShopperSearch.Keys.ListKeys;

/// <summary>Admin: a merchant's API keys (id, prefix, environment, created, last used, revoked), never the secret.</summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("api/v1/merchants/{merchant_id}/keys");
        Group<ShopperSearchGroup>();
        AllowAnonymous();   // the admin token is checked by the handler
        Description(b => b.WithSummary("Admin: list a merchant's API keys").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("merchant_id")] public long MerchantId { get; init; }
    [FromHeader("Authorization", IsRequired = false)] public string? Authorization { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.MerchantId).GreaterThan(0);
    }
}

sealed record Response(long MerchantId, List<ApiKeyRow> Keys);

sealed class Handler(AppDb db, TenantContext tenant, IConfiguration config, Api.Features.Platform.PlatformAdmin admin) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ApiKeys.CheckAdminAsync(config, admin, req.Authorization) is { } denied) return denied;
        tenant.Set(req.MerchantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var tx = await db.BeginTenantAsync(ct);
        var keys = await db.QueryToListAsync<ApiKeyRow>("""
            select id as "Id", name as "Name", environment as "Environment", key_prefix as "KeyPrefix", created_at as "CreatedAt",
                   last_used_at as "LastUsedAt", revoked_at as "RevokedAt"
            from shopper.api_keys where merchant_id = @Merchant order by id
            """, new { Merchant = req.MerchantId }, ct);
        await tx.CommitAsync(ct);
        return new Response(req.MerchantId, keys);
    }
}
