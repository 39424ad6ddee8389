using System.Text.Json;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using FastEndpoints;
using Mediator;

namespace Api.Features.AdPriority.Gdpr.ShopRedact;

/// <summary>
/// shop/redact (48 h after uninstall): HMAC verified (bare 401 otherwise), then every row of the shop's tenant is deleted at once
/// and the counts reported. A replay finds nothing left and reports zeros.
/// </summary>
sealed class Endpoint(Secrets secrets, IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("api/gdpr/shop-redact");
        Group<AdPriorityGroup>();
        AllowAnonymous();
        Description(b => b.WithSummary("GDPR shop redact: delete all tenant data (HMAC verified)"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var db = HttpContext.RequestServices.GetRequiredService<AppDb>();
        if (await Webhooks.WebhookIntake.ReadVerifiedAsync(HttpContext, secrets, "shop/redact", ct) is not { } delivery)
        {
            HttpContext.Response.StatusCode = 401;
            await HttpContext.Response.StartAsync(ct);
            return;
        }
        string? bodyShop = null;
        try
        {
            using var doc = JsonDocument.Parse(delivery.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("shop_domain", out var s) && s.ValueKind == JsonValueKind.String)
                bodyShop = s.GetString();
        }
        catch (JsonException) { }
        var shop = AdPriorityAuth.NormalizeShop(bodyShop) ?? delivery.Shop;
        if (shop is null)
        {
            await Infrastructure.Http.ApiErrors.WriteAsync(HttpContext, new Infrastructure.Http.ApiError(400, "VALIDATION_ERROR", "shop_domain is required")
                { Fields = [new("shop_domain", "shop_domain must be a <name>.myshopify.com domain")] }, ct);
            return;
        }
        await Webhooks.WebhookIntake.FirstDeliveryAsync(db, delivery with { Shop = shop }, "shop/redact", ct);
        var counts = await mediator.Send(new PurgeTenant.Command(shop), ct);
        await HttpContext.Response.WriteAsJsonAsync(new
        {
            message = $"Tenant data for {shop} has been permanently deleted.",
            deletedRecords = counts,
        }, Infrastructure.Modules.Modules.AdPriority.Json, ct);
    }
}
