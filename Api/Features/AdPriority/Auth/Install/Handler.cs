using System.Security.Cryptography;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Shopify;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Auth.Install;

sealed class Handler(AppDb db, IConfiguration config, TimeProvider clock, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var shop = AdPriorityAuth.NormalizeShop(req.Shop)!;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var expires = clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await db.ExecuteAsync("""
            delete from adpriority.oauth_nonces where expires_at < now() - interval '1 day';
            insert into adpriority.oauth_nonces (nonce, shop_domain, expires_at) values (@Nonce, @Shop, @Expires);
            """, new { Nonce = nonce, Shop = shop, Expires = expires }, ct);
        var redirect = Uri.EscapeDataString(AppUrls.Root(config, http.HttpContext?.Request) + "/auth/callback");
        var url = ShopifyClient.AuthorizeUrl(config, shop, $"client_id={Uri.EscapeDataString(AdPriorityAuth.ApiKey(config))}" +
                  $"&scope={Uri.EscapeDataString(AppUrls.Scopes)}&redirect_uri={redirect}&state={nonce}");
        return new Response(url, nonce, expires);
    }
}
