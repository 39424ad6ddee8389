using System.Globalization;
using System.Text;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Priorities.ListPriorities;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string PageSql = Sql.Load<Handler>("ListPriorities.sql");
    static readonly string SummarySql = Sql.Load<Handler>("Summary.sql");
    static readonly string StoredSummarySql = Sql.Load<Handler>("StoredSummary.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var args = new
        {
            TenantId = Guid.Parse(tenant.Id!), req.Priority, req.MinPriority, req.MaxPriority, req.Override, req.ProductType,
            req.CategoryGroup, req.NeedsSync, req.Limit, Offset = (long)(req.Page - 1) * req.Limit,
        };
        var (summarySql, pageSql) = Statements(req);
        await using var tx = await db.BeginTenantAsync(ct);
        var summary = await db.QueryToListAsync<SummaryRow>(summarySql, args, ct);
        var rows = await db.QueryToListAsync<Row>(pageSql, args, ct);
        await tx.CommitAsync(ct);

        var dist = Enumerable.Range(0, 6).ToDictionary(p => p.ToString(CultureInfo.InvariantCulture), p => summary.FirstOrDefault(s => s.Priority == p)?.Count ?? 0);
        var total = summary.Sum(s => s.Count);
        return new Response(
            rows.Select(r => new Item(r.VariantId, r.ShopifyVariantId.ToString(CultureInfo.InvariantCulture), Gmc.ProductId(r.ShopifyProductId, r.ShopifyVariantId),
                r.ProductTitle, r.Sku, r.Priority, new Labels(r.Label0, r.Label1, r.Label2, r.Label3, r.Label4), r.IsOverride, r.CalculatedAt)).ToList(),
            new Summary(dist, total, summary.Sum(s => s.Overrides), summary.Max(s => s.LastCalculated)),
            new Pagination(req.Page, req.Limit, total, (total + req.Limit - 1) / req.Limit));
    }

    /// <summary>
    /// The summary and page statements for the request's filters. Only the filters present become conditions (no
    /// <c>@x is null or ...</c>): the category group is then an index condition on priority_scores_category in every plan,
    /// including the generic plan PostgreSQL switches to for a statement Npgsql prepared, and each combination of filters
    /// is its own prepared statement. Filters on priority only read the stored per-priority figures (score_summary); any
    /// other filter aggregates the filtered scores.
    /// </summary>
    internal static (string Summary, string Page) Statements(Request req)
    {
        var where = new StringBuilder();
        if (req.Priority is not null) where.Append(" and s.priority = @Priority");
        if (req.MinPriority is not null) where.Append(" and s.priority >= @MinPriority");
        if (req.MaxPriority is not null) where.Append(" and s.priority <= @MaxPriority");
        var stored = req is { Override: null, ProductType: null, CategoryGroup: null, NeedsSync: null };
        if (stored)
        {
            var priority = where.ToString();
            return (StoredSummarySql.Replace(Marker, priority), PageSql.Replace(Marker, priority));
        }
        if (req.Override is not null) where.Append(" and s.is_override = @Override");
        if (req.ProductType is not null) where.Append(" and s.product_type = @ProductType");
        if (req.CategoryGroup is not null) where.Append(" and s.label2 = @CategoryGroup");
        // needsSync: calculated after the last sheet push (never pushed: every score)
        if (req.NeedsSync is not null)
            where.Append(" and (s.calculated_at > coalesce((select t.last_sheet_sync_at from adpriority.tenants t where t.id = @TenantId), '-infinity')) = @NeedsSync");
        var filters = where.ToString();
        return (SummarySql.Replace(Marker, filters), PageSql.Replace(Marker, filters));
    }

    const string Marker = "/*FILTERS*/";

    sealed class SummaryRow
    {
        public int Priority { get; init; }
        public int Count { get; init; }
        public int Overrides { get; init; }
        public DateTime? LastCalculated { get; init; }
    }

    sealed class Row
    {
        public Guid VariantId { get; init; }
        public long ShopifyVariantId { get; init; }
        public long ShopifyProductId { get; init; }
        public string ProductTitle { get; init; } = "";
        public string Sku { get; init; } = "";
        public int Priority { get; init; }
        public string Label0 { get; init; } = "";
        public string Label1 { get; init; } = "";
        public string Label2 { get; init; } = "";
        public string Label3 { get; init; } = "";
        public string Label4 { get; init; } = "";
        public bool IsOverride { get; init; }
        public DateTime CalculatedAt { get; init; }
    }
}
