using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncStatus;

sealed class Handler(AppDb db, TenantContext tenant, TimeProvider clock, SheetAccess sheets) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StatusSql = Sql.Load<Handler>("SyncStatus.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        await using var tx = await db.BeginTenantAsync(ct);
        if (await Tenant.GetAsync(db, id, ct) is not { } t) return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        var rows = await db.QueryToListAsync<Row>(StatusSql, new { TenantId = id }, ct);
        var sheet = await sheets.GetAsync(t, check: false, ct);
        await tx.CommitAsync(ct);
        var r = rows.Single();
        LastSync? last = null;
        if (r.Id is { } logId)
        {
            using var errors = JsonDocument.Parse(r.Errors ?? "[]");
            last = new LastSync(logId, r.SyncType!, r.Status!, r.ProductsSynced, errors.RootElement.Clone(), r.StartedAt!.Value, r.CompletedAt,
                r.CompletedAt is { } done ? (int)Math.Round((done - r.StartedAt.Value).TotalSeconds) : null);
        }
        return new Response(last, r.PendingChanges, sheet.Configured, sheet.Reason, t.GmcMerchantId, t.NextScheduledSheetSync(clock.GetUtcNow().UtcDateTime), t.SyncFrequency);
    }

    sealed class Row
    {
        public Guid? Id { get; init; }
        public string? SyncType { get; init; }
        public string? Status { get; init; }
        public int ProductsSynced { get; init; }
        public string? Errors { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public int PendingChanges { get; init; }
    }
}
