using System.Text.Json;

namespace Api.Features.ShopperSearch.Common;

static class ProductRows
{
    /// <summary>Enough of a product to write recommendation text from cached result items.</summary>
    public static List<ProductRow> FromItems(JsonElement items)
    {
        var list = new List<ProductRow>();
        if (items.ValueKind != JsonValueKind.Array) return list;
        foreach (var i in items.EnumerateArray())
        {
            string? S(string name) => i.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            list.Add(new ProductRow
            {
                ProductId = S("product_id") ?? "", ProductName = S("product_name") ?? "", Brand = S("brand"), Category = S("category"),
                Color = S("color"), Price = S("price") ?? "", Image1 = S("image1") ?? "",
                PriceNumeric = i.TryGetProperty("price_numeric", out var p) && p.TryGetDouble(out var d) ? d : 0,
            });
        }
        return list;
    }
}
