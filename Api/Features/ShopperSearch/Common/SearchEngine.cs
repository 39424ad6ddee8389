using Api.Infrastructure.Database;
using LinqToDB.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Api.Features.ShopperSearch.Common;

/// <summary>What to search for. <see cref="Mode"/> is text, color or textandcolor (the documented operation_type).</summary>
sealed record SearchInput(
    long Merchant, string Mode, string Query, Lab? Color, double? MinPrice, double? MaxPrice, IReadOnlyList<string> Genders,
    IReadOnlyList<Lab> FavoriteColors, IReadOnlyList<string> Materials, int Limit);

sealed record SearchHit(ProductRow Product, double Distance);

/// <summary>
/// Hybrid ranking. Lexical signals come from PostgreSQL full-text search (weighted name &gt; category/brand &gt; tags/colour &gt;
/// details; the query's terms expanded with the merchant's synonyms and with typo corrections from its vocabulary), trigram
/// word similarity of the query to the name, and the cosine of text embeddings; colour is CIELAB distance to the product's stated
/// colour and its three dominant image colours. They are fused into one score in [0, 1]; <c>distance = 1 − score</c>.
/// Favourite colours and preferred materials only nudge the score.
/// </summary>
sealed class SearchEngine(ITextEmbedder embedder, Catalog catalog, ShopperCache cache, TermIndexes indexes, VectorIndexes vectorIndexes)
{
    static readonly string SearchSql = Sql.Load<SearchEngine>("Search.sql");
    static readonly string ByIdsSql = Sql.Load<SearchEngine>("SearchByIds.sql");
    const string LexemesSql = """select t as "Term", to_tsquery('english', t)::text as "Query" from unnest(cast(@Terms as text[])) t""";
    const int PoolCap = 1000, AnyCap = 1000, Keep = 200, MaxPairTerms = 6, MaxTierSubsets = 15;
    /// <summary>
    /// Vector candidates: the nearest <see cref="VectorK"/> products by cosine (all-MiniLM-L6-v2) join the lexical candidates when
    /// their cosine is at least <see cref="MinVectorCosine"/>; below it a product that matches no query word is not shown, so a
    /// nonsense query stays empty. Measured on the demo catalog: related queries reach 0.45-0.65 with the products they mean,
    /// unrelated pairs stay under 0.35.
    /// </summary>
    internal const int VectorK = 50;
    internal const float MinVectorCosine = 0.42f;

    public async Task<List<SearchHit>> SearchAsync(DataConnection db, SearchInput input, CancellationToken ct)
    {
        var version = await catalog.VersionAsync(db, input.Merchant, ct);
        var terms = Colors.JoinNames(QueryText.Terms(input.Query));
        var groups = new List<string>();
        var alternativesOf = new List<List<string>>();   // per group, its tsquery terms
        if (terms.Count > 0 && input.Mode != "color")
        {
            var vocab = await catalog.VocabularyAsync(db, input.Merchant, version, ct);
            var synonyms = await catalog.SynonymsAsync(db, input.Merchant, ct);
            foreach (var t in terms)
            {
                var alternatives = new List<string> { t };
                if (!t.Contains(' ') && vocab.Correct(t) is { } fixedWord) alternatives.Add(fixedWord);
                if (synonyms.TryGetValue(t, out var syn)) alternatives.AddRange(syn);
                var parts = alternatives.Select(QueryText.TsTerm).OfType<string>().Distinct().ToList();
                if (parts.Count == 0) continue;
                groups.Add(parts.Count == 1 ? parts[0] : "(" + string.Join(" | ", parts) + ")");
                alternativesOf.Add(parts);
            }
        }
        // a colour named in a text query ("red dress") also ranks by colour, more gently than an explicit colour
        var implicitColor = input.Color is null && input.Mode != "color" && Colors.FindInText(input.Query) is { } named
            ? Colors.ToLab(named.R, named.G, named.B) : (Lab?)null;
        var color = input.Color ?? implicitColor;
        var queryVector = groups.Count > 0 ? await QueryVectorAsync(input.Query, ct) : null;
        var model = embedder.Model;   // vectors of another model (awaiting their re-embed) are not comparable with the query's

        // one query on a couple of cores: parallel workers cost more to start than they save here; the transaction only
        // writes the search cache (losing its last entries in a crash is harmless), so its commit need not wait for the WAL flush
        await db.ExecuteAsync("set local max_parallel_workers_per_gather = 0; set local synchronous_commit = off", ct);
        // a big catalog's candidates come from the in-process index when it is current (TermIndex), otherwise from SQL; a query
        // the index finds nothing for goes to SQL too, which then ranks by colour where one was given
        var index = groups.Count > 0 && input.Mode != "color" ? indexes.Get(input.Merchant, version) : null;
        var ids = index is null ? null
            : index.Candidates(await LexemesAsync(db, alternativesOf, ct), input.MinPrice, input.MaxPrice, input.Genders, input.Limit, PoolCap, IndexKeep(input.Limit));
        var materials = input.Materials.Select(QueryText.TsTerm).OfType<string>().ToArray();
        var rows = ids is { Length: > 0 }
            ? await db.QueryToListAsync<ProductRow>(ByIdsSql, new
            {
                input.Merchant, Ids = ids, VectorIds = Array.Empty<long>(), TsAny = string.Join(" | ", groups), Terms = groups.ToArray(), Raw = QueryText.Normalize(input.Query),
                MinPrice = input.MinPrice, MaxPrice = input.MaxPrice, Genders = input.Genders.ToArray(), Materials = materials,
            }, ct)
            : await db.QueryToListAsync<ProductRow>(SearchSql, new
            {
                input.Merchant, input.Mode, input.Limit, PoolCap, AnyCap, Keep,
                TsAll = string.Join(" & ", groups), TsAny = string.Join(" | ", groups), Pairs = Subsets(groups), Terms = groups.ToArray(),
                Raw = QueryText.Normalize(input.Query),
                MinPrice = input.MinPrice, MaxPrice = input.MaxPrice, Genders = input.Genders.ToArray(),
                Color = input.Mode == "text" || input.Color is null ? Array.Empty<float>() : input.Color.Value.ToArray(),
                Materials = materials,
            }, ct);
        // a page the lexical candidates do not fill gets the nearest products by vector: read with the same exact signals, no
        // lexical match needed. A full page does not scan (the vector-only candidates carry no lexical or coverage score, so
        // they would rank below it), which keeps the scan (about 15 ms per 100,000 products) off most searches of a big catalog.
        var vectorIndex = queryVector is null || input.Mode == "color" || rows.Count >= input.Limit ? null
            : await vectorIndexes.GetAsync(input.Merchant, version, model);
        var vectorIds = vectorIndex is null || queryVector is null ? []
            : vectorIndex.Nearest(queryVector, Math.Max(VectorK, input.Limit), MinVectorCosine).Select(h => h.Id).ToArray();
        if (vectorIds.Length > 0 && vectorIds.Except(rows.Select(r => r.Id)).ToArray() is { Length: > 0 } extra)
            rows.AddRange(await db.QueryToListAsync<ProductRow>(ByIdsSql, new
            {
                input.Merchant, Ids = extra, VectorIds = extra, TsAny = string.Join(" | ", groups), Terms = groups.ToArray(), Raw = QueryText.Normalize(input.Query),
                MinPrice = input.MinPrice, MaxPrice = input.MaxPrice, Genders = input.Genders.ToArray(), Materials = materials,
            }, ct));

        var hits = new List<SearchHit>(rows.Count);
        foreach (var r in rows)
        {
            var lexical = r.Rank / (r.Rank + 0.2);
            var coverage = groups.Count == 0 ? 0 : (double)r.Matched / groups.Count;
            var semantic = r.TextEmbeddingModel == model ? Math.Max(0, LocalEmbedding.Cosine(queryVector, r.TextEmbedding)) : 0;
            var textScore = 0.30 * lexical + 0.35 * coverage + 0.10 * r.NameSimilarity + 0.25 * semantic;
            var colorScore = color is { } c ? ColorSimilarity(r, c) : 0;
            var score = input.Mode switch
            {
                "color" => colorScore,
                "textandcolor" => 0.55 * textScore + 0.45 * colorScore,
                _ => implicitColor is null ? textScore : 0.85 * textScore + 0.15 * colorScore,
            };
            if (input.FavoriteColors.Count > 0 && NearestDistance(r, input.FavoriteColors) < 20) score += 0.04;
            if (r.MaterialMatch) score += 0.03;
            hits.Add(new SearchHit(r, Math.Round(Math.Clamp(1 - score, 0, 1), 4)));
        }
        return hits.OrderBy(h => h.Distance).ThenBy(h => h.Product.Id).Take(input.Limit).ToList();
    }

    /// <summary>
    /// The tiers between "every term" and "any term" for three to six terms: every subset of n−1 terms ("a &amp; b &amp; c"), then of
    /// n−2, ... down to pairs, a NULL between tiers (db/sql/shopper/0005). A tier runs only when the ones before it found too few
    /// rows, so rows matching more of the query are searched first; tiers of more than <see cref="MaxTierSubsets"/> subsets are
    /// skipped (pairs always run). Separate queries per subset, not their OR, so the index is searched per subset.
    /// </summary>
    /// <summary>
    /// How many of the index's candidates get their exact signals: the index ranks them by term weights and coverage already,
    /// which leave 40% of the fused score to signals it lacks (name similarity, embedding, colour, preferences).
    /// </summary>
    static int IndexKeep(int limit) => Math.Min(Keep, Math.Max(50, 5 * limit));

    internal static string?[] Subsets(IReadOnlyList<string> groups)
    {
        var n = groups.Count;
        if (n is < 3 or > MaxPairTerms) return [];
        var tiers = new List<string?>();
        for (var k = n - 1; k >= 2; k--)
        {
            var subsets = Combinations(n, k).ToList();
            if (k > 2 && subsets.Count > MaxTierSubsets) continue;
            if (tiers.Count > 0) tiers.Add(null);
            tiers.AddRange(subsets.Select(c => string.Join(" & ", c.Select(i => groups[i]))));
        }
        return [.. tiers];
    }

    static IEnumerable<int[]> Combinations(int n, int k)
    {
        var c = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])c.Clone();
            var i = k - 1;
            while (i >= 0 && c[i] == n - k + i) i--;
            if (i < 0) yield break;
            c[i]++;
            for (var j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
        }
    }

    /// <summary>
    /// The lexemes of each group's alternatives as PostgreSQL's english configuration stems them ("hoodies" → hoodi), one list
    /// per alternative (a phrase has several); remembered per term for 30 minutes.
    /// </summary>
    async Task<IReadOnlyList<IReadOnlyList<string[]>>> LexemesAsync(DataConnection db, List<List<string>> alternativesOf, CancellationToken ct)
    {
        var missing = alternativesOf.SelectMany(a => a).Distinct(StringComparer.Ordinal)
            .Where(t => !cache.TryGetValue("shopper:lex:" + t, out string[]? _)).ToArray();
        if (missing.Length > 0)
            foreach (var r in await db.QueryToListAsync<LexemeRow>(LexemesSql, new { Terms = missing }, ct))
                cache.Put("shopper:lex:" + r.Term, QueryText.Lexemes(r.Query), TimeSpan.FromMinutes(30));
        return [.. alternativesOf.Select(alts => (IReadOnlyList<string[]>)[.. alts.Select(t =>
            cache.TryGetValue("shopper:lex:" + t, out string[]? l) && l is not null ? l : [])])];
    }

    sealed class LexemeRow { public string Term { get; init; } = ""; public string? Query { get; init; } }

    Task<float[]> QueryVectorAsync(string query, CancellationToken ct) => embedder.EmbedQueryAsync(QueryText.Normalize(query), ct);

    /// <summary>1 at ΔE 0 falling linearly to 0 at ΔE 50; dominant image colours count less the smaller their coverage.</summary>
    public static double ColorSimilarity(ProductRow r, Lab c) => Math.Max(0, 1 - ColorDistance(r, c) / 50.0);

    public static double ColorDistance(ProductRow r, Lab c)
    {
        var best = double.MaxValue;
        if (Lab.From(r.ColorLab) is { } own) best = own.DeltaE(c);
        if (Lab.From(r.Color1) is { } c1) best = Math.Min(best, c1.DeltaE(c) + Penalty(r.Percent1));
        if (Lab.From(r.Color2) is { } c2) best = Math.Min(best, c2.DeltaE(c) + 8 + Penalty(r.Percent2));
        if (Lab.From(r.Color3) is { } c3) best = Math.Min(best, c3.DeltaE(c) + 15 + Penalty(r.Percent3));
        return best;
    }

    static double Penalty(float? percent) => percent is { } p ? Math.Max(0, (30 - p) / 3) : 5;

    static double NearestDistance(ProductRow r, IReadOnlyList<Lab> colors) => colors.Min(c => ColorDistance(r, c));
}
