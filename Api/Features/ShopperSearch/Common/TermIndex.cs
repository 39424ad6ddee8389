using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using LinqToDB.Data;

namespace Api.Features.ShopperSearch.Common;

/// <summary>
/// An in-process inverted index of one merchant's searchable products (active and displayed) at one catalog version: for each
/// lexeme of <c>search_vector</c> the products holding it and the strongest weight (A–D) it has there, with each product's
/// price and gender. For a big catalog it picks the text-search candidates that <c>shopper.search_candidates</c> would read from
/// thousands of heap rows in PostgreSQL: tiers of falling coverage (every query term, then all but one, ... then any), the best
/// <c>cap</c> per tier by a weight-based rank, and of those the best <c>keep</c> by rank and coverage. PostgreSQL then computes the
/// exact signals (ts_rank_cd, per-term coverage with phrases, name similarity) for those rows only (SearchByIds.sql).
/// A phrase alternative ("light blue") matches here when the product holds all of its lexemes; the exact check is in SQL.
/// </summary>
sealed class TermIndex
{
    // the weights ts_rank_cd is given in search_candidates, indexed D, C, B, A
    static readonly float[] WeightValue = [0.1f, 0.25f, 0.5f, 1.0f];
    const int Seen = 1 << 31;
    // private pools: a rented array is all zeros where this class has not written, and it zeroes what it wrote before returning
    static readonly ArrayPool<int> Masks = ArrayPool<int>.Create(1 << 24, 8);
    static readonly ArrayPool<float> Ranks = ArrayPool<float>.Create(1 << 24, 8);

    readonly Dictionary<string, int> _lexemes;
    readonly int[][] _postings;     // per lexeme: product ordinals, ascending
    readonly byte[][] _weights;     // per lexeme, parallel to _postings: 0 (D) .. 3 (A)
    readonly long[] _ids;
    readonly double[] _prices;
    readonly string?[] _genders;

    long _uses;

    public long Version { get; }
    public int Count => _ids.Length;
    /// <summary>How many searches took their candidates from this index.</summary>
    public long Uses => Interlocked.Read(ref _uses);

    TermIndex(long version, Dictionary<string, int> lexemes, int[][] postings, byte[][] weights, long[] ids, double[] prices, string?[] genders)
    {
        Version = version; _lexemes = lexemes; _postings = postings; _weights = weights; _ids = ids; _prices = prices; _genders = genders;
    }

    public static TermIndex Empty(long version) => new(version, [], [], [], [], [], []);

    /// <summary>Builds from (id, price, gender, <c>search_vector::text</c>) rows.</summary>
    public static TermIndex Build(long version, IEnumerable<(long Id, double Price, string? Gender, string? Vector)> rows)
    {
        var lexemes = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        var weights = new List<List<byte>>();
        var ids = new List<long>();
        var prices = new List<double>();
        var genders = new List<string?>();
        var genderNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, price, gender, vector) in rows)
        {
            var doc = ids.Count;
            ids.Add(id); prices.Add(price);
            genders.Add(gender is null ? null : genderNames.TryGetValue(gender, out var g) ? g : genderNames[gender] = gender);
            foreach (var (lexeme, weight) in Parse(vector))
            {
                if (!lexemes.TryGetValue(lexeme, out var lex))
                {
                    lexemes[lexeme] = lex = postings.Count;
                    postings.Add([]); weights.Add([]);
                }
                postings[lex].Add(doc); weights[lex].Add(weight);
            }
        }
        return new TermIndex(version, lexemes, [.. postings.Select(p => p.ToArray())], [.. weights.Select(w => w.ToArray())],
            [.. ids], [.. prices], [.. genders]);
    }

    /// <summary>The lexemes of tsvector text (<c>'navy':3C 'shirt':1A,5</c>) with their strongest weight (no letter = D).</summary>
    internal static IEnumerable<(string Lexeme, byte Weight)> Parse(string? vector)
    {
        if (string.IsNullOrEmpty(vector)) yield break;
        var i = 0;
        var sb = new System.Text.StringBuilder();
        while (i < vector.Length)
        {
            while (i < vector.Length && vector[i] == ' ') i++;
            if (i >= vector.Length || vector[i] != '\'') yield break;
            i++;
            sb.Clear();
            while (i < vector.Length)
            {
                var c = vector[i];
                if (c == '\\' && i + 1 < vector.Length) { sb.Append(vector[i + 1]); i += 2; continue; }
                if (c == '\'')
                {
                    if (i + 1 < vector.Length && vector[i + 1] == '\'') { sb.Append('\''); i += 2; continue; }
                    i++;
                    break;
                }
                sb.Append(c); i++;
            }
            byte weight = 0;
            if (i < vector.Length && vector[i] == ':')
            {
                i++;
                while (i < vector.Length && vector[i] != ' ')
                {
                    weight = vector[i] switch { 'A' => 3, 'B' => Math.Max(weight, (byte)2), 'C' => Math.Max(weight, (byte)1), _ => weight };
                    i++;
                }
            }
            yield return (sb.ToString(), weight);
        }
    }

    /// <summary>
    /// Row ids of the candidates for <paramref name="groups"/> (each query term: its alternatives, each a list of lexemes),
    /// filtered by price and gender; tiers of falling coverage, each only while fewer than <paramref name="limit"/> were found,
    /// at most <paramref name="cap"/> per tier by rank; of those the best <paramref name="keep"/> by rank/(rank+0.2) + coverage/n.
    /// </summary>
    public long[] Candidates(IReadOnlyList<IReadOnlyList<string[]>> groups, double? minPrice, double? maxPrice, IReadOnlyList<string> genders,
                             int limit, int cap, int keep)
    {
        var n = groups.Count;
        if (n == 0 || Count == 0 || n > 30) return [];
        Interlocked.Increment(ref _uses);
        var mask = Masks.Rent(Count);
        var rank = Ranks.Rent(Count);
        var touched = new List<int>(1024);
        try
        {
            foreach (var lex in groups.SelectMany(g => g).SelectMany(a => a).Distinct(StringComparer.Ordinal))
            {
                if (!_lexemes.TryGetValue(lex, out var l)) continue;
                var (docs, w) = (_postings[l], _weights[l]);
                for (var k = 0; k < docs.Length; k++)
                {
                    var d = docs[k];
                    if ((mask[d] & Seen) == 0) { mask[d] = Seen; rank[d] = 0; touched.Add(d); }
                    rank[d] += WeightValue[w[k]];
                }
            }
            for (var g = 0; g < n; g++)
            {
                var bit = 1 << g;
                foreach (var alt in groups[g])
                {
                    var lists = new List<int[]>(alt.Length);
                    foreach (var lex in alt)
                        lists.Add(_lexemes.TryGetValue(lex, out var l) ? _postings[l] : []);
                    if (lists.Count == 0) continue;
                    lists.Sort((a, b) => a.Length.CompareTo(b.Length));
                    foreach (var d in lists[0])
                    {
                        var all = true;
                        for (var j = 1; j < lists.Count && all; j++) all = Array.BinarySearch(lists[j], d) >= 0;
                        if (all) mask[d] |= bit;
                    }
                }
            }

            // tiers by coverage, n down to 1
            var tiers = new List<int>[n + 1];
            foreach (var d in touched)
            {
                var cov = BitOperations.PopCount((uint)(mask[d] & ~Seen));
                if (cov == 0) continue;
                if (minPrice is { } lo && _prices[d] < lo) continue;
                if (maxPrice is { } hi && _prices[d] > hi) continue;
                if (genders.Count > 0 && (_genders[d] is not { } gd || !genders.Contains(gd))) continue;
                (tiers[cov] ??= []).Add(d);
            }
            var chosen = new List<(int Doc, int Cov)>();
            for (var cov = n; cov >= 1 && chosen.Count < limit; cov--)
            {
                if (tiers[cov] is not { } tier) continue;
                if (tier.Count > cap)
                {
                    tier.Sort((a, b) => rank[b].CompareTo(rank[a]) is var c && c != 0 ? c : _ids[a].CompareTo(_ids[b]));
                    tier.RemoveRange(cap, tier.Count - cap);
                }
                chosen.AddRange(tier.Select(d => (d, cov)));
            }
            return [.. chosen
                .OrderByDescending(c => rank[c.Doc] / (rank[c.Doc] + 0.2) + (double)c.Cov / n)
                .ThenBy(c => _ids[c.Doc])
                .Take(keep)
                .Select(c => _ids[c.Doc])];
        }
        finally
        {
            foreach (var d in touched) mask[d] = 0;
            Masks.Return(mask);
            Ranks.Return(rank);
        }
    }
}

/// <summary>
/// Each merchant's <see cref="TermIndex"/> for its current catalog version. A search asks with the version it read; when the
/// index is older (a catalog write bumped the version) or missing, a new one is built in the background and the search runs
/// in SQL meanwhile, so a write never makes a search wait. Catalogs smaller than <c>ShopperSearch:Search:MemoryIndexMinProducts</c>
/// (default 20,000; 0 = every catalog) are searched in SQL only: PostgreSQL reads few rows for them anyway.
/// </summary>
sealed class TermIndexes(IServiceScopeFactory scopes, IConfiguration config, ILogger<TermIndexes> log)
{
    const string CountSql = "select count(*) from shopper.products where merchant_id = @Merchant and status = 'active' and display_flag";
    const string RowsSql = """
        select id as "Id", price_numeric as "Price", gender as "Gender", search_vector::text as "Vector"
        from shopper.products where merchant_id = @Merchant and status = 'active' and display_flag
        """;

    sealed class Slot { public volatile TermIndex? Ready; public long Building = -1; }
    readonly ConcurrentDictionary<long, Slot> _slots = new();

    int MinProducts => config.GetValue("ShopperSearch:Search:MemoryIndexMinProducts", 20_000);

    /// <summary>The index at <paramref name="version"/>, or null (search in SQL) while it is built or when the catalog is small.</summary>
    public TermIndex? Get(long merchant, long version)
    {
        var slot = _slots.GetOrAdd(merchant, _ => new Slot());
        if (slot.Ready is { } ready && ready.Version == version) return ready.Count > 0 ? ready : null;
        lock (slot)
        {
            if (slot.Building == version) return null;
            slot.Building = version;
        }
        using (ExecutionContext.SuppressFlow())   // the build outlives the request: none of its context (scopes, activity) goes along
            _ = Task.Run(() => BuildAsync(merchant, version, slot));
        return null;
    }

    /// <summary>The merchant's last built index (any version), if any.</summary>
    public TermIndex? Current(long merchant) => _slots.TryGetValue(merchant, out var slot) ? slot.Ready : null;

    /// <summary>Built in the background under the merchant's tenant setting, so row-level security scopes what it reads.</summary>
    async Task BuildAsync(long merchant, long version, Slot slot)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(merchant.ToString(CultureInfo.InvariantCulture));
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await using var tx = await db.BeginTenantAsync();
            var count = await db.ExecuteAsync<long>(CountSql, new { Merchant = merchant }, CancellationToken.None);
            TermIndex index;
            if (count < Math.Max(1, MinProducts)) index = TermIndex.Empty(version);
            else
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var rows = await db.QueryToListAsync<Row>(RowsSql, new { Merchant = merchant }, CancellationToken.None);
                index = TermIndex.Build(version, rows.Select(r => (r.Id, r.Price, r.Gender, r.Vector)));
                log.LogInformation("Search index of merchant {Merchant} at catalog version {Version}: {Count} products in {Ms} ms",
                    merchant, version, index.Count, watch.ElapsedMilliseconds);
            }
            await tx.CommitAsync();
            lock (slot)
            {
                if (slot.Ready is null || slot.Ready.Version <= version) slot.Ready = index;
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Building the search index of merchant {Merchant} failed; its searches stay in SQL", merchant);
        }
        finally
        {
            lock (slot) { if (slot.Building == version) slot.Building = -1; }
        }
    }

    sealed class Row { public long Id { get; init; } public double Price { get; init; } public string? Gender { get; init; } public string? Vector { get; init; } }
}
