using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Billing.Status;

/// <summary>The tenant's plan (features and limits come from <see cref="AdPriority.Plan"/>) and the latest charge still awaiting approval.</summary>
sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        if (await Tenant.GetAsync(db, id, ct) is not { } t)
            return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        await using var tx = await db.BeginTenantAsync(ct);
        var pending = await db.QueryToListAsync<PendingCharge>("""
            select charge_id as "ChargeId", plan as "Plan", created_at as "CreatedAt" from adpriority.subscriptions
             where tenant_id = @TenantId and status = 'pending' order by created_at desc limit 1
            """, new { TenantId = id }, ct);
        var p = t.Plan;
        return new Response(p.Tier, t.BillingStatus, p.Price, "monthly", t.BillingActivatedAt, t.TrialEndsAt,
            new PlanFeatures(p.MaxProducts, p.SeasonalAutomation, p.TagModifiers, p.NewArrivalBoost, p.GoogleAdsIntegration, p.SyncFrequency),
            pending is [var c] ? c : null);
    }
}
