using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Procurement.ListVendors;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<VendorRow>>>
{
    static readonly string ListSql = VendorRow.Select + "\nand (@All or v.active)\norder by lower(v.name), v.id";

    public async ValueTask<ErrorOr<List<VendorRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<VendorRow>(ListSql, new { All = AllFlag.IncludeInactive(req.All) }, ct);
}
