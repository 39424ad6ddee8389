using System.Globalization;
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
        await using var tx = await db.BeginTenantAsync(ct);
        // filters on priority only: the per-priority figures are stored; any other filter aggregates the filtered scores
        var stored = req is { Override: null, ProductType: null, CategoryGroup: null, NeedsSync: null };
        var summary = await db.QueryToListAsync<SummaryRow>(stored ? StoredSummarySql : SummarySql, args, ct);
        var rows = await db.QueryToListAsync<Row>(PageSql, args, ct);
        await tx.CommitAsync(ct);

        var dist = Enumerable.Range(0, 6).ToDictionary(p => p.ToString(CultureInfo.InvariantCulture), p => summary.FirstOrDefault(s => s.Priority == p)?.Count ?? 0);
        var total = summary.Sum(s => s.Count);
        return new Response(
            rows.Select(r => new Item(r.VariantId, r.ShopifyVariantId.ToString(CultureInfo.InvariantCulture), Gmc.ProductId(r.ShopifyProductId, r.ShopifyVariantId),
                r.ProductTitle, r.Sku, r.Priority, new Labels(r.Label0, r.Label1, r.Label2, r.Label3, r.Label4), r.IsOverride, r.CalculatedAt)).ToList(),
            new Summary(dist, total, summary.Sum(s => s.Overrides), summary.Max(s => s.LastCalculated)),
            new Pagination(req.Page, req.Limit, total, (total + req.Limit - 1) / req.Limit));
    }

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
