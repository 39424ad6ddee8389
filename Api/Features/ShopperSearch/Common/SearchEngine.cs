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
sealed class SearchEngine(ITextEmbedder embedder, Catalog catalog, ShopperCache cache, TermIndexes indexes, VectorIndexes vectorIndexes,
    IdentifierIndexes identifiers)
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

    /// <summary>
    /// CIEDE2000 distance beyond which a product's colour is unrelated to the asked one: in colour and text-and-colour searches
    /// such products are left out rather than padded in (navy → navy blue 14, cobalt 18, charcoal 16.5; black 30, white 85).
    /// Products with no known colour are kept in text-and-colour searches (their colour score is 0).
    /// </summary>
    internal const double ColorCutoff = 20;

    /// <summary>Score added for an exact identifier match (the product's own model number or SKU), and for an accessory of it.</summary>
    internal const double IdentifierBoost = 0.6, FitsBoost = 0.15;

    public async Task<List<SearchHit>> SearchAsync(DataConnection db, SearchInput input, CancellationToken ct)
    {
        var version = await catalog.VersionAsync(db, input.Merchant, ct);
        // relative price words ("cheap", "premium") leave the text and rank within the matched category (see PriceBandBonus)
        var (band, query) = input.Mode == "color" ? (PriceBand.None, input.Query) : QueryIntent.TakePriceWords(input.Query);
        // an occasion ("job interview") becomes one term group: its own words or any item it calls for (QueryIntent.OccasionTable)
        var occasion = input.Mode == "color" ? null : QueryIntent.FindOccasion(query);
        var words = QueryText.Terms(query);
        var colorText = query;
        if (occasion is not null)
        {
            var triggerWords = occasion.Trigger.Split(' ');
            words = [.. words.Where(w => !triggerWords.Contains(w) && !QueryIntent.OccasionFiller.Contains(w))];
            colorText = (" " + QueryText.Normalize(query) + " ").Replace(" " + occasion.Trigger + " ", " ");   // "black tie" is no colour
        }
        var terms = Colors.JoinNames(words);
        var groups = new List<string>();
        var alternativesOf = new List<List<string>>();   // per group, its tsquery terms
        if ((terms.Count > 0 || occasion is not null) && input.Mode != "color")
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
            if (occasion is not null)
            {
                var parts = occasion.Items.Prepend(occasion.Trigger).Select(QueryText.TsTerm).OfType<string>().Distinct().ToList();
                groups.Add("(" + string.Join(" | ", parts) + ")");
                alternativesOf.Add(parts);
            }
        }
        // a model number or SKU in the query ("kx-tga670b", "KX TGA670B", "kxtga670b") finds that product whatever its separators;
        // written after "for" ("battery for sd1100") it names the device an accessory should fit
        var (head, target) = SplitFor(query);
        HashSet<long> wantedOwn = [], wantedFits = [], targetOwn = [], targetFits = [];
        if (input.Mode != "color" && QueryIntent.QueryIdentifiers(query).Count > 0)
        {
            var idIndex = await identifiers.GetAsync(db, input.Merchant, version, ct);
            (wantedOwn, wantedFits) = idIndex.Find(QueryIntent.QueryIdentifiers(head));
            (targetOwn, targetFits) = idIndex.Find(QueryIntent.QueryIdentifiers(target));
        }
        var headWords = occasion is null && target.Length > 0 ? QueryText.Terms(head) : [];
        // a colour named in a text query ("red dress") also ranks by colour, more gently than an explicit colour
        var implicitColor = input.Color is null && input.Mode != "color" && Colors.FindInText(colorText) is { } named
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
        vectorIds = [.. vectorIds.Concat(wantedOwn).Concat(wantedFits).Concat(targetOwn).Concat(targetFits).Distinct()];
        if (vectorIds.Length > 0 && vectorIds.Except(rows.Select(r => r.Id)).ToArray() is { Length: > 0 } extra)
            rows.AddRange(await db.QueryToListAsync<ProductRow>(ByIdsSql, new
            {
                input.Merchant, Ids = extra, VectorIds = extra, TsAny = string.Join(" | ", groups), Terms = groups.ToArray(), Raw = QueryText.Normalize(input.Query),
                MinPrice = input.MinPrice, MaxPrice = input.MaxPrice, Genders = input.Genders.ToArray(), Materials = materials,
            }, ct));

        var hits = new List<SearchHit>(rows.Count);
        var scored = new List<(ProductRow Row, double Score, bool Relevant)>(rows.Count);
        var singleWordNoise = input.Mode != "color" && groups.Count >= 3 && rows.All(r => r.Matched < 2);
        foreach (var r in rows)
        {
            var lexical = r.Rank / (r.Rank + 0.2);
            var coverage = groups.Count == 0 ? 0 : (double)r.Matched / groups.Count;
            var semantic = r.TextEmbeddingModel == model ? Math.Max(0, LocalEmbedding.Cosine(queryVector, r.TextEmbedding)) : 0;
            var identifier = wantedOwn.Contains(r.Id) ? IdentifierBoost : wantedFits.Contains(r.Id) ? FitsBoost
                : targetFits.Contains(r.Id) ? IdentifierBoost / 2 : targetOwn.Contains(r.Id) ? FitsBoost / 3 : 0;
            // three or more query terms of which no product holds two: the single-word matches are noise ("purple elephant tractor
            // engine" → a purple hat) unless a product's embedding is near the query or it holds the query's identifier
            if (singleWordNoise && r.Matched < 2 && semantic < MinVectorCosine && identifier == 0) continue;
            var textScore = 0.30 * lexical + 0.35 * coverage + 0.10 * r.NameSimilarity + 0.25 * semantic + identifier;
            // "X for Y": the products that are an X come before the Y they fit
            if (headWords.Count > 0) textScore += 0.10 * headWords.Count(w => QueryIntent.Mentions(r.ProductName + " " + r.SubCategory, w)) / headWords.Count;
            if (occasion is not null && occasion.Core.Any(i => QueryIntent.Mentions(r.ProductName + " " + r.SubCategory, i))) textScore += 0.08;
            double colorScore = 0;
            if (color is { } c)
            {
                var distance = ColorDistance2000(r, c);
                if (input.Mode != "text" && distance > ColorCutoff && distance < double.MaxValue) continue;   // an unrelated colour
                colorScore = distance == double.MaxValue ? 0 : Math.Max(0, 1 - distance / 30.0);
            }
            var score = input.Mode switch
            {
                "color" => colorScore,
                "textandcolor" => 0.55 * textScore + 0.45 * colorScore,
                _ => implicitColor is null ? textScore : 0.85 * textScore + 0.15 * colorScore,
            };
            if (input.FavoriteColors.Count > 0 && NearestDistance(r, input.FavoriteColors) < 10) score += 0.04;   // CIEDE2000 10 ~ CIE76 20
            if (r.MaterialMatch) score += 0.03;
            scored.Add((r, score, coverage >= 0.5 || semantic >= MinVectorCosine || identifier > 0));
        }
        if (band != PriceBand.None) scored = PriceBandBonus(scored, band, QueryText.Normalize(query).Split([' ', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries));
        foreach (var (r, score, _) in scored) hits.Add(new SearchHit(r, Math.Round(Math.Clamp(1 - score, 0, 1), 4)));
        return hits.OrderBy(h => h.Distance).ThenBy(h => h.Product.Id).Take(input.Limit).ToList();
    }

    /// <summary>
    /// "cheap", "affordable", "budget" (<see cref="PriceBand.Low"/>) and "premium", "luxury", "expensive" (High) are relative to the
    /// matched category: the sub-category (else category) holding the most score among the ten best relevant candidates. Within
    /// it each product's price percentile p (0 cheapest … 1 dearest, among the candidates of that category) gives
    /// 0.2 × (1 − p) for Low, 0.2 × p for High, plus 0.1 inside the band (p ≤ 1/3 for Low, p ≥ 2/3 for High, i.e. below the 33rd /
    /// above the 67th percentile). Products of other categories keep their score; nothing is filtered out.
    /// </summary>
    internal static List<(ProductRow Row, double Score, bool Relevant)> PriceBandBonus(List<(ProductRow Row, double Score, bool Relevant)> scored, PriceBand band,
        IReadOnlyList<string> queryWords)
    {
        static string Key(ProductRow r) => (r.SubCategory ?? r.Category ?? "").ToLowerInvariant();
        var top = scored.Where(s => s.Relevant).OrderByDescending(s => s.Score).ThenBy(s => s.Row.Id).Take(10).ToList();
        if (top.Count == 0) return scored;
        // the category the query names ("cheap gps": gps, not gps accessories), else the one holding most of the top ten's score
        var category = top.GroupBy(s => Key(s.Row))
            .OrderByDescending(g => NamedShare(g.Key, queryWords)).ThenByDescending(g => g.Sum(s => s.Score)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        var prices = scored.Where(s => s.Relevant && Key(s.Row) == category).Select(s => s.Row.PriceNumeric).Order().ToArray();
        if (prices.Length < 2) return scored;
        return [.. scored.Select(s =>
        {
            if (!s.Relevant || Key(s.Row) != category) return s;
            var below = prices.Count(p => p < s.Row.PriceNumeric);
            var equal = prices.Count(p => p == s.Row.PriceNumeric);
            var pct = (below + (equal - 1) / 2.0) / (prices.Length - 1);
            var d = band == PriceBand.Low ? 1 - pct : pct;
            return (s.Row, s.Score + 0.2 * d + (d >= 2 / 3.0 - 1e-9 ? 0.1 : 0), s.Relevant);
        })];
    }

    /// <summary>The share of a category name's words the query holds, singular or plural ("t-shirt" names "t-shirts" whole, "gps" half of "gps accessories").</summary>
    internal static double NamedShare(string category, IReadOnlyList<string> queryWords)
    {
        var names = category.Split([' ', '-', '/', '&'], StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) return 0;
        var q = queryWords.SelectMany(w => w.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        static string Stem(string w) => w.EndsWith("ies") ? w[..^3] + "y" : w.EndsWith("es") && w.Length > 4 ? w[..^2] : w.EndsWith('s') && w.Length > 3 ? w[..^1] : w;
        var stems = q.Select(Stem).ToHashSet(StringComparer.Ordinal);
        return (double)names.Count(n => q.Contains(n) || stems.Contains(Stem(n)) || stems.Contains(n)) / names.Length;
    }

    /// <summary>"battery for canon sd1100" → ("battery", "canon sd1100"); a query without "for"/"fits"/"compatible with" is all head.</summary>
    internal static (string Head, string Target) SplitFor(string query)
    {
        var q = " " + QueryText.Normalize(query) + " ";
        foreach (var sep in new[] { " for ", " fits ", " compatible with ", " to fit " })
        {
            var i = q.IndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && i + sep.Length < q.Length - 1) return (q[..i].Trim(), q[(i + sep.Length)..].Trim());
        }
        return (q.Trim(), "");
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

    /// <summary>
    /// CIEDE2000 distance of a product's colours to <paramref name="c"/>: its stated colour, else (or if nearer) its dominant image
    /// colours, the second and third a little further (+4, +8) and each further the less of the image it covers; MaxValue when
    /// the product has no colour at all.
    /// </summary>
    public static double ColorDistance2000(ProductRow r, Lab c)
    {
        var best = double.MaxValue;
        if (Lab.From(r.ColorLab) is { } own) best = own.DeltaE2000(c);
        if (Lab.From(r.Color1) is { } c1) best = Math.Min(best, c1.DeltaE2000(c) + Penalty(r.Percent1) / 2);
        if (Lab.From(r.Color2) is { } c2) best = Math.Min(best, c2.DeltaE2000(c) + 4 + Penalty(r.Percent2) / 2);
        if (Lab.From(r.Color3) is { } c3) best = Math.Min(best, c3.DeltaE2000(c) + 8 + Penalty(r.Percent3) / 2);
        return best;
    }

    /// <summary>Image search's colour similarity (CIE76): 1 at ΔE 0 falling linearly to 0 at ΔE 50; dominant image colours count less the smaller their coverage.</summary>
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

    static double NearestDistance(ProductRow r, IReadOnlyList<Lab> colors) => colors.Min(c => ColorDistance2000(r, c));
}
