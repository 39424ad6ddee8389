using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Settings.UpdateSettings;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
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
        return new Response(true, new SettingsOut(
            new Gmc(t.GmcMerchantId, t.GmcMerchantId is not null),
            new Sheet(t.GoogleSheetId, t.SheetUrl, t.GoogleSheetId is not null),
            new Scoring(t.DefaultPriority, t.NewArrivalDays, t.NewArrivalPriority),
            new SyncOut(t.SyncFrequency, t.LastSheetSyncAt)));
    }
}
