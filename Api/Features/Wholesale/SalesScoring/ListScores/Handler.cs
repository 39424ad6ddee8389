using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.ListScores;

/// <summary>
/// Descending orderings rank tier <c>new</c> (one order, P(alive) = 1 by construction) below every repeat buyer, lapsing ones included.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ViewSql = Sql.Load(typeof(ScoreView), "ScoreView.sql");
    /// <summary>Ordering columns that may hold nulls (sorted <c>nulls last</c>); the others are not null, so a plain direction
    /// sorts them the same and matches their indexes (migration 0022).</summary>
    static readonly HashSet<string> Nullable = ["c.company_name"];

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var ordering = string.IsNullOrEmpty(req.Ordering) ? "-expected_orders_90d" : req.Ordering;
        var desc = ordering.StartsWith('-');
        var column = Request.Orderings[ordering.TrimStart('-')];
        var tier = string.IsNullOrEmpty(req.Tier) ? null : req.Tier;
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim();
        // Only the filters given, so each query plans on its own indexes (no "@x is null or" under a generic plan).
        var filters = new List<string>();
        if (tier is not null) filters.Add("s.tier = @Tier");
        if (req.MinPAlive is not null) filters.Add("s.p_alive >= @MinP");
        if (req.MaxPAlive is not null) filters.Add("s.p_alive <= @MaxP");
        if (search is not null)
            filters.Add("(c.company_name ilike @Like or c.first_name ilike @Like or c.last_name ilike @Like or c.email::text ilike @Like or c.phone like @Like)");
        var where = filters.Count == 0 ? "" : "where " + string.Join(" and ", filters);
        var nulls = Nullable.Contains(column) ? " nulls last" : "";
        // Within one tier tier_rank is constant, so it drops out of a tier-filtered descending order (same rows, same order).
        var orderBy = desc
            ? (tier is null ? "s.tier_rank desc, " : "") + $"{column} desc{nulls}, s.customer_id"
            : $"{column} asc{nulls}, s.customer_id";
        var args = new
        {
            Tier = tier, MinP = req.MinPAlive, MaxP = req.MaxPAlive, Search = search,
            Like = search is null ? null : "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%",
            Limit = req.PerPage, Offset = (long)(req.Page - 1) * req.PerPage,
        };
        var rows = await db.QueryToListAsync<ScoreView>($"{ViewSql}\n{where}\norder by {orderBy}\nlimit @Limit offset @Offset", args, ct);

        // The newest good run carries its tier counts (written with its scores); older runs have none: count them then.
        var good = (await db.QueryToListAsync<GoodRun>("""
            select finished_at as "FinishedAt", tier_counts::text as "TierCounts" from wholesale.score_runs
            where status = 'succeeded' order by finished_at desc, id desc limit 1
            """, ct)).FirstOrDefault();
        var counts = good?.TierCounts is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, long>>(json)!
            : (await db.QueryToListAsync<TierCount>("select tier as \"Tier\", count(*) as \"Count\" from wholesale.customer_scores group by tier", ct))
                .ToDictionary(t => t.Tier, t => t.Count);
        var tierCounts = Request.Tiers.ToDictionary(t => t, t => counts.GetValueOrDefault(t));

        // Every score row has its customer (foreign key), so without a customer filter the tier counts are the total.
        long total;
        if (req.MinPAlive is null && req.MaxPAlive is null && search is null)
            total = tier is null ? tierCounts.Values.Sum() : tierCounts[tier];
        else
        {
            var from = search is null ? "wholesale.customer_scores s" : "wholesale.customer_scores s join wholesale.customers c on c.id = s.customer_id";
            total = (await db.QueryToListAsync<long>($"select count(*) from {from}\n{where}", args, ct))[0];
        }
        var last = await db.QueryToListAsync<LastRun>("""
            select id as "Id", status as "Status", error as "Error", started_at as "StartedAt", finished_at as "FinishedAt"
            from wholesale.score_runs order by started_at desc, id desc limit 1
            """, ct);
        var pages = (int)Math.Ceiling(total / (double)req.PerPage);
        return new Response(rows, total, req.Page, pages, tierCounts, good?.FinishedAt, last.FirstOrDefault());
    }

    sealed class TierCount { public string Tier { get; init; } = ""; public long Count { get; init; } }
    sealed class GoodRun { public DateTimeOffset? FinishedAt { get; init; } public string? TierCounts { get; init; } }
}
