using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Google;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Sync;

/// <summary>
/// Whether the tenant's Google Sheet really works, for <c>configured</c> in settings and <c>sheetConfigured</c> in sync status:
/// a sheet is set, the server has a service account, and the last sheet push succeeded; before any push (or after the sheet
/// changes) a check call (read <c>A1</c>) decides. When it does not work, <c>Reason</c> says why.
/// </summary>
sealed class SheetAccess(AppDb db, GoogleClient google)
{
    public sealed record State(bool Configured, string? Reason);

    /// <summary>Call inside the tenant's transaction. <paramref name="check"/>: skip the last push and ask Google now.</summary>
    public async Task<State> GetAsync(Tenant t, bool check, CancellationToken ct)
    {
        if (t.GoogleSheetId is not { } sheet) return new(false, "No Google Sheet is set: PUT /api/settings with googleSheet.sheetUrl");
        if (!google.IsConfigured)
            return new(false, "No Google service account is configured on the server (Integrations:Google), so nothing can be pushed");
        if (!check)
        {
            // the latest finished push since the sheet was last set (updated_at of the tenant moves when settings change)
            var last = await db.QueryToListAsync<Row>("""
                select status as "Status", errors::text as "Errors" from adpriority.sync_logs
                 where tenant_id = @Id and sync_type = 'sheet' and status in ('completed', 'failed')
                 order by started_at desc limit 1
                """, new { t.Id }, ct);
            if (last is [{ Status: "completed" }]) return new(true, null);
            if (last is [{ } failed]) return new(false, $"The last sheet push failed: {Trim(failed.Errors)}");
        }
        try
        {
            await google.GetValuesAsync(sheet, "A1:A1", ct);
            return new(true, null);
        }
        catch (GoogleException e)
        {
            return new(false, e.Status is 403 or 404
                ? $"Google refused the sheet ({e.Status}): share it with {google.ServiceAccountEmail} as an editor"
                : $"Google did not answer the check call: {e.Message}");
        }
        catch (HttpRequestException)
        {
            return new(false, "Google could not be reached for the check call");
        }
    }

    static string Trim(string? errors) => errors is null or "[]" ? "no error recorded" : errors.Length > 300 ? errors[..300] + "…" : errors;

    sealed class Row
    {
        public string Status { get; init; } = "";
        public string? Errors { get; init; }
    }
}
