using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Api.Features.AdPriority.Sync;

namespace Api.Features.AdPriority.Settings.UpdateSettings;

sealed class Handler(AppDb db, TenantContext tenant, Sync.SheetAccess sheets) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateSettings.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        var sheet = req.GoogleSheet is { } s ? Request.SheetIdOf(s.SheetUrl, s.SheetId) : null;
        await db.ExecuteAsync(UpdateSql, new
        {
            Id = id,
            SetMerchant = req.GoogleMerchantCenter?.MerchantId is not null, Merchant = req.GoogleMerchantCenter?.MerchantId is { Length: > 0 } m ? m : null,
            SetSheet = sheet is not null, Sheet = sheet is { Length: > 0 } ? sheet : null,
            req.Scoring?.DefaultPriority, req.Scoring?.NewArrivalDays, req.Scoring?.NewArrivalPriority,
            Frequency = req.Sync?.Frequency, req.Timezone,
        }, ct);
        if (await Tenant.GetAsync(db, id, ct) is not { } t) return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        SheetAccess.State access;
        await using (var tx = await db.BeginTenantAsync(ct))
        {
            access = await sheets.GetAsync(t, check: sheet is { Length: > 0 }, ct);   // a newly set sheet is checked at once
            await tx.CommitAsync(ct);
        }
        return new Response(true, new SettingsOut(
            new Gmc(t.GmcMerchantId, t.GmcMerchantId is not null),
            new Sheet(t.GoogleSheetId, t.SheetUrl, access.Configured, access.Reason),
            new Scoring(t.DefaultPriority, t.NewArrivalDays, t.NewArrivalPriority),
            new SyncOut(t.SyncFrequency, t.LastSheetSyncAt)));
    }
}
