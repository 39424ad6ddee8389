using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Api.Infrastructure.Database;

namespace Api.Features.Wholesale.Procurement.GetVendor;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string VendorSql = VendorRow.Select + "\nand v.id = @VendorId";
    static readonly string ProductsSql = ProductRow.Select + "\nand p.vendor_id = @VendorId\norder by lower(p.name), p.id";

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Response>(VendorSql, new { req.VendorId }, ct) is not [var vendor])
            return Error.NotFound("Vendor.NotFound", "Vendor not found");
        return vendor with { Products = await db.QueryToListAsync<ProductRow>(ProductsSql, new { req.VendorId }, ct) };
    }
}
