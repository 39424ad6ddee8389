using System.Text.Json;
using Api.Infrastructure.Database;
using LinqToDB.Data;

namespace Api.Features.AdPriority.Catalog;

/// <summary>
/// Writes Shopify REST product payloads (product + variants) into the tenant's cache: upsert by Shopify id, revive soft-deleted
/// rows, soft-delete variants the payload no longer has. Used by product sync and the products/create|update webhooks.
/// Runs inside the caller's tenant transaction; returns the local ids of the written products.
/// </summary>
public static class ProductUpsert
{
    static readonly string UpsertSql = Sql.Load(typeof(ProductUpsert), "UpsertProducts.sql");

    public static async Task<List<Guid>> UpsertAsync(DataConnection db, Guid tenant, IEnumerable<JsonElement> products, CancellationToken ct)
    {
        var rows = products.Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id", out var id) && id.TryGetInt64(out _))
            .Select(p => new
            {
                id = p.GetProperty("id").GetInt64(),
                title = Str(p, "title") ?? "",
                product_type = Str(p, "product_type") ?? "",
                vendor = Str(p, "vendor") ?? "",
                tags = (Str(p, "tags") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                status = Str(p, "status") is "archived" or "draft" ? Str(p, "status") : "active",
                created_at = Str(p, "created_at"),
                updated_at = Str(p, "updated_at"),
                variants = p.TryGetProperty("variants", out var v) && v.ValueKind == JsonValueKind.Array
                    ? v.EnumerateArray().Where(x => x.TryGetProperty("id", out var vid) && vid.TryGetInt64(out _)).Select(x => new
                    {
                        id = x.GetProperty("id").GetInt64(),
                        title = Str(x, "title") ?? "",
                        sku = Str(x, "sku") ?? "",
                        price = decimal.TryParse(Str(x, "price"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var pr) ? pr : 0m,
                        inventory_quantity = x.TryGetProperty("inventory_quantity", out var q) && q.TryGetInt32(out var qi) ? qi : 0,
                    }).ToArray()
                    : [],
            }).ToList();
        if (rows.Count == 0) return [];
        return await db.QueryToListAsync<Guid>(UpsertSql, new { TenantId = tenant, Json = JsonSerializer.Serialize(rows) }, ct);
    }

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null,
    } : null;
}
