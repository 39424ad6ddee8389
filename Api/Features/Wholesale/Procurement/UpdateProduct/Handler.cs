using System.Text.Json;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.Procurement.UpdateProduct;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<ProductRow>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateProduct.sql");
    const string VendorSql = "select id from wholesale.procurement_vendors where id = @VendorId for key share";

    public async ValueTask<ErrorOr<ProductRow>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (req.VendorId is { } vendorId && await db.QueryToListAsync<long>(VendorSql, new { VendorId = vendorId }, ct) is not [_])
            return Error.Validation("vendor_id", $"Vendor {vendorId} does not exist");
        List<ProductRow> rows;
        try
        {
            rows = await db.QueryToListAsync<ProductRow>(UpdateSql, new
            {
                req.ProductId, Name = Rules.Clean(req.Name), Category = Rules.Clean(req.Category), Description = Rules.Clean(req.Description),
                ModelNumber = Rules.Clean(req.ModelNumber), req.EstPriceMin, req.EstPriceMax, req.LeadTimeDays, Notes = Rules.Clean(req.Notes),
                req.Active, req.VendorId,
            }, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation && e.ConstraintName == "procurement_products_price_range")
        {
            // one bound sent, the other stored: the pair would be out of order
            return Error.Validation(req.EstPriceMax is null ? "est_price_min" : "est_price_max", "est_price_min must not exceed est_price_max");
        }
        if (rows is not [var row]) return Error.NotFound("Product.NotFound", "Procurement product not found");
        await ProcurementAudit.WriteAsync(db, http.HttpContext!.User.StaffId(), "procurement_product.update", "procurement_product", row.Id,
            JsonSerializer.Serialize(new { vendor_id = row.VendorId, moved = req.VendorId is not null }), ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
