using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Api.Features.Wholesale.Sourcing;

/// <summary>
/// A shipment's <c>items</c>: objects as the caller sends them (name, sku, notes... are kept as given). An item that names
/// one of our products carries <c>product_id</c> and a positive whole <c>quantity</c>; those lines count as stock on the
/// way in inventory-needs.
/// </summary>
static class ShipmentItems
{
    public static void Check<T>(List<JsonElement>? items, List<JsonElement>? documents, ValidationContext<T> ctx)
    {
        if (items is not null)
        {
            if (items.Count > 500) ctx.AddFailure(new ValidationFailure("items", "At most 500 items"));
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.ValueKind != JsonValueKind.Object) { ctx.AddFailure(new ValidationFailure($"items[{i}]", "Must be an object")); continue; }
                var hasProduct = item.TryGetProperty("product_id", out var pid) && pid.ValueKind != JsonValueKind.Null;
                if (hasProduct && !(pid.ValueKind == JsonValueKind.Number && pid.TryGetInt64(out var p) && p > 0))
                    ctx.AddFailure(new ValidationFailure($"items[{i}].product_id", "Must be a product id"));
                var hasQty = item.TryGetProperty("quantity", out var q) && q.ValueKind != JsonValueKind.Null;
                if (hasQty && !(q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var n) && n > 0))
                    ctx.AddFailure(new ValidationFailure($"items[{i}].quantity", "Must be a positive whole number"));
                if (hasProduct && !hasQty) ctx.AddFailure(new ValidationFailure($"items[{i}].quantity", "Required with product_id"));
            }
        }
        if (documents is { Count: > 100 }) ctx.AddFailure(new ValidationFailure("documents", "At most 100 documents"));
        if (JsonSerializer.Serialize(items).Length + JsonSerializer.Serialize(documents).Length > 200_000)
            ctx.AddFailure(new ValidationFailure("items", "items and documents are too large"));
    }

    /// <summary>(product_id, quantity) per product, summed, for sourcing_shipment_items.</summary>
    public static string ProductLines(List<JsonElement>? items) => JsonSerializer.Serialize(
        (items ?? []).Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("product_id", out var p) && p.ValueKind == JsonValueKind.Number)
            .GroupBy(i => i.GetProperty("product_id").GetInt64())
            .Select(g => new { product_id = g.Key, quantity = g.Sum(i => i.GetProperty("quantity").GetInt32()) }));
}
