using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.AdPriority;

/// <summary>A tenant (installed shop) and its settings, as most slices need it. Never carries the access token.</summary>
public sealed class Tenant
{
    static readonly string GetSql = Sql.Load<Tenant>("Tenant.sql");

    public Guid Id { get; init; }
    public string ShopDomain { get; init; } = "";
    public string PlanTier { get; init; } = "starter";
    public string BillingStatus { get; init; } = "none";
    public DateTime? BillingActivatedAt { get; init; }
    public DateTime? TrialEndsAt { get; init; }
    public string Status { get; init; } = "active";
    public string Timezone { get; init; } = "UTC";
    public string? GmcMerchantId { get; init; }
    public string? GoogleSheetId { get; init; }
    public int DefaultPriority { get; init; }
    public int NewArrivalDays { get; init; }
    public int NewArrivalPriority { get; init; }
    public string SyncFrequency { get; init; } = "daily";
    public string? CurrentSeason { get; init; }
    public DateTime? LastShopifySyncAt { get; init; }
    public DateTime? LastSheetSyncAt { get; init; }
    public DateTime InstalledAt { get; init; }

    public Plan Plan => Plan.For(PlanTier);
    public string? SheetUrl => GoogleSheetId is null ? null : SheetUrlFor(GoogleSheetId);
    public static string SheetUrlFor(string id) => $"https://docs.google.com/spreadsheets/d/{id}";

    /// <summary>How often scheduled sheet pushes run: the tenant's frequency ('manual' or no sheet = never), at most as often as the plan allows.</summary>
    public TimeSpan? SheetSyncInterval => GoogleSheetId is null || SyncFrequency == "manual" ? null
        : SyncFrequency switch { "hourly" when Plan.SyncFrequency == "hourly" => TimeSpan.FromHours(1), "weekly" => TimeSpan.FromDays(7), _ => TimeSpan.FromDays(1) };

    /// <summary>Due for a scheduled push at <paramref name="now"/> (5 minutes of slack so an hourly task does not slip an hour).</summary>
    public bool SheetSyncDue(DateTime now) => SheetSyncInterval is { } every && (LastSheetSyncAt is not { } last || last + every <= now.AddMinutes(5));

    /// <summary>Scheduled sheet pushes: the tenant's frequency ('manual' = never), at most as often as the plan allows.</summary>
    public DateTime? NextScheduledSheetSync(DateTime now)
    {
        if (SheetSyncInterval is not { } every) return null;
        var next = (LastSheetSyncAt ?? now) + every;
        if (LastSheetSyncAt is null) next = now;
        var hour = new DateTime(next.Year, next.Month, next.Day, next.Hour, 0, 0, DateTimeKind.Utc);
        return hour < next ? hour.AddHours(1) : hour;   // the push task runs at the top of each hour
    }

    /// <summary>SecretBox associated data of the tenant's Shopify offline token: a ciphertext only decrypts on its own row.</summary>
    public static string TokenAssociatedData(Guid tenant) => $"adpriority:tenant:{tenant}:shopify_token";

    /// <summary>The shop's decrypted offline Admin API token, or null when the shop never completed OAuth. Never log it.</summary>
    public static async Task<string?> ShopTokenAsync(DataConnection db, Api.Infrastructure.Security.SecretBox box, Guid id, CancellationToken ct) =>
        await db.QueryToListAsync<string?>("select access_token_enc from adpriority.tenants where id = @Id", new { Id = id }, ct) is [{ } cipher]
            ? box.Decrypt(cipher, TokenAssociatedData(id)) : null;

    public static async Task<Tenant?> GetAsync(DataConnection db, Guid id, CancellationToken ct) =>
        (await db.QueryToListAsync<Tenant>(GetSql, new { Id = id }, ct)) is [var t] ? t : null;
}
