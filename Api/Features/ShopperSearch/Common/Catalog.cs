using System.Collections.Concurrent;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// Per-merchant catalog state that search caches: the catalog version (bumped by every catalog write, which invalidates
/// cached searches), the lexeme vocabulary for typo correction, the synonym table, and the max-price / preferences caches.
/// </summary>
sealed class Catalog
{
    readonly ShopperCache cache;
    readonly ClusterSignals signals;
    const string Topic = "shopper.catalog";

    /// <summary>Other instances' catalog writes reach this one through <see cref="ClusterSignals"/> (issue 20 §3).</summary>
    public Catalog(ShopperCache cache, ClusterSignals signals)
    {
        (this.cache, this.signals) = (cache, signals);
        signals.Subscribe(Topic, key => InvalidateHere(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture)), InvalidateEverythingHere);
    }

    static readonly string VersionSql = Sql.Load<Catalog>("CatalogVersion.sql");
    static readonly string BumpSql = Sql.Load<Catalog>("BumpCatalog.sql");
    static readonly string VocabularySql = Sql.Load<Catalog>("Vocabulary.sql");
    static readonly string SynonymsSql = Sql.Load<Catalog>("Synonyms.sql");
    readonly ConcurrentDictionary<long, (long Version, Vocabulary Vocab)> _vocab = new();
    readonly ConcurrentDictionary<long, long> _generation = new();
    readonly ConcurrentDictionary<string, int> _pendingHits = new(StringComparer.Ordinal);

    /// <summary>How long a served search stays in this process's memory; writes through another instance show after at most this.</summary>
    public static readonly TimeSpan RecallTtl = TimeSpan.FromSeconds(30);

    public static string MaxPriceKey(long merchant) => $"shopper:maxprice:{merchant}";
    public static string PreferencesKey(long merchant, long profile) => $"shopper:prefs:{merchant}:{profile}";
    static string SynonymKey(long merchant) => $"shopper:synonyms:{merchant}";

    public Task<long> VersionAsync(DataConnection db, long merchant, CancellationToken ct) =>
        db.ExecuteAsync<long>(VersionSql, new { Merchant = merchant }, ct);

    /// <summary>Call inside the writing transaction; the in-process caches are dropped right away, every instance's on commit.</summary>
    public async Task<long> BumpAsync(DataConnection db, long merchant, CancellationToken ct)
    {
        var v = await db.ExecuteAsync<long>(BumpSql, new { Merchant = merchant }, ct);
        await ClusterSignals.NotifyInTransactionAsync(db, Topic, merchant.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        InvalidateHere(merchant);
        return v;
    }

    /// <summary>After a committed write: drops this instance's caches of the merchant now and tells the other instances.</summary>
    public void Invalidate(long merchant)
    {
        InvalidateHere(merchant);
        signals.Publish(Topic, merchant.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    void InvalidateEverythingHere()
    {
        foreach (var merchant in _generation.Keys.Concat(_vocab.Keys).Distinct().ToList()) InvalidateHere(merchant);
        cache.Compact(1.0);
    }

    void InvalidateHere(long merchant)
    {
        _generation.AddOrUpdate(merchant, 1, (_, g) => g + 1);
        cache.Remove(MaxPriceKey(merchant));
        cache.Remove(SynonymKey(merchant));
        _vocab.TryRemove(merchant, out _);
    }

    string RecallKey(long merchant, string operation, string key) =>
        $"shopper:recall:{merchant}:{_generation.GetValueOrDefault(merchant)}:{operation}:{key}";
    static string HitKey(long merchant, string operation, string key) => $"{merchant}:{operation}:{key}";

    /// <summary>
    /// The in-process layer over <c>search_results</c>: a search served or stored here in the last <see cref="RecallTtl"/> is answered
    /// from memory (dropped at once by this process's catalog writes). Its hits are counted here and added to the stored count
    /// the next time the row is read (<see cref="DrainHits"/>), and cache checks see them (<see cref="PendingHits"/>).
    /// </summary>
    public bool TryRecall<T>(long merchant, string operation, string key, out T value) where T : class
    {
        if (cache.TryGetValue(RecallKey(merchant, operation, key), out T? v) && v is not null)
        {
            _pendingHits.AddOrUpdate(HitKey(merchant, operation, key), 1, (_, n) => n + 1);
            value = v;
            return true;
        }
        value = null!;
        return false;
    }

    public void Remember<T>(long merchant, string operation, string key, T value) where T : class =>
        cache.Put(RecallKey(merchant, operation, key), value, RecallTtl);

    public int DrainHits(long merchant, string operation, string key) =>
        _pendingHits.TryRemove(HitKey(merchant, operation, key), out var n) ? n : 0;

    public int PendingHits(long merchant, string operation, string key) => _pendingHits.GetValueOrDefault(HitKey(merchant, operation, key));

    public async Task<Vocabulary> VocabularyAsync(DataConnection db, long merchant, long version, CancellationToken ct)
    {
        if (_vocab.TryGetValue(merchant, out var v) && v.Version == version) return v.Vocab;
        var rows = await db.QueryToListAsync<WordRow>(VocabularySql, new { Merchant = merchant }, ct);
        var vocab = new Vocabulary(rows.Select(r => (r.Word, r.Docs)));
        _vocab[merchant] = (version, vocab);
        return vocab;
    }

    public async Task<IReadOnlyDictionary<string, string[]>> SynonymsAsync(DataConnection db, long merchant, CancellationToken ct)
    {
        if (cache.TryGetValue(SynonymKey(merchant), out IReadOnlyDictionary<string, string[]>? s) && s is not null) return s;
        var rows = await db.QueryToListAsync<SynonymRow>(SynonymsSql, new { Merchant = merchant }, ct);
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            map[r.Term] = [.. (map.GetValueOrDefault(r.Term) ?? []), .. r.Synonyms];
            foreach (var syn in r.Synonyms.Where(x => !x.Contains(' ')))
                map[syn.ToLowerInvariant()] = [.. (map.GetValueOrDefault(syn.ToLowerInvariant()) ?? []), r.Term];
        }
        cache.Put(SynonymKey(merchant), (IReadOnlyDictionary<string, string[]>)map, TimeSpan.FromMinutes(5));
        return map;
    }

    sealed class WordRow { public string Word { get; init; } = ""; public int Docs { get; init; } }
    sealed class SynonymRow { public string Term { get; init; } = ""; public string[] Synonyms { get; init; } = []; }
}

/// <summary>
/// A merchant's lexemes. <see cref="Correct"/> gives the closest known lexeme for a word the catalog does not contain:
/// candidates share character trigrams with the word, and the winner has the smallest Damerau-Levenshtein distance (≤ 1 for
/// words up to 5 letters, ≤ 2 beyond), ties broken by document frequency.
/// </summary>
sealed class Vocabulary
{
    readonly Dictionary<string, int> _docs = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<string>> _byTrigram = new(StringComparer.Ordinal);

    public Vocabulary(IEnumerable<(string Word, int Docs)> words)
    {
        foreach (var (w, d) in words)
        {
            if (w.Length < 3 || w.Any(char.IsDigit)) continue;
            _docs[w] = d;
            foreach (var g in Trigrams(w)) (_byTrigram.TryGetValue(g, out var l) ? l : _byTrigram[g] = []).Add(w);
        }
    }

    public int Count => _docs.Count;

    /// <summary>True when the word or a stem-like prefix of it is a known lexeme ("shirts" → "shirt", "comfortable" → "comfort").</summary>
    public bool Knows(string word)
    {
        if (_docs.ContainsKey(word)) return true;
        for (var cut = 1; cut <= 4 && word.Length - cut >= 3; cut++)
            if (_docs.ContainsKey(word[..^cut])) return true;
        return false;
    }

    public string? Correct(string word)
    {
        if (word.Length < 4 || Knows(word) || _docs.Count == 0) return null;
        var max = word.Length <= 5 ? 1 : 2;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in Trigrams(word))
            if (_byTrigram.TryGetValue(g, out var list))
                foreach (var w in list) counts[w] = counts.GetValueOrDefault(w) + 1;
        string? best = null; var bestD = int.MaxValue; var bestDocs = 0;
        foreach (var (w, _) in counts.Where(kv => kv.Value >= 1).OrderByDescending(kv => kv.Value).Take(200))
        {
            if (Math.Abs(w.Length - word.Length) > max + 2) continue;
            // a lexeme is a stem, so compare it with the word's prefix of the same length as well as the whole word
            var d = Math.Min(Distance(word, w), w.Length < word.Length ? Distance(word[..w.Length], w) + 1 : int.MaxValue);
            if (d > max) continue;
            if (d < bestD || (d == bestD && _docs[w] > bestDocs)) (best, bestD, bestDocs) = (w, d, _docs[w]);
        }
        return best;
    }

    static IEnumerable<string> Trigrams(string w)
    {
        var p = "  " + w + " ";
        for (var i = 0; i + 3 <= p.Length; i++) yield return p.Substring(i, 3);
    }

    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}

/// <summary>The module's in-process cache (bounded by entry count): max price 1 h, preferences 5 min, synonyms, query vectors.</summary>
sealed class ShopperCache() : MemoryCache(Options.Create(new MemoryCacheOptions { SizeLimit = 200_000 }))
{
    public void Put<T>(string key, T value, TimeSpan ttl) =>
        this.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl, Size = 1 });
}
