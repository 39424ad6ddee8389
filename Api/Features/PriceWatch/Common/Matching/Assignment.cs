namespace Api.Features.PriceWatch.Common.Matching;

/// <summary>
/// One-to-one assignment of accepted matches (issue 19 §3): each own product gets at most one listing per competitor, and each
/// competitor product goes to at most one own product unless the profile allows many-to-one
/// (<see cref="MatchProfile.AllowManyToOne"/>). Greedy maximum-weight: the accepted pairs are taken best confidence first, a
/// pair whose own product (for that competitor) or listing is already taken is skipped. Greedy is within half of the optimum
/// in theory; on the labelled set it loses nothing against the per-product best pick (docs/quality.md). Ties are broken by
/// content, never by database ids: own name, own price, own source id, then the listing's name, price and source id (ordinal).
/// </summary>
static class Assignment
{
    public sealed record Edge(Item Own, Candidate Match);

    public static List<Edge> Greedy(IEnumerable<Edge> edges, bool allowManyToOne)
    {
        var ownTaken = new HashSet<(Guid Own, Guid Competitor)>();
        var listingTaken = new HashSet<Guid>();
        var result = new List<Edge>();
        foreach (var e in edges.Order(Order.Instance))
        {
            if (ownTaken.Contains((e.Own.Id, e.Match.Product.CompetitorId))) continue;
            if (!allowManyToOne && listingTaken.Contains(e.Match.Product.Id)) continue;
            ownTaken.Add((e.Own.Id, e.Match.Product.CompetitorId));
            listingTaken.Add(e.Match.Product.Id);
            result.Add(e);
        }
        return result;
    }

    /// <summary>Best confidence first; ties by content (names, prices, source ids), never by database ids.</summary>
    public sealed class Order : IComparer<Edge>
    {
        public static readonly Order Instance = new();

        public int Compare(Edge? x, Edge? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return 1;
            if (y is null) return -1;
            var c = y.Match.Confidence.CompareTo(x.Match.Confidence);
            if (c == 0) c = Items(x.Own, y.Own);
            if (c == 0) c = Items(x.Match.Product, y.Match.Product);
            return c;
        }

        static int Items(Item a, Item b)
        {
            var c = string.CompareOrdinal(a.Name, b.Name);
            if (c == 0) c = Nullable.Compare(a.Price, b.Price);
            if (c == 0) c = string.CompareOrdinal(a.Vendor, b.Vendor);
            if (c == 0) c = string.CompareOrdinal(a.SourceId, b.SourceId);
            return c;
        }
    }
}
