using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Auth.Session;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await Tenant.GetAsync(db, Guid.Parse(tenant.Id!), ct) is not { } t)
            return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        return new Response(
            new TenantInfo(t.Id, t.ShopDomain, t.PlanTier, t.Status, t.GmcMerchantId, t.GoogleSheetId),
            new BillingInfo(t.PlanTier, t.BillingStatus, t.BillingActivatedAt),
            t.Plan.ToFeatures());
    }
}
