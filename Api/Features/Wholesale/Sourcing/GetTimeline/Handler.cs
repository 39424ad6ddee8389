using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.GetTimeline;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    const string ShipmentSql = """select shipment_number as "ShipmentNumber", status as "Status" from wholesale.sourcing_shipments where id = @Sid""";
    static readonly string EventsSql = Sql.Load<Handler>("GetTimeline.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Response>(ShipmentSql, new { req.Sid }, ct) is not [var shipment])
            return Error.NotFound("Shipment.NotFound", "Shipment not found");
        return shipment with { Timeline = await db.QueryToListAsync<Event>(EventsSql, new { req.Sid }, ct) };
    }
}
