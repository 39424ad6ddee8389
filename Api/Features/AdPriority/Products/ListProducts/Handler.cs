using Api.Features.AdPriority.Scoring;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Products.ListProducts;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListProducts.sql");
    static readonly string CountSql = Sql.Load<Handler>("CountProducts.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var dir = req.SortOrder == "desc" ? "desc" : "asc";
        var order = req.SortBy switch   // whitelisted by the validator; never user text
        {
            "priority" => $"p.priority {dir} nulls last, p.title, p.id",
            "updatedAt" => $"p.updated_at {dir}, p.id",
            "productType" => $"p.product_type {dir}, p.title, p.id",
            _ => $"p.title {dir}, p.id",
        };
        var args = new
        {
            TenantId = Guid.Parse(tenant.Id!), req.Status, req.ProductType, req.Vendor, req.Priority,
            Search = string.IsNullOrWhiteSpace(req.Search) ? null : "%" + req.Search.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%",
            req.Limit, Offset = (long)(req.Page - 1) * req.Limit,
        };
        await using var tx = await db.BeginTenantAsync(ct);
        var total = await db.ExecuteAsync<long>(CountSql, args, ct);
        var rows = await db.QueryToListAsync<Row>(ListSql.Replace("/*ORDER*/", order), args, ct);
        await tx.CommitAsync(ct);

        var pages = (total + req.Limit - 1) / req.Limit;
        return new Response(
            rows.Select(r => new Item(r.Id, r.ShopifyProductId, r.Title, r.ProductType, r.Vendor, r.Tags, r.Status, r.VariantCount,
                r.Priority is { } p ? new PriorityInfo(p, ScoringEngine.Describe(p), r.PriorityOverride, r.PriorityCalculatedAt) : null,
                r.UpdatedAt)).ToList(),
            new Pagination(req.Page, req.Limit, total, pages, req.Page < pages, req.Page > 1));
    }

    sealed class Row
    {
        public Guid Id { get; init; }
        public string ShopifyProductId { get; init; } = "";
        public string Title { get; init; } = "";
        public string ProductType { get; init; } = "";
        public string Vendor { get; init; } = "";
        public string[] Tags { get; init; } = [];
        public string Status { get; init; } = "";
        public int VariantCount { get; init; }
        public int? Priority { get; init; }
        public bool PriorityOverride { get; init; }
        public DateTime? PriorityCalculatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }
}
