using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ShippingMe;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<ShippingStaffView>>
{
    static readonly string MeSql = Sql.Load<Handler>("ShippingMe.sql");

    public async ValueTask<ErrorOr<ShippingStaffView>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<ShippingStaffView>(MeSql, new { Id = req.StaffId }, ct) is [var staff]
            ? staff
            : Error.Unauthorized("Auth.NoAccount", "Authentication required");
}
