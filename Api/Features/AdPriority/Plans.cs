namespace Api.Features.AdPriority;

/// <summary>Plan features and limits (Shopify Billing API prices). Starter cannot edit seasonal calendars and syncs at most 500 products.</summary>
public sealed record Plan(string Tier, string Price, int TrialDays, int? MaxProducts, bool SeasonalAutomation, bool TagModifiers,
    bool NewArrivalBoost, bool GoogleAdsIntegration, string SyncFrequency)
{
    public static readonly Plan Starter = new("starter", "29.00", 14, 500, false, true, true, false, "daily");
    public static readonly Plan Growth = new("growth", "79.00", 14, null, true, true, true, false, "hourly");
    public static readonly Plan Pro = new("pro", "199.00", 14, null, true, true, true, true, "hourly");
    public static readonly IReadOnlyList<Plan> All = [Starter, Growth, Pro];
    public static readonly string[] Tiers = ["starter", "growth", "pro"];

    public static Plan For(string tier) => All.FirstOrDefault(p => p.Tier == tier) ?? Starter;

    public Features ToFeatures() => new(SeasonalAutomation, TagModifiers, NewArrivalBoost, GoogleAdsIntegration, MaxProducts);
    public sealed record Features(bool SeasonalAutomation, bool TagModifiers, bool NewArrivalBoost, bool GoogleAdsIntegration, int? MaxProducts);
}
