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
    const string Where = """
         where (@Tier is null or s.tier = @Tier)
           and (@MinP is null or s.p_alive >= @MinP) and (@MaxP is null or s.p_alive <= @MaxP)
           and (@Search is null or c.company_name ilike @Like or c.first_name ilike @Like or c.last_name ilike @Like
                or c.email::text ilike @Like or c.phone like @Like)
        """;

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var ordering = string.IsNullOrEmpty(req.Ordering) ? "-expected_orders_90d" : req.Ordering;
        var desc = ordering.StartsWith('-');
        var column = Request.Orderings[ordering.TrimStart('-')];
        var orderBy = desc ? $"s.tier_rank desc, {column} desc nulls last, s.customer_id" : $"{column} asc nulls last, s.customer_id";
        var search = string.IsNullOrWhiteSpace(req.Search) ? null : req.Search.Trim();
        var args = new
        {
            Tier = string.IsNullOrEmpty(req.Tier) ? null : req.Tier, MinP = req.MinPAlive, MaxP = req.MaxPAlive, Search = search,
            Like = search is null ? null : "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%",
            Limit = req.PerPage, Offset = (long)(req.Page - 1) * req.PerPage,
        };
        var rows = await db.QueryToListAsync<ScoreView>($"{ViewSql}\n{Where}\norder by {orderBy}\nlimit @Limit offset @Offset", args, ct);
        var total = await db.QueryToListAsync<long>($"select count(*) from wholesale.customer_scores s join wholesale.customers c on c.id = s.customer_id\n{Where}", args, ct);
        var counts = (await db.QueryToListAsync<TierCount>("select tier as \"Tier\", count(*) as \"Count\" from wholesale.customer_scores group by tier", ct))
            .ToDictionary(t => t.Tier, t => t.Count);
        var tierCounts = Request.Tiers.ToDictionary(t => t, t => counts.GetValueOrDefault(t));
        var last = await db.QueryToListAsync<LastRun>("""
            select id as "Id", status as "Status", error as "Error", started_at as "StartedAt", finished_at as "FinishedAt"
            from wholesale.score_runs order by started_at desc, id desc limit 1
            """, ct);
        var lastComputed = await db.QueryToListAsync<DateTimeOffset?>(
            "select max(finished_at) from wholesale.score_runs where status = 'succeeded'", ct);
        var pages = (int)Math.Ceiling(total[0] / (double)req.PerPage);
        return new Response(rows, total[0], req.Page, pages, tierCounts, lastComputed.FirstOrDefault(), last.FirstOrDefault());
    }

    sealed class TierCount { public string Tier { get; init; } = ""; public long Count { get; init; } }
}
