using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Orders.Reorder;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    [JsonIgnore] public long CustomerId { get; init; }
}

sealed record Response(bool Success, List<Item> Items);

/// <summary>The document's fields with today's catalog prices (not the prices paid then).</summary>
sealed record Item
{
    public long ProductId { get; init; }
    public string ProductName { get; init; } = "";
    public string ProductSku { get; init; } = "";
    public int Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal? BulkPrice { get; init; }
    public int? BulkQuantity { get; init; }
    [JsonIgnore] public long FirstLine { get; init; }
}
