using Api.Features.PriceWatch.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using ErrorOr;
using FastEndpoints;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.PriceWatch.Tenant.GetCredentials;

/// <summary><c>GET /api/tenant/credentials</c>: whether Shopify credentials are stored and a preview of the shop URL; never the secrets.</summary>
sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("api/tenant/credentials");
        Group<PriceWatchGroup>();
        Description(b => b.WithTags("PriceWatch").WithSummary("Report whether Shopify credentials are stored").Produces<Response>());
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await mediator.Send(new Request(), ct), ct);
}

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(bool HasShopifyUrl, bool HasShopifyToken, string? ShopifyUrlPreview);

sealed class Handler(AppDb db, Caller caller) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await PwTx.BeginAsync(db, caller, ct);
        var rows = await db.QueryToListAsync<Response>("""
            select shopify_url_enc is not null as "HasShopifyUrl", shopify_token_enc is not null as "HasShopifyToken",
                   shopify_url_preview as "ShopifyUrlPreview"
              from pricewatch.tenant_credentials where tenant_id = @TenantId
            """, new { caller.TenantId }, ct);
        await tx.CommitAsync(ct);
        return rows is [var r] ? r : new Response(false, false, null);
    }
}
