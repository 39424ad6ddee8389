using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetProducts;

/// <summary>Active products matching every word of <c>query</c> (name, SKU, brand) and the category by name; at most 25, speakable.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    const string Query = """
        with p as (
            select p.sku, p.name, p.brand, p.unit_size, p.unit_price, p.bulk_price, p.bulk_quantity,
                   (p.in_stock and coalesce(p.stock_quantity, 1) > 0) as in_stock, p.stock_quantity
              from wholesale.products p left join wholesale.categories c on c.id = p.category_id and c.deleted_at is null
             where p.deleted_at is null and p.is_active
               and (cardinality(@Words) = 0 or p.search_text like all (select '%' || w || '%' from unnest(@Words) w))
               and (@Category is null or lower(c.name) = @Category)
               and (not @InStockOnly or (p.in_stock and coalesce(p.stock_quantity, 1) > 0))
             order by p.name, p.id limit 25)
        select json_build_object('success', true, 'count', count(*), 'products', coalesce(json_agg(p), '[]'))::text from p
        """;

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var words = (req.Query ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Replace("\\", "").Replace("%", "").Replace("_", "")).Where(w => w.Length > 0).Take(8).ToArray();
        var category = string.IsNullOrWhiteSpace(req.Category) ? null : req.Category.Trim().ToLowerInvariant();
        return (await VoiceKit.JsonAsync(db, Query, new { Words = words, Category = category, InStockOnly = req.InStockOnly ?? false }, ct))!.Value;
    }
}
