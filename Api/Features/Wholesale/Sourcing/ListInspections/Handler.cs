using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListInspections;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<QcRow>>>
{
    static readonly string ListSql = QcRow.Select + """

        and (@Status::text is null or q.result = @Status::text)
        and (@ShipmentId::bigint is null or q.shipment_id = @ShipmentId::bigint)
        and (@SupplierId::bigint is null or q.supplier_id = @SupplierId::bigint)
        order by q.created_at desc, q.id desc
        limit @Limit
        """;

    public async ValueTask<ErrorOr<List<QcRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<QcRow>(ListSql, new { Status = Rules.Opt(req.Status), req.ShipmentId, req.SupplierId, Limit = req.Limit ?? 500 }, ct);
}
