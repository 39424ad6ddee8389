using System.Text.Json;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.CreateVendor;

sealed class Handler(AppDb db, IHttpContextAccessor http) : IRequestHandler<Request, ErrorOr<VendorRow>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateVendor.sql");

    public async ValueTask<ErrorOr<VendorRow>> Handle(Request req, CancellationToken ct)
    {
        static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        await using var tx = await db.BeginTransactionAsync(ct);
        var row = (await db.QueryToListAsync<VendorRow>(InsertSql, new
        {
            Name = req.Name!.Trim(), Website = Opt(req.Website), Phone = Opt(req.Phone), Email = Opt(req.Email),
            ContactName = Opt(req.ContactName), Address = Opt(req.Address), Notes = Opt(req.Notes), Active = req.Active ?? true,
        }, ct)).Single();
        await ProcurementAudit.WriteAsync(db, http.HttpContext!.User.StaffId(), "procurement_vendor.create", "procurement_vendor", row.Id,
            JsonSerializer.Serialize(new { name = row.Name }), ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
