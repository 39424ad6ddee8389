using System.Text.Json;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.UpdateVendor;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<VendorRow>>
{
    static readonly string UpdateSql = Sql.Load<Handler>("UpdateVendor.sql");

    public async ValueTask<ErrorOr<VendorRow>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<VendorRow>(UpdateSql, new
            {
                req.VendorId, Name = Rules.Clean(req.Name), Website = Rules.Clean(req.Website), Phone = Rules.Clean(req.Phone),
                Email = Rules.Clean(req.Email), ContactName = Rules.Clean(req.ContactName), Address = Rules.Clean(req.Address),
                Notes = Rules.Clean(req.Notes), req.Active,
            }, ct) is not [var row])
            return Error.NotFound("Vendor.NotFound", "Vendor not found");
        await ProcurementAudit.WriteAsync(db, http.HttpContext!.User.StaffId(), "procurement_vendor.update", "procurement_vendor", row.Id,
            JsonSerializer.Serialize(req with { VendorId = 0 }), ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
