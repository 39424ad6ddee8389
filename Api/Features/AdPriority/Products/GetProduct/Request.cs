using ErrorOr;
using Mediator;

namespace Api.Features.AdPriority.Products.GetProduct;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public Guid Id { get; init; }
}

sealed record Response(Guid Id, string ShopifyProductId, string Title, string ProductType, string Vendor, string[] Tags, string Status,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<Variant> Variants);
sealed record Variant(Guid Id, string ShopifyVariantId, string Sku, string Price, int InventoryQuantity, string GmcProductId, Score? PriorityScore);
sealed record Score(int Priority, string CustomLabel0, string CustomLabel1, string CustomLabel2, string CustomLabel3, string CustomLabel4,
    bool Override, DateTime CalculatedAt);
