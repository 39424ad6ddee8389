using Api.Features.AdPriority.Feed;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Google;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Sync.SyncSheet;

/// <summary>
/// Writes the supplemental feed (<see cref="SupplementalFeed"/>) to the tenant's sheet (first tab, columns A-F, header row 1).
/// full: clear A:F, write header + every row. delta: read A:F, rewrite only rows whose labels changed, append new ids, blank the
/// rows of ids no longer in the feed. Outcome in the sync log; missing Google credentials, a missing sheet or a refusal from
/// Google (e.g. the sheet not shared with the service account) fail the log at once with the reason; transient errors retry (3 attempts).
/// </summary>
sealed class Job(AppDb db, TenantContext tenant, GoogleClient google, TimeProvider clock, ILogger<Job> log) : IJobHandler
{
    public const string Type = "adpriority.sheet.sync";
    public const int MaxAttempts = 3;
    public sealed record Payload(Guid SyncLogId, string Mode, bool ActiveOnly);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var p = job.PayloadAs<Payload>();
        var tenantId = Guid.Parse(tenant.Id!);
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var t = await Tenant.GetAsync(db, tenantId, ct);
        if (t?.GoogleSheetId is not { } sheet)
            return await FailAsync(p, tenantId, "SHEET_NOT_CONFIGURED: the tenant has no Google Sheet; set googleSheet.sheetUrl in settings", final: true);
        if (!google.IsConfigured)
            return await FailAsync(p, tenantId, "GOOGLE_NOT_CONFIGURED: no Google service account is configured on the server "
                + "(Integrations:Google:ServiceAccountEmail and Integrations:Google:PrivateKey); the sheet was not updated. The CSV feed URL works without Google.", final: true);

        List<string[]> rows;
        await using (var tx = await db.BeginTenantAsync(ct))
        {
            rows = await SupplementalFeed.LoadAsync(db, tenantId, p.ActiveOnly, ct);
            await tx.CommitAsync(ct);
        }
        try
        {
            var written = p.Mode == "delta" ? await DeltaAsync(sheet, rows, ct) : await FullAsync(sheet, rows, ct);
            await using var tx = await db.BeginTenantAsync(ct);
            await db.ExecuteAsync("""
                update adpriority.sync_logs set status = 'completed', products_synced = @Count, completed_at = now() where id = @Id and tenant_id = @TenantId;
                update adpriority.tenants set last_sheet_sync_at = @StartedAt where id = @TenantId;
                """, new { Count = rows.Count, Id = p.SyncLogId, TenantId = tenantId, StartedAt = startedAt }, ct);
            await tx.CommitAsync(ct);
            return new { rows = rows.Count, cellsWritten = written, mode = p.Mode };
        }
        catch (GoogleException e)
        {
            var final = e.Permanent || job.Attempt >= MaxAttempts;
            var reason = e.Status == 403 ? $"{e.Message} (share the sheet with {google.ServiceAccountEmail} as an editor)" : e.Message;
            await FailAsync(p, tenantId, "GOOGLE_ERROR: " + reason, final);
            if (final) return new { failed = reason };
            throw;
        }
    }

    async Task<int> FullAsync(string sheet, List<string[]> rows, CancellationToken ct)
    {
        await google.ClearAsync(sheet, "A:F", ct);
        var values = new List<IReadOnlyList<string>>(rows.Count + 1) { SupplementalFeed.Header };
        values.AddRange(rows);
        await google.UpdateValuesAsync(sheet, "A1", values, ct);
        return values.Count;
    }

    async Task<int> DeltaAsync(string sheet, List<string[]> rows, CancellationToken ct)
    {
        var existing = await google.GetValuesAsync(sheet, "A:F", ct);
        var updates = new List<(string, IReadOnlyList<IReadOnlyList<string>>)>();
        if (existing.Count == 0 || !existing[0].SequenceEqual(SupplementalFeed.Header))
            updates.Add(("A1:F1", [SupplementalFeed.Header]));
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < existing.Count; i++)
            if (existing[i] is [var id, ..] && id.Length > 0) at.TryAdd(id, i);
        var next = Math.Max(existing.Count, 1);
        var inFeed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            inFeed.Add(row[0]);
            if (at.TryGetValue(row[0], out var i))
            {
                if (!existing[i].SequenceEqual(row)) updates.Add(($"A{i + 1}:F{i + 1}", [row]));
            }
            else { updates.Add(($"A{next + 1}:F{next + 1}", [row])); next++; }
        }
        string[] blank = ["", "", "", "", "", ""];
        foreach (var (id, i) in at)
            if (!inFeed.Contains(id)) updates.Add(($"A{i + 1}:F{i + 1}", [blank]));
        foreach (var chunk in updates.Chunk(2000)) await google.BatchUpdateAsync(sheet, chunk, ct);
        log.LogInformation("Sheet delta: {Changed} ranges of {Rows} rows", updates.Count, rows.Count);
        return updates.Count;
    }

    async Task<object> FailAsync(Payload p, Guid tenantId, string reason, bool final)
    {
        log.LogWarning("Sheet sync {SyncLog} for {Tenant}: {Reason}", p.SyncLogId, tenantId, reason);
        await using var tx = await db.BeginTenantAsync(CancellationToken.None);
        await db.ExecuteAsync($"""
            update adpriority.sync_logs set errors = errors || jsonb_build_array(cast(@Error as text)){(final ? ", status = 'failed', completed_at = now()" : "")}
             where id = @Id and tenant_id = @TenantId
            """, new { Error = reason, Id = p.SyncLogId, TenantId = tenantId }, CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        return new { failed = reason };
    }
}
