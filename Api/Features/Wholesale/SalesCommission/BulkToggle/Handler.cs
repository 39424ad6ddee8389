using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.SalesCommission.BulkToggle;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string SetSql = Sql.Load<Handler>("SetPaid.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var paid = req.Paid ?? true;
        var numbers = req.OrderNumbers!.Select(n => n.Trim()).Distinct().ToArray();
        await using var tx = await db.BeginTransactionAsync(ct);
        var orders = (await db.QueryToListAsync<CommissionRow>(CommissionRow.Sql + " order by o.id for update of o", new { Numbers = numbers }, ct))
            .ToDictionary(o => o.OrderNumber);
        var skipped = new List<Skipped>();
        var ids = new List<long>();
        foreach (var n in numbers)
        {
            if (!orders.TryGetValue(n, out var o)) skipped.Add(new Skipped(n, "not found"));
            else if (o.SalesRepId is null) skipped.Add(new Skipped(n, "not attributed to a sales rep"));
            else if (paid && !o.Earned) skipped.Add(new Skipped(n, "commission is earned only on paid, non-cancelled orders"));
            else ids.Add(o.Id);
        }
        var updated = ids.Count == 0 ? 0 : await db.ExecuteAsync(SetSql, new { Ids = ids.ToArray(), Paid = paid, StaffId = req.Caller.Id }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, updated, paid, skipped);
    }
}
