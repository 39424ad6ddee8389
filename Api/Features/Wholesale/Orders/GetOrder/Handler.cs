using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Orders.GetOrder;

/// <summary>
/// Signed in: only the customer's own order (any other number is 404, as if it did not exist). Signed out: the tracking view
/// of any order by its unguessable number, without the account id (rate-limited by the endpoint).
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string GetSql = Sql.Load<Handler>("GetOrder.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var notFound = Error.NotFound("Order.NotFound", "Order not found");
        if (!OrderNumbers.Plausible(req.OrderNumber)) return notFound;
        if (await db.QueryToListAsync<OrderSummary>(GetSql, new { req.OrderNumber }, ct) is not [var order]) return notFound;
        if (req.CustomerId is { } me && order.UserId != me) return notFound;
        var items = await OrderItems.LoadAsync(db, [order.Id], ct);
        order = order with { Items = items[order.Id].ToList() };
        return new Response(req.CustomerId is null ? order with { UserId = null } : order);
    }
}
