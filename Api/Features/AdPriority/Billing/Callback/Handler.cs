using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Shopify;
using Api.Infrastructure.Security;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Billing.Callback;

/// <summary>
/// The return URL is unauthenticated, so nothing in it is trusted: the charge must be one this shop created (subscriptions row) and
/// Shopify itself must report it <c>active</c> with the recorded price before the plan changes. Declined/expired charges are recorded;
/// a still-pending charge leaves everything as it was. Activating twice answers the same result.
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, ShopifyClient shopify, SecretBox box, IConfiguration config)
    : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ActivateSql = Sql.Load<Handler>("Activate.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var shop = AdPriorityAuth.NormalizeShop(req.Shop)!;
        var notFound = Error.NotFound("NOT_FOUND", $"Charge {req.ChargeId} was not created by {shop}");
        if (await db.QueryToListAsync<Guid>("select id from adpriority.tenants where shop_domain = @Shop and status <> 'uninstalled'", new { Shop = shop }, ct) is not [var id])
            return notFound;
        tenant.Set(id.ToString());
        var redirect = $"https://{shop}/admin/apps/{AdPriorityAuth.ApiKey(config)}";

        await using var tx = await db.BeginTenantAsync(ct);
        var subs = await db.QueryToListAsync<Sub>("""
            select plan as "Plan", price::text as "Price", status as "Status" from adpriority.subscriptions
             where tenant_id = @TenantId and charge_id = @ChargeId
            """, new { TenantId = id, req.ChargeId }, ct);
        if (subs is not [var sub]) return notFound;
        var t = (await Tenant.GetAsync(db, id, ct))!;
        if (sub.Status is not "pending")
            return new Response(req.ChargeId, sub.Plan, sub.Status, t.BillingStatus, t.BillingActivatedAt, t.TrialEndsAt, redirect);

        if (await Tenant.ShopTokenAsync(db, box, id, ct) is not { } token)
            return Error.Conflict("SHOP_NOT_CONNECTED", "The shop has no Admin API access token; reinstall the app");
        ShopifyClient.Charge? charge;
        try { charge = await shopify.GetChargeAsync(shop, token, req.ChargeId, ct); }
        catch (ShopifyException e) { return Error.Custom(502, "SHOPIFY_UNAVAILABLE", "Could not verify the charge with Shopify: " + e.Message); }
        if (charge is null) return notFound;
        if (!decimal.TryParse(charge.Price, System.Globalization.CultureInfo.InvariantCulture, out var price)
            || price != decimal.Parse(sub.Price, System.Globalization.CultureInfo.InvariantCulture))
            return Error.Conflict("CHARGE_MISMATCH", $"Shopify reports charge {req.ChargeId} at {charge.Price}, not the {sub.Plan} price {sub.Price}");

        switch (charge.Status)
        {
            case "active":
                var rows = await db.QueryToListAsync<Activated>(ActivateSql, new { TenantId = id, req.ChargeId }, ct);
                await tx.CommitAsync(ct);
                var a = rows.Single();
                return new Response(req.ChargeId, a.Plan, "active", "active", a.ActivatedAt, a.TrialEndsAt, redirect);
            case "declined" or "expired" or "cancelled" or "frozen":
                await db.ExecuteAsync("""
                    update adpriority.subscriptions set status = case when @Status = 'declined' then 'declined' else 'cancelled' end
                     where tenant_id = @TenantId and charge_id = @ChargeId;
                    update adpriority.tenants set billing_status = 'none', updated_at = now() where id = @TenantId and billing_status = 'pending';
                    """, new { Status = charge.Status, TenantId = id, req.ChargeId }, ct);
                await tx.CommitAsync(ct);
                var after = (await Tenant.GetAsync(db, id, ct))!;
                return new Response(req.ChargeId, sub.Plan, charge.Status == "declined" ? "declined" : "cancelled", after.BillingStatus,
                    after.BillingActivatedAt, after.TrialEndsAt, redirect);
            default:   // pending / accepted: the merchant has not finished on Shopify's page
                return new Response(req.ChargeId, sub.Plan, "pending", t.BillingStatus, t.BillingActivatedAt, t.TrialEndsAt, redirect);
        }
    }

    sealed class Sub { public string Plan { get; init; } = ""; public string Price { get; init; } = ""; public string Status { get; init; } = ""; }
    sealed class Activated { public string Plan { get; init; } = ""; public DateTime? ActivatedAt { get; init; } public DateTime? TrialEndsAt { get; init; } }
}
