using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Orders.Reorder;

/// <summary>Returns the items of one of the customer's own orders for a quick reorder; nothing is written.</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string ReorderSql = Sql.Load<Handler>("Reorder.sql");
    static readonly string ExistsSql = Sql.Load<Handler>("Exists.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (!OrderNumbers.Plausible(req.OrderNumber)) return Error.NotFound("Order.NotFound", "Order not found");
        var items = await db.QueryToListAsync<Item>(ReorderSql, new { req.OrderNumber, req.CustomerId }, ct);
        if (items.Count == 0 && await db.ExecuteAsync<int>(ExistsSql, new { req.OrderNumber, req.CustomerId }, ct) == 0)
            return Error.NotFound("Order.NotFound", "Order not found");
        return new Response(true, items);
    }
}
