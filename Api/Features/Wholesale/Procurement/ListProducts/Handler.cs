using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListProducts;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<ProductRow>>>
{
    // an inactive vendor's products are hidden with the vendor unless all=1
    static readonly string ListSql = ProductRow.Select + """

        and (@All or (p.active and exists (select 1 from wholesale.procurement_vendors v where v.id = p.vendor_id and v.active)))
        and (@Category::text is null or lower(p.category) = lower(@Category::text))
        order by lower(p.category), lower(p.name), p.id
        """;

    public async ValueTask<ErrorOr<List<ProductRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<ProductRow>(ListSql,
            new { All = AllFlag.IncludeInactive(req.All), Category = string.IsNullOrWhiteSpace(req.Category) ? null : req.Category.Trim() }, ct);
}
