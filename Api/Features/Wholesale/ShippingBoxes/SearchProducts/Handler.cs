using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.SearchProducts;

/// <summary>Live products whose name, SKU or brand contains <c>q</c> (trigram index), by name; empty <c>q</c>: the first by name.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var q = req.Q?.Trim().ToLowerInvariant() ?? "";
        var like = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return new Response(await db.QueryToListAsync<ProductHit>("""
            select p.id as "Id", p.sku as "Sku", p.name as "Name", p.brand as "Brand", p.unit_size as "UnitSize",
                   p.box_length_in as "BoxLengthIn", p.box_width_in as "BoxWidthIn", p.box_height_in as "BoxHeightIn", p.weight_lb as "WeightLb",
                   (select count(*)::int from wholesale.box_rules r where r.product_id = p.id) as "RuleCount"
            from wholesale.products p
            where p.deleted_at is null and (@q = '' or p.search_text like @like)
            order by p.name, p.id
            limit @Limit
            """, new { q, like, Limit = req.Limit ?? 20 }, ct));
    }
}
