using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.ListLabels;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListLabels.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await ShipOrders.LoadAsync(db, req.OrderNumber, ct) is not { } order) return ShipOrders.NotFound;
        return new Response(await db.QueryToListAsync<LabelView>(ListSql, new { OrderId = order.Id }, ct));
    }
}
