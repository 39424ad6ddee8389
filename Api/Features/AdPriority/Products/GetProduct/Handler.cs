using System.Globalization;
using Api.Infrastructure.Database;
using Api.Infrastructure.Tenancy;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.AdPriority.Products.GetProduct;

sealed class Handler(AppDb db, TenantContext tenant) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ProductSql = Sql.Load<Handler>("GetProduct.sql");
    static readonly string VariantsSql = Sql.Load<Handler>("GetVariants.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var args = new { TenantId = Guid.Parse(tenant.Id!), req.Id };
        await using var tx = await db.BeginTenantAsync(ct);
        var products = await db.QueryToListAsync<ProductRow>(ProductSql, args, ct);
        if (products is not [var p]) return Error.NotFound("NOT_FOUND", "Product not found");
        var variants = await db.QueryToListAsync<VariantRow>(VariantsSql, args, ct);
        await tx.CommitAsync(ct);

        return new Response(p.Id, p.ShopifyProductId.ToString(CultureInfo.InvariantCulture), p.Title, p.ProductType, p.Vendor, p.Tags, p.Status,
            p.CreatedAt, p.UpdatedAt,
            variants.Select(v => new Variant(v.Id, v.ShopifyVariantId.ToString(CultureInfo.InvariantCulture), v.Sku,
                v.Price.ToString("0.00", CultureInfo.InvariantCulture), v.InventoryQuantity,
                Gmc.ProductId(p.ShopifyProductId, v.ShopifyVariantId),
                v.Priority is { } pr ? new Score(pr, v.Label0!, v.Label1!, v.Label2!, v.Label3!, v.Label4!, v.IsOverride, v.CalculatedAt!.Value) : null)).ToList());
    }

    sealed class ProductRow
    {
        public Guid Id { get; init; }
        public long ShopifyProductId { get; init; }
        public string Title { get; init; } = "";
        public string ProductType { get; init; } = "";
        public string Vendor { get; init; } = "";
        public string[] Tags { get; init; } = [];
        public string Status { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    sealed class VariantRow
    {
        public Guid Id { get; init; }
        public long ShopifyVariantId { get; init; }
        public string Sku { get; init; } = "";
        public decimal Price { get; init; }
        public int InventoryQuantity { get; init; }
        public int? Priority { get; init; }
        public string? Label0 { get; init; }
        public string? Label1 { get; init; }
        public string? Label2 { get; init; }
        public string? Label3 { get; init; }
        public string? Label4 { get; init; }
        public bool IsOverride { get; init; }
        public DateTime? CalculatedAt { get; init; }
    }
}
