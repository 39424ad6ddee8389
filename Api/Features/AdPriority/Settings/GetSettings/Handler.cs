using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Settings.GetSettings;

sealed class Handler(AppDb db, TenantContext tenant, Sync.SheetAccess sheets) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        if (await Tenant.GetAsync(db, Guid.Parse(tenant.Id!), ct) is not { } t) return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        var sheet = await sheets.GetAsync(t, check: false, ct);
        await tx.CommitAsync(ct);
        return new Response(
            new Store(t.ShopDomain, t.PlanTier, t.Status, t.InstalledAt, t.Timezone),
            new Gmc(t.GmcMerchantId, t.GmcMerchantId is not null),
            new Sheet(t.GoogleSheetId, t.SheetUrl, sheet.Configured, sheet.Reason),
            new Scoring(t.DefaultPriority, t.NewArrivalDays, t.NewArrivalPriority),
            new SyncInfo(t.SyncFrequency, t.LastSheetSyncAt));
    }
}
