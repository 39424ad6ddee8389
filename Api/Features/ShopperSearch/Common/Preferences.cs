using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Common;

/// <summary>A <c>user_preferences</c> row as every preferences endpoint returns it.</summary>
sealed record PreferencesRow
{
    public long Id { get; init; }
    public long UserProfileId { get; init; }
    public string? ConversationalStyle { get; init; }
    public string? PersonalFashionStyle { get; init; }
    public string[]? FavoriteColors { get; init; }
    public string[]? FashionMaterialPrefer { get; init; }
    public string? BodyType { get; init; }
    public string? FashionGoals { get; init; }
    public string? AgeGroup { get; init; }
    public bool IsModified { get; init; }
    public long[]? ProductIds { get; init; }
}

/// <summary>Reads preferences through a 5-minute per-profile cache; writers call <see cref="Invalidate"/>.</summary>
sealed class PreferencesStore
{
    readonly ShopperCache cache;
    readonly ClusterSignals signals;
    const string Topic = "shopper.preferences";

    public PreferencesStore(ShopperCache cache, ClusterSignals signals)
    {
        (this.cache, this.signals) = (cache, signals);
        signals.Subscribe(Topic, key => cache.Remove("shopper:prefs:" + key), () => cache.Compact(1.0));
    }

    static readonly string GetSql = Sql.Load<PreferencesStore>("Preferences.sql");

    public async Task<PreferencesRow?> GetAsync(DataConnection db, long merchant, long profileId, CancellationToken ct)
    {
        var key = Catalog.PreferencesKey(merchant, profileId);
        if (cache.TryGetValue(key, out PreferencesRow? hit)) return hit;
        var row = (await db.QueryToListAsync<PreferencesRow>(GetSql, new { Merchant = merchant, UserProfileId = profileId }, ct)).FirstOrDefault();
        if (row is not null) cache.Put(key, row, TimeSpan.FromMinutes(5));
        return row;
    }

    /// <summary>After a committed write: here at once, on the other instances through <see cref="ClusterSignals"/>.</summary>
    public void Invalidate(long merchant, long profileId)
    {
        cache.Remove(Catalog.PreferencesKey(merchant, profileId));
        signals.Publish(Topic, FormattableString.Invariant($"{merchant}:{profileId}"));
    }
}
