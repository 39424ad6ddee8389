using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Bills.GetBill;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string BillSql = BillRow.Select + "\nand b.id = @BillId";
    static readonly string ItemsSql = Sql.Load<Handler>("GetBill.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (await db.QueryToListAsync<Response>(BillSql, new { req.BillId }, ct) is not [var bill])
            return Error.NotFound("Bill.NotFound", "Bill not found");
        return bill with { LineItems = await db.QueryToListAsync<LineItem>(ItemsSql, new { req.BillId }, ct) };
    }
}
