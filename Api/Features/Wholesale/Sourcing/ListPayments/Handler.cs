using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListPayments;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<PaymentRow>>>
{
    static readonly string ListSql = PaymentRow.Select + """

        and (@SupplierId::bigint is null or p.supplier_id = @SupplierId::bigint)
        and (@Status::text is null or p.status = @Status::text)
        order by p.created_at desc, p.id desc
        limit @Limit
        """;

    public async ValueTask<ErrorOr<List<PaymentRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<PaymentRow>(ListSql, new { req.SupplierId, Status = Rules.Opt(req.Status), Limit = req.Limit ?? 500 }, ct);
}
