using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Sync.SyncLogs;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("SyncLogs.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTenantAsync(ct);
        var rows = await db.QueryToListAsync<Row>(ListSql, new
        {
            TenantId = Guid.Parse(tenant.Id!), req.SyncType, req.Status, req.Limit, Offset = (long)(req.Page - 1) * req.Limit,
        }, ct);
        await tx.CommitAsync(ct);
        var total = rows.Count > 0 ? rows[0].Total : 0;
        if (rows.Count == 0 && req.Page > 1)
        {
            await using var tx2 = await db.BeginTenantAsync(ct);
            total = await db.ExecuteAsync<long>("select count(*) from adpriority.sync_logs where tenant_id = @TenantId and (cast(@SyncType as text) is null or sync_type = @SyncType) and (cast(@Status as text) is null or status = @Status)",
                new { TenantId = Guid.Parse(tenant.Id!), req.SyncType, req.Status }, ct);
            await tx2.CommitAsync(ct);
        }
        return new Response(rows.Select(r =>
        {
            using var e = JsonDocument.Parse(r.Errors);
            return new Item(r.Id, r.SyncType, r.Status, r.ProductsSynced, e.RootElement.Clone(), r.StartedAt, r.CompletedAt);
        }).ToList(), new Pagination(req.Page, req.Limit, total, (total + req.Limit - 1) / req.Limit));
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string SyncType { get; init; } = "";
        public string Status { get; init; } = "";
        public int ProductsSynced { get; init; }
        public string Errors { get; init; } = "[]";
        public DateTime StartedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public long Total { get; init; }
    }
}
