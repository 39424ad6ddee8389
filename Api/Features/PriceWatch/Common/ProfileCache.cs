using System.Collections.Concurrent;
using Api.Features.PriceWatch.Common.Matching;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.PriceWatch.Common;

/// <summary>
/// Parsed industry profiles per tenant, kept 10 minutes (matching and scraping read them per product). Saving, applying
/// a template or deleting a profile calls <see cref="Invalidate"/>, so the next read sees the change.
/// </summary>
sealed class ProfileCache
{
    readonly ConcurrentDictionary<Guid, (MatchProfile Profile, DateTimeOffset Until)> _cache = new();
    readonly ClusterSignals signals;
    const string Topic = "pricewatch.profile";

    /// <summary>Other instances' profile writes reach this one through <see cref="ClusterSignals"/> (issue 20 §3).</summary>
    public ProfileCache(ClusterSignals signals)
    {
        this.signals = signals;
        signals.Subscribe(Topic, key => _cache.TryRemove(Guid.Parse(key), out _), _cache.Clear);
    }
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    const string LoadSql = """
        select industry_slug as "IndustrySlug", categories::text as "Categories", scoring_config::text as "ScoringConfig",
               search_terms::text as "SearchTerms", size_equivalences::text as "SizeEquivalences",
               hard_block_rules::text as "HardBlockRules", specialty_brands::text as "SpecialtyBrands", unit_types::text as "UnitTypes",
               ai_extraction_categories::text as "AiExtractionCategories", ai_matching_rules::text as "AiMatchingRules",
               use_new_matcher as "UseNewMatcher"
          from pricewatch.industry_profiles where tenant_id = @TenantId
        """;

    /// <summary>The tenant's profile (the built-in default when none is configured). Runs inside a tenant transaction.</summary>
    public async Task<MatchProfile> GetAsync(AppDb db, Guid tenant, CancellationToken ct)
    {
        if (_cache.TryGetValue(tenant, out var hit) && hit.Until > DateTimeOffset.UtcNow) return hit.Profile;
        var rows = await db.QueryToListAsync<MatchProfile.Row>(LoadSql, new { TenantId = tenant }, ct);
        var profile = rows is [var row] ? MatchProfile.From(row) : MatchProfile.Default;
        _cache[tenant] = (profile, DateTimeOffset.UtcNow + Lifetime);
        return profile;
    }

    public bool IsCached(Guid tenant) => _cache.ContainsKey(tenant);
    public void Invalidate(Guid tenant)
    {
        _cache.TryRemove(tenant, out _);
        signals.Publish(Topic, tenant.ToString());
    }
}
