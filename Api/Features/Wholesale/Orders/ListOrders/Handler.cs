using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Orders.ListOrders;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<OrderSummary>>>
{
    static readonly string ListSql = Sql.Load<Handler>("ListOrders.sql");

    public async ValueTask<ErrorOr<List<OrderSummary>>> Handle(Request req, CancellationToken ct)
    {
        var orders = await db.QueryToListAsync<OrderSummary>(ListSql, new { req.CustomerId }, ct);
        var items = await OrderItems.LoadAsync(db, orders.Select(o => o.Id).ToArray(), ct);
        return orders.Select(o => o with { Items = items[o.Id].ToList() }).ToList();
    }
}
