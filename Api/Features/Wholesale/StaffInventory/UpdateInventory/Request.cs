using System.Text.Json.Serialization;
using Api.Features.Wholesale.StaffProducts;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffInventory.UpdateInventory;

/// <summary>
/// The document's fields (in_stock, unit_price, bulk_price, stock_quantity; at least one) plus <c>note</c>, the "why" of the
/// ledger row (≤ 500; default "PUT /api/staff/inventory"). <c>stock_quantity: null</c> stops tracking; <c>bulk_price: null</c>
/// clears it.
/// </summary>
sealed class Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("product_id")] public long ProductId { get; init; }

    [JsonIgnore] internal StaffProductPatch Patch { get; } = new();
    public bool? InStock { get => Patch.InStock; set => Patch.InStock = value; }
    public decimal? UnitPrice { get => Patch.UnitPrice; set => Patch.UnitPrice = value; }
    public decimal? BulkPrice { get => Patch.BulkPrice; set => Patch.BulkPrice = value; }
    public int? StockQuantity { get => Patch.StockQuantity; set => Patch.StockQuantity = value; }
    public string? Note { get; set; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r).Custom((r, ctx) =>
        {
            foreach (var (field, message) in r.Patch.Problems()) ctx.AddFailure(field, message);
            if (r.Patch.Given.Count == 0) ctx.AddFailure("body", "Send at least one of in_stock, unit_price, bulk_price, stock_quantity");
            if (r.Note is { Length: > 500 }) ctx.AddFailure("note", "Must be at most 500 characters");
            if (r.Note is { } n && n.Contains('\0')) ctx.AddFailure("note", "Must not contain NUL characters");
        });
    }
}

/// <summary>The document's fields: success, product (id, name, sku, brand, unit_size, in_stock, unit_price, bulk_price, stock_quantity).</summary>
sealed record Response(bool Success, Product Product);

sealed record Product(long Id, string Name, string Sku, string? Brand, string? UnitSize, bool InStock, decimal UnitPrice,
    decimal? BulkPrice, int? StockQuantity);
