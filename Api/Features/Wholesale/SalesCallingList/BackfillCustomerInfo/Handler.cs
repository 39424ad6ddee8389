using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BackfillCustomerInfo;

/// <summary>
/// Links unlinked entries to live customers by phone, then by email (the oldest matching account wins), fills blank names
/// and company from the customer, marks do-not-call customers' entries, and refreshes order history on linked entries.
/// Re-running links nothing twice.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string LinkSql = Sql.Load<Handler>("BackfillCustomerInfo.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var row = (await db.QueryToListAsync<Row>(LinkSql, ct))[0];
        await db.ExecuteAsync(CallingList.RefreshOrderStats, ct);
        await tx.CommitAsync(ct);
        var noMatch = row.Total - row.AlreadyLinked - row.Linked;
        return new Response(row.Linked, row.AlreadyLinked, noMatch, row.Total,
            $"Linked {row.Linked} entries to customer records; {row.AlreadyLinked} were already linked, {noMatch} had no match");
    }

    sealed class Row
    {
        public int Total { get; init; }
        public int AlreadyLinked { get; init; }
        public int Linked { get; init; }
    }
}
