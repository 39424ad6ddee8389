using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.InventoryNeeds;

/// <summary>
/// Without <c>product_id</c>: the products that need ordering, most urgent first (fewest days of cover). With it: that
/// product's figures whether or not it needs ordering (<c>needs_reorder</c> says which); 404 for an unknown product.
/// </summary>
sealed record Request : IRequest<ErrorOr<List<Need>>>
{
    [QueryParam, BindFrom("product_id")] public long? ProductId { get; init; }
    /// <summary>Beyond the document: at most this many rows (default 500, at most 5,000).</summary>
    [QueryParam] public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ProductId).GreaterThan(0).WithMessage("Must be a product id");
            RuleFor(r => r.Limit).InclusiveBetween(1, 5000);
        }
    }
}

/// <summary>An inventory_need object.</summary>
sealed record Need
{
    public long ProductId { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public long? CategoryId { get; init; }
    public string? Category { get; init; }
    public int? StockQuantity { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("units_sold_90d")] public int UnitsSold90d { get; init; }
    public decimal DailyUnits { get; init; }
    public int LeadTimeDays { get; init; }
    public int SafetyDays { get; init; }
    public int ReorderPoint { get; init; }
    public int IncomingQuantity { get; init; }
    public decimal? DaysOfCover { get; init; }
    public int SuggestedQuantity { get; init; }
    public bool NeedsReorder { get; init; }
}
