using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.DeleteVendor;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string DeleteSql = Sql.Load<Handler>("DeleteVendor.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var user = http.HttpContext!.User;
        if (user.StaffRole() != "admin") return Error.Forbidden("Forbidden", "Deleting a vendor requires the admin role");
        await using var tx = await db.BeginTransactionAsync(ct);
        if (await db.QueryToListAsync<string>(DeleteSql, new { req.VendorId }, ct) is not [var snapshot])
            return Error.NotFound("Vendor.NotFound", "Vendor not found");
        await ProcurementAudit.WriteAsync(db, user.StaffId(), "procurement_vendor.delete", "procurement_vendor", req.VendorId, snapshot, ct);
        await tx.CommitAsync(ct);
        return new Response(true);
    }
}
