using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListShipments;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<ShipmentRow>>>
{
    static readonly string ListSql = ShipmentRow.Select + """

        and (@Status::text is null or h.status = @Status::text)
        and (@SupplierId::bigint is null or h.supplier_id = @SupplierId::bigint)
        and (@Active::boolean is null or (h.status not in ('received', 'cancelled')) = @Active::boolean)
        order by h.created_at desc, h.id desc
        limit @Limit
        """;

    public async ValueTask<ErrorOr<List<ShipmentRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<ShipmentRow>(ListSql, new
        {
            Status = Rules.Opt(req.Status), req.SupplierId, Active = Request.ActiveFilter(req.Active), Limit = req.Limit ?? 500,
        }, ct);
}
