using System.Text.Json;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.CustomerOrders;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string OrdersSql = Sql.Load<Handler>("CustomerOrders.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<Row>(OrdersSql, new { req.UserId }, ct);
        if (rows is not [var row]) return Error.NotFound("Customer.NotFound", "Customer not found");
        var orders = JsonDocument.Parse(row.Orders).RootElement;
        return new Response(orders, orders.GetArrayLength());
    }

    sealed class Row { public string Orders { get; init; } = "[]"; }
}
