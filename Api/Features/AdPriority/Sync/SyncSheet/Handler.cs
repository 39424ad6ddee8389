using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncSheet;

/// <summary>
/// Opens a sheet sync log (one running per tenant: SYNC_IN_PROGRESS) and queues <see cref="Job"/> in the same transaction.
/// The job records every failure (including "no Google credentials") in the sync log. Also the scheduled push (<see cref="PushDue"/>).
/// </summary>
sealed class Handler(AppDb db, TenantContext tenant, TimeProvider clock, ILogger<Handler> log)
    : IRequestHandler<Request, ErrorOr<Response>>, ICommandHandler<PushDue, int>
{
    static readonly string StartSql = Sql.Load<Handler>("StartSheetSync.sql");
    static readonly string DueSql = Sql.Load<Handler>("DueTenants.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        if (await Tenant.GetAsync(db, id, ct) is not { } t)
            return Error.Unauthorized("UNAUTHORIZED", "Session token invalid or expired");
        if (t.GoogleSheetId is not { } sheet)
            return Error.Conflict("SHEET_NOT_CONFIGURED", "No Google Sheet configured; set googleSheet.sheetUrl with PUT /api/settings first");
        if (await StartAsync(id, req.Mode, req.ActiveOnly, ct) is not { } row)
            return Error.Conflict("SYNC_IN_PROGRESS", "A Google Sheet sync is already running for this tenant");
        return new Response(row.Id, "started", sheet, Tenant.SheetUrlFor(sheet), row.Estimated, "Google Sheet sync started");
    }

    async Task<Row?> StartAsync(Guid id, string mode, bool activeOnly, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        if (await db.QueryToListAsync<Row>(StartSql, new { TenantId = id, Mode = mode, ActiveOnly = activeOnly }, ct) is not [var row]) return null;
        var jobId = await JobQueue.EnqueueAsync(db, Job.Type, new Job.Payload(row.Id, mode, activeOnly), id.ToString(), maxAttempts: 3, ct: ct);
        await db.ExecuteAsync("update adpriority.sync_logs set job_id = @JobId where id = @Id and tenant_id = @TenantId", new { JobId = jobId, row.Id, TenantId = id }, ct);
        await tx.CommitAsync(ct);
        return row;
    }

    public async ValueTask<int> Handle(PushDue cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var id in await db.QueryToListAsync<Guid>(DueSql, ct))
        {
            if (await Tenant.GetAsync(db, id, ct) is not { } t || !t.SheetSyncDue(now)) continue;
            tenant.Set(id.ToString());
            if (await StartAsync(id, "full", true, ct) is not null) queued++;
            else log.LogInformation("Scheduled sheet push for {Tenant} skipped: a sync is running", id);
        }
        return queued;
    }

    sealed class Row { public Guid Id { get; init; } public int Estimated { get; init; } }
}
