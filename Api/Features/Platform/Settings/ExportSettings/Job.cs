using System.Text.Json;
using Api.Infrastructure.Database;
using Api.Infrastructure.Jobs;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.Platform.Settings.ExportSettings;

/// <summary>The export's background work: reads the tenant's settings in pages, reporting progress, and returns them as the job result.</summary>
sealed class Job(AppDb db, TenantContext tenant) : IJobHandler
{
    public const string Type = "platform.settings.export";
    static readonly string CountSql = Sql.Load<Job>("CountSettings.sql");
    static readonly string PageSql = Sql.Load<Job>("ExportPage.sql");
    const int PageSize = 500;

    public sealed record Payload(DateTimeOffset RequestedAt);

    public async Task<object?> RunAsync(JobRun job, CancellationToken ct)
    {
        var settings = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        await using var tx = await db.BeginTenantAsync(ct);   // one snapshot of the tenant's rows
        var total = await db.ExecuteAsync<long>(CountSql, new { TenantId = tenant.Id }, ct);
        var after = "";
        while (true)
        {
            var rows = await db.QueryToListAsync<Row>(PageSql, new { TenantId = tenant.Id, After = after, Take = PageSize }, ct);
            foreach (var r in rows)
            {
                using var doc = JsonDocument.Parse(r.Value);
                settings[r.Key] = doc.RootElement.Clone();
            }
            await job.ReportAsync(settings.Count, total, $"exported {settings.Count} of {total}", ct);
            if (rows.Count < PageSize) break;
            after = rows[^1].Key;
        }
        await tx.CommitAsync(ct);
        return new { count = settings.Count, exported_at = DateTimeOffset.UtcNow, settings };
    }

    sealed class Row
    {
        public string Key { get; init; } = "";
        public string Value { get; init; } = "null";
    }
}
