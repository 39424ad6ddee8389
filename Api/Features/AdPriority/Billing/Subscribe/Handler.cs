using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Shopify;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Billing.Subscribe;

/// <summary>
/// Creates the recurring charge in Shopify (price and trial from <see cref="Plan"/>, return URL = the billing callback with the shop)
/// and records it as pending. The plan only changes when the callback has seen Shopify report the charge active.
/// Test charges unless <c>AdPriority:Billing:Test</c> is false.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, ShopifyClient shopify, SecretBox box, IConfiguration config, IHttpContextAccessor http)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("InsertSubscription.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        if (await Tenant.GetAsync(db, id, ct) is not { } t)
            return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        if (await Tenant.ShopTokenAsync(db, box, id, ct) is not { } token)
            return Error.Conflict("SHOP_NOT_CONNECTED", "The shop has no Admin API access token; reinstall the app to enable billing");
        var plan = Plan.For(req.Plan);
        var returnUrl = $"{AppUrls.Root(config, http.HttpContext?.Request)}/api/billing/callback?shop={Uri.EscapeDataString(t.ShopDomain)}";
        ShopifyClient.Charge charge;
        try
        {
            charge = await shopify.CreateChargeAsync(t.ShopDomain, token, $"AdPriority {char.ToUpperInvariant(plan.Tier[0])}{plan.Tier[1..]}",
                plan.Price, returnUrl, plan.TrialDays, config.GetValue("AdPriority:Billing:Test", true), ct);
        }
        catch (ShopifyException e)
        {
            return Error.Custom(502, "SHOPIFY_UNAVAILABLE", "Shopify did not create the charge: " + e.Message);
        }
        if (charge.ConfirmationUrl is not { Length: > 0 } url)
            return Error.Custom(502, "SHOPIFY_UNAVAILABLE", "Shopify returned a charge without a confirmation URL");

        await using var tx = await db.BeginTenantAsync(ct);
        await db.ExecuteAsync(InsertSql, new { TenantId = id, ChargeId = charge.Id, Plan = plan.Tier, plan.Price, plan.TrialDays }, ct);
        await tx.CommitAsync(ct);
        return new Response(url, charge.Id, plan.Tier, plan.Price, plan.TrialDays);
    }
}
