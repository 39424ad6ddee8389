using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.AssignSalesRep;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string AssignSql = Sql.Load<Handler>("Assign.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>(AssignSql, new { req.OrderId, RepId = req.SalesRepId!.Value, ActorId = req.Caller.Id }, ct);
        if (rows is [var row]) return new Response(true, new AssignedOrder(row.Id, row.OrderNumber, req.SalesRepId.Value));
        var orderExists = await db.QueryToListAsync<long>("select id from wholesale.orders where id = @OrderId and deleted_at is null", new { req.OrderId }, ct);
        if (orderExists.Count == 0) return Error.NotFound("Order.NotFound", "Order not found");
        return Error.Validation("SalesRep.Invalid", "sales_rep_id must be an active sales rep",
            new Dictionary<string, object> { ["field"] = "sales_rep_id" });
    }

    sealed class Row { public long Id { get; init; } public string OrderNumber { get; init; } = ""; }
}
