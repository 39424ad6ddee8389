using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Catalog.GetProductBySku;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sku")] public string Sku { get; init; } = "";
}

/// <summary>The document's fields. Inactive and deleted products are not public (404).</summary>
sealed record Response
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public long? CategoryId { get; init; }
    public string Sku { get; init; } = "";
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    public string? UnitSize { get; init; }
    public string? Brand { get; init; }
    public string? ImageUrl { get; init; }
    public bool InStock { get; init; }
}
