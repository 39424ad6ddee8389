using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.SalesCatalog;

sealed record Request : IRequest<ErrorOr<Response>>;

/// <summary>The document's list of categories (id, name, products); products without a category come last under id null.</summary>
sealed class Response : List<Category>;

sealed class Category
{
    public long? Id { get; init; }
    public string Name { get; init; } = "";
    public List<Product> Products { get; init; } = [];
}

sealed class Product
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Sku { get; init; } = "";
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public string? Brand { get; init; }
    public string? UnitSize { get; init; }
    public bool InStock { get; init; }
}
