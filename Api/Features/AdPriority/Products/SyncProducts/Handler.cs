using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Products.SyncProducts;

/// <summary>Opens a sync log (at most one running per tenant: SYNC_IN_PROGRESS) and queues <see cref="Job"/> in the same transaction.</summary>
sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string StartSql = Sql.Load<Handler>("StartSync.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var id = Guid.Parse(tenant.Id!);
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<Row>(StartSql, new { TenantId = id, req.Mode }, ct);
        if (rows is not [var row])
            return Error.Conflict("SYNC_IN_PROGRESS", "Another sync is already running for this tenant");
        var jobId = await JobQueue.EnqueueAsync(db, Job.Type, new Job.Payload(row.Id, req.Mode, req.Since?.ToUniversalTime()), id.ToString(), maxAttempts: 3, ct: ct);
        await db.ExecuteAsync("update adpriority.sync_logs set job_id = @JobId where id = @Id and tenant_id = @TenantId", new { JobId = jobId, row.Id, TenantId = id }, ct);
        await tx.CommitAsync(ct);
        return new Response(row.Id, "started", row.Estimated, "Shopify product sync started");
    }

    sealed class Row { public Guid Id { get; init; } public int Estimated { get; init; } }
}
