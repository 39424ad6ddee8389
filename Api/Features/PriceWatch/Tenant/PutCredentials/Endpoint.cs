using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Security;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Tenant.PutCredentials;

/// <summary>
/// <c>PUT /api/tenant/credentials</c> (owner, admin): stores the Shopify shop URL and Admin API token encrypted (AES-GCM,
/// bound to the tenant). A field left out keeps its stored value. Answers with the same shape as GET.
/// </summary>
sealed class Endpoint(IMediator mediator) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("api/tenant/credentials");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Store encrypted Shopify credentials").Produces<Response>());
    }

    public override async Task HandleAsync(Request req, CancellationToken ct) => await Send.ResultAsync(await mediator.Send(req, ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? ShopifyUrl { get; init; }
    public string? ShopifyToken { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r).Must(r => r.ShopifyUrl is not null || r.ShopifyToken is not null)
                .WithName("body").WithMessage("shopify_url or shopify_token is required");
            RuleFor(r => r.ShopifyUrl).Must(u => Credentials.NormalizeShop(u) is not null).When(r => r.ShopifyUrl is not null)
                .WithMessage("shopify_url must be a shop host name such as mybrand.myshopify.com");
            RuleFor(r => r.ShopifyToken).NotEmpty().MaximumLength(512).When(r => r.ShopifyToken is not null);
        }
    }
}

sealed record Response(bool HasShopifyUrl, bool HasShopifyToken, string? ShopifyUrlPreview);

sealed class Handler(AppDb db, Caller caller, SecretBox box, Api.Infrastructure.Integrations.Outbound.OutboundGuard outbound) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (caller.Require("admin") is { } forbidden) return forbidden;
        var shop = Credentials.NormalizeShop(req.ShopifyUrl);
        if (shop is not null && await outbound.CheckUrlAsync($"https://{shop}/", ct) is { } refused)
            return Error.Validation("shopify_url", $"shopify_url {refused}", new Dictionary<string, object> { ["field"] = "shopify_url", ["type"] = "value_error" });
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var saved = (await db.QueryToListAsync<Response>("""
            insert into pricewatch.tenant_credentials as c (tenant_id, shopify_url_enc, shopify_token_enc, shopify_url_preview)
            values (@TenantId, @UrlEnc, @TokenEnc, @Preview)
            on conflict (tenant_id) do update set
                shopify_url_enc = coalesce(excluded.shopify_url_enc, c.shopify_url_enc),
                shopify_token_enc = coalesce(excluded.shopify_token_enc, c.shopify_token_enc),
                shopify_url_preview = coalesce(excluded.shopify_url_preview, c.shopify_url_preview), updated_at = now()
            returning shopify_url_enc is not null as "HasShopifyUrl", shopify_token_enc is not null as "HasShopifyToken",
                      shopify_url_preview as "ShopifyUrlPreview"
            """, new
        {
            caller.TenantId,
            UrlEnc = shop is null ? null : Credentials.Encrypt(box, caller.TenantId, "shopify_url", shop),
            TokenEnc = req.ShopifyToken is null ? null : Credentials.Encrypt(box, caller.TenantId, "shopify_token", req.ShopifyToken.Trim()),
            Preview = shop is null ? null : Credentials.Preview(shop),
        }, ct)).Single();
        await tx.CommitAsync(ct);
        return saved;
    }
}
