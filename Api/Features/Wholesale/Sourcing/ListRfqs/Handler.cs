using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListRfqs;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<List<RfqRow>>>
{
    static readonly string ListSql = RfqRow.Select + """

        and (@Status::text is null or r.status = @Status::text)
        and (@ProductId::bigint is null or r.product_id = @ProductId::bigint)
        order by r.created_at desc, r.id desc
        limit @Limit
        """;

    public async ValueTask<ErrorOr<List<RfqRow>>> Handle(Request req, CancellationToken ct) =>
        await db.QueryToListAsync<RfqRow>(ListSql, new { Status = Rules.Opt(req.Status), req.ProductId, Limit = req.Limit ?? 500 }, ct);
}
