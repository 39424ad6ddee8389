using System.Text.Json;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.CreateVendorProduct;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<ProductRow>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateVendorProduct.sql");

    public async ValueTask<ErrorOr<ProductRow>> Handle(Request req, CancellationToken ct)
    {
        static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<ProductRow>(InsertSql, new
            {
                req.VendorId, Name = req.Name!.Trim(), Category = Opt(req.Category), Description = Opt(req.Description),
                ModelNumber = Opt(req.ModelNumber), req.EstPriceMin, req.EstPriceMax, req.LeadTimeDays, Notes = Opt(req.Notes),
                Active = req.Active ?? true,
            }, ct) is not [var row])
            return Error.NotFound("Vendor.NotFound", "Vendor not found");
        await ProcurementAudit.WriteAsync(db, http.HttpContext!.User.StaffId(), "procurement_product.create", "procurement_product", row.Id,
            JsonSerializer.Serialize(new { vendor_id = row.VendorId, name = row.Name }), ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
