using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListVendorProducts;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<ProductRow>>>
{
    static readonly string VendorSql = "select id from wholesale.procurement_vendors where id = @VendorId";
    static readonly string ListSql = ProductRow.Select + "\nand p.vendor_id = @VendorId and (@All or p.active)\norder by lower(p.name), p.id";

    public async ValueTask<ErrorOr<List<ProductRow>>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<long>(VendorSql, new { req.VendorId }, ct) is not [_])
            return Error.NotFound("Vendor.NotFound", "Vendor not found");
        return await db.QueryToListAsync<ProductRow>(ListSql, new { req.VendorId, All = AllFlag.IncludeInactive(req.All) }, ct);
    }
}
